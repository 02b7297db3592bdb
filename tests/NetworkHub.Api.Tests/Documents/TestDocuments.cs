using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Tests.Documents;

/// <summary>Documents with one Markdown version, stored as the API stores one: bytes and sections' text in the host's content store first.</summary>
public static class TestDocuments
{
    public static DocumentSection Section(string heading, string text) =>
        new($"s-{heading.ToLowerInvariant().Replace(' ', '-')}", 1, heading, text);

    public static async Task<Guid> CreateAsync(ApiHost host, Guid coordinatorPersonId, SpaceRef space, params DocumentSection[] sections)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var store = host.Services.GetRequiredService<IContentStore>();
        var coordinator = Caller.Person(coordinatorPersonId);
        var document = grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7());
        await document.CreateAsync(coordinator, space, new DocumentProfile("Plan nacional", null, [], null, DocumentStatus.UnderConsultation));
        var markdown = string.Join("\n\n", sections.Select(s => $"# {s.Heading}\n\n{s.Text}"));
        var bytes = await store.WriteAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(markdown)), long.MaxValue, CancellationToken.None);
        var text = await VersionText.WriteAsync(store, sections, CancellationToken.None);
        await document.AddVersionAsync(coordinator, new AddVersionCommand(VersionSource.Markdown, "plan.md", "text/markdown; charset=utf-8",
            bytes.ContentId, bytes.Size, bytes.Sha256, text.ContentId, VersionText.Outline(sections), null));
        return document.GetPrimaryKey();
    }
}
