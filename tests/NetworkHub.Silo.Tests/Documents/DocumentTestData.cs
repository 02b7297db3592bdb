using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;
using Orleans.TestingHost;

namespace NetworkHub.Silo.Tests.Documents;

/// <summary>Documents in fresh spaces, and versions stored the way the API stores them: bytes and text in the real content store first.</summary>
internal static class DocumentTestData
{
    public static DocumentProfile Profile(string title = "National action plan", params string[] tags) =>
        new(title, "Draft for consultation", tags, "fr", DocumentStatus.Draft);

    public static IContentStore Content(ClusterFixture fixture) =>
        Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary).SiloHost.Services.GetRequiredService<IContentStore>();

    public static async Task<(IOrganisationGrain Organisation, Caller Coordinator, SpaceRef Space)> OrganisationAsync(IGrainFactory grains, Visibility visibility)
    {
        var coordinator = await TestData.PersonAsync(grains, "Coordinator");
        var organisation = grains.GetGrain<IOrganisationGrain>(Guid.CreateVersion7());
        await organisation.CreateAsync(coordinator, new OrganisationProfile("Red de Defensoras", OrganisationKind.CivilSocietyOrganisation, "CO", null, [], null, null, visibility));
        return (organisation, coordinator, new SpaceRef(SpaceKind.Organisation, organisation.GetPrimaryKey()));
    }

    public static async Task<(IDocumentGrain Document, Caller Coordinator, Caller Member, ISpaceGrain Space)> DocumentAsync(IGrainFactory grains, Visibility visibility = Visibility.Private)
    {
        var (organisation, coordinator, space) = await OrganisationAsync(grains, visibility);
        var member = await TestData.MemberAsync(grains, organisation, coordinator, SpaceRole.Member);
        var document = grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7());
        await document.CreateAsync(coordinator, space, Profile());
        return (document, coordinator, member, organisation);
    }

    public static List<DocumentSection> Sections(params string[] headings) =>
        [.. headings.Select((h, i) => new DocumentSection($"s-{h.ToLowerInvariant().Replace(' ', '-')}", 1, h, $"Text of {h}, paragraph {i}."))];

    /// <summary>A Markdown version as the API adds one: the bytes and the sections' JSON stored, then the grain called.</summary>
    public static async Task<DocumentVersionSummary> AddMarkdownAsync(ClusterFixture fixture, IDocumentGrain document, Caller caller, IReadOnlyList<DocumentSection> sections, string? note = null)
    {
        var store = Content(fixture);
        var markdown = string.Join("\n\n", sections.Select(s => $"# {s.Heading}\n\n{s.Text}"));
        var bytes = await store.WriteAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(markdown)), long.MaxValue, CancellationToken.None);
        var text = await VersionText.WriteAsync(store, sections, CancellationToken.None);
        return await document.AddVersionAsync(caller, new AddVersionCommand(VersionSource.Markdown, "plan.md", "text/markdown; charset=utf-8",
            bytes.ContentId, bytes.Size, bytes.Sha256, text.ContentId, VersionText.Outline(sections), note));
    }
}
