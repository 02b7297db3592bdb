using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Tests.Documents;

/// <summary>
/// The index row's hint of whether a document's space is public follows the space: the document grain writes what the
/// space says, and a visibility change of the space rewrites its rows, so outsiders find a public space's documents at
/// once and a space made private drops out of public search, before anyone lists the space.
/// </summary>
public sealed class DocumentVisibilityHintTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    private IDocumentIndex Index => _host.Services.GetRequiredService<IDocumentIndex>();

    private static string NewWord() => "w" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Search_ForADocumentJustCreatedInAPublicSpace_FindsItForOutsiders()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var organisation = await coordinator.CreateOrganisationAsync(Visibility.Public);
        var word = NewWord();

        var document = await CreateAsync(coordinator, organisation.Id, word);

        Assert.Equal(document, Assert.Single((await SearchAsync(outsider, word)).Hits).DocumentId);
    }

    [Fact]
    public async Task VisibilityChange_OfTheSpace_RewritesTheHint_BothWays()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var organisation = await coordinator.CreateOrganisationAsync(Visibility.Private);
        var word = NewWord();
        var document = await CreateAsync(coordinator, organisation.Id, word);
        Assert.Empty(await PublicRowsAsync(word));
        Assert.Empty((await SearchAsync(outsider, word)).Hits);

        await SetVisibilityAsync(coordinator, organisation.Id, "public");

        var found = await TestClient.EventuallyAsync(() => SearchAsync(outsider, word), page => page.Hits.Count == 1);
        Assert.Equal(document, Assert.Single(found.Hits).DocumentId);

        await SetVisibilityAsync(coordinator, organisation.Id, "private");

        Assert.Empty(await TestClient.EventuallyAsync(() => PublicRowsAsync(word), rows => rows.Count == 0));
        Assert.Empty((await SearchAsync(outsider, word)).Hits);
    }

    private static async Task<Guid> CreateAsync(TestClient coordinator, Guid organisationId, string word) =>
        (await TestClient.ReadAsync<DocumentView>(await coordinator.PostAsync($"/api/v1/spaces/organisation/{organisationId}/documents",
            new { title = $"Informe {word}", tags = new[] { "paz" } }), HttpStatusCode.Created)).DocumentId;

    private static async Task SetVisibilityAsync(TestClient coordinator, Guid organisationId, string visibility) =>
        await TestClient.Expect(await coordinator.PutAsync($"/api/v1/organisations/{organisationId}",
            new { name = "Red de Defensoras", kind = "civil-society-organisation", country = "CO", visibility }), HttpStatusCode.OK);

    /// <summary>What public search reads before it asks the spaces: rows whose hint says public.</summary>
    private Task<IReadOnlyList<DocumentSearchHit>> PublicRowsAsync(string word) =>
        Index.SearchAsync(new DocumentSearch(word, [], IncludePublic: true, 0, 10), TestContext.Current.CancellationToken);

    private static async Task<DocumentSearchPage> SearchAsync(TestClient client, string query) =>
        await client.GetAsync<DocumentSearchPage>($"/api/v1/documents/search?q={Uri.EscapeDataString(query)}");
}
