using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Tests.Documents;

/// <summary>
/// Search, a space's documents and its publications over REST: only what the caller may see, confirmed with the space on
/// every read, so a row whose hint went stale never shows a private document. Rows are written through the index itself.
/// </summary>
public sealed class DocumentSearchApiTests(SharedHost shared)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ApiHost _host = shared.Host;

    private IDocumentIndex Index => _host.Services.GetRequiredService<IDocumentIndex>();

    private static string NewWord() => "w" + Guid.NewGuid().ToString("N")[..12];

    private async Task<Guid> SeedAsync(SpaceRef space, string word, Visibility? hint, DocumentStatus status = DocumentStatus.Draft,
        string[]? tags = null, int minutes = 0)
    {
        var id = Guid.CreateVersion7();
        await Index.UpsertAsync(new DocumentIndexEntry(id, space, $"Plan {word}", "Draft", tags ?? ["plan"], "es", status, 1, 1,
            Monday.AddMinutes(minutes), $"El texto sobre {word} y la educación.", hint), TestContext.Current.CancellationToken);
        return id;
    }

    private static async Task<DocumentSearchPage> SearchAsync(TestClient client, string query, string? after = null, int limit = 25) =>
        await client.GetAsync<DocumentSearchPage>(
            $"/api/v1/documents/search?q={Uri.EscapeDataString(query)}&limit={limit}{(after is null ? "" : $"&after={after}")}");

    private static string SpacePath(SpaceRef space) =>
        $"/api/v1/spaces/{System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(space.Kind.ToString())}/{space.Id}";

    [Fact]
    public async Task Search_PrivateSpace_OnlyItsPeopleSeeItsDocuments_EvenWhenTheRowSaysPublic()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        using var member = await TestClient.SignedUpAsync(_host, "Member");
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        using var anonymous = _host.CreateClient();
        var organisation = await coordinator.CreateOrganisationAsync(Visibility.Private);
        var space = new SpaceRef(SpaceKind.Organisation, organisation.Id);
        await coordinator.AddMemberAsync($"/api/v1/organisations/{organisation.Id}", member, SpaceRole.Member);
        var word = NewWord();

        // A stale hint: the row claims the space is public.
        var document = await SeedAsync(space, word, Visibility.Public);

        Assert.Equal(document, Assert.Single((await SearchAsync(member, word)).Hits).DocumentId);
        Assert.Equal(document, Assert.Single((await SearchAsync(coordinator, "EDUCACION " + word)).Hits).DocumentId);
        Assert.Empty((await SearchAsync(outsider, word)).Hits);
        Assert.Empty((await SearchAsync(anonymous, word)).Hits);

        await TestClient.Expect(await coordinator.DeleteAsync($"/api/v1/organisations/{organisation.Id}/members/{member.PersonId}"), HttpStatusCode.NoContent);
        Assert.Empty((await SearchAsync(member, word)).Hits);
        foreach (var client in new[] { outsider, anonymous, member })
        {
            await TestClient.ProblemAsync(await client.GetAsync($"{SpacePath(space)}/documents"), HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
            await TestClient.ProblemAsync(await client.GetAsync($"{SpacePath(space)}/publications"), HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
        }
    }

    /// <summary>
    /// The people of a coalition's member organisation hold a role there without a personal invitation: they find the
    /// coalition's documents, and those of its working groups open to member organisations, but not of a closed one;
    /// once the organisation leaves, they find none of them.
    /// </summary>
    [Fact]
    public async Task Search_ThroughAMemberOrganisation_FindsTheCoalitionAndItsOpenGroups_UntilTheOrganisationLeaves()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinadora");
        using var admin = await TestClient.SignedUpAsync(_host, "Admin");
        using var person = await TestClient.SignedUpAsync(_host, "Defensora");
        var organisation = await admin.CreateOrganisationAsync(Visibility.MembersOnly, name: "Colectivo de Abogadas");
        await admin.AddMemberAsync($"/api/v1/organisations/{organisation.Id}", person, SpaceRole.Member);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private, name: "Plataforma privada");
        var coalitionPath = $"/api/v1/coalitions/{coalition.Id}";
        await TestClient.Expect(await coordinator.PostAsync($"{coalitionPath}/organisations", new { organisationId = organisation.Id, peopleRole = "member" }), HttpStatusCode.NoContent);
        await TestClient.Expect(await admin.PostAsync($"{coalitionPath}/organisations/{organisation.Id}/accept"), HttpStatusCode.NoContent);
        async Task<SpaceRef> GroupAsync(bool open)
        {
            var response = await coordinator.PostAsync($"{coalitionPath}/working-groups", new { name = open ? "Incidencia" : "Seguridad", visibility = Visibility.Private, openToMemberOrganisations = open });
            return new SpaceRef(SpaceKind.WorkingGroup, (await TestClient.ReadAsync<IdOnly>(response, HttpStatusCode.Created)).Id);
        }

        var word = NewWord();
        var inCoalition = await SeedAsync(new SpaceRef(SpaceKind.Coalition, coalition.Id), word, Visibility.Private);
        var inOpenGroup = await SeedAsync(await GroupAsync(open: true), word, Visibility.Private, minutes: 1);
        await SeedAsync(await GroupAsync(open: false), word, Visibility.Private, minutes: 2);

        Assert.Equal([inCoalition, inOpenGroup], (await SearchAsync(person, word)).Hits.Select(h => h.DocumentId).Order());
        Assert.Equal(3, (await SearchAsync(coordinator, word)).Hits.Count);

        await TestClient.Expect(await coordinator.DeleteAsync($"{coalitionPath}/organisations/{organisation.Id}"), HttpStatusCode.NoContent);
        Assert.Empty((await SearchAsync(person, word)).Hits);
    }

    private sealed record IdOnly(Guid Id);

    [Fact]
    public async Task Search_PublicSpace_EveryoneFindsItsDocuments_OnceTheHintIsKnown()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        using var anonymous = _host.CreateClient();
        var organisation = await coordinator.CreateOrganisationAsync(Visibility.Public);
        var space = new SpaceRef(SpaceKind.Organisation, organisation.Id);
        var word = NewWord();
        var hinted = await SeedAsync(space, word, Visibility.Public);
        var unknown = await SeedAsync(space, word, null);

        var before = await SearchAsync(anonymous, word);
        // The coordinator's own search confirms the space public, and the rows' hint follows.
        Assert.Equal(2, (await SearchAsync(coordinator, word)).Hits.Count);
        var after = await SearchAsync(anonymous, word);

        Assert.Equal(hinted, Assert.Single(before.Hits).DocumentId);
        Assert.Equal(new[] { hinted, unknown }.Order(), after.Hits.Select(h => h.DocumentId).Order());
        var hit = after.Hits[0];
        Assert.Equal(space, hit.Space);
        Assert.Contains(word, hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HitsDropped_StillFillsEachPage_AndPagesThroughTheRest()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var hidden = new SpaceRef(SpaceKind.Organisation, (await coordinator.CreateOrganisationAsync(Visibility.Private)).Id);
        var open = new SpaceRef(SpaceKind.Organisation, (await coordinator.CreateOrganisationAsync(Visibility.Public)).Id);
        var word = NewWord();
        var visible = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            // Rows of the private space come first in rank (the word twice in the title) and claim to be public.
            await Index.UpsertAsync(new DocumentIndexEntry(Guid.CreateVersion7(), hidden, $"{word} {word}", null, [], null, DocumentStatus.Draft, 1, 1, Monday,
                word, Visibility.Public), TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 5; i++)
        {
            visible.Add(await SeedAsync(open, word, Visibility.Public));
        }

        var seen = new List<Guid>();
        var pages = new List<int>();
        string? after = null;
        do
        {
            var page = await SearchAsync(outsider, word, after, limit: 2);
            pages.Add(page.Hits.Count);
            seen.AddRange(page.Hits.Select(h => h.DocumentId));
            after = page.NextAfter;
        }
        while (after is not null && pages.Count < 10);

        Assert.Equal(visible.Order(), seen.Order());
        Assert.Equal([2, 2, 1], pages);
    }

    [Fact]
    public async Task SpaceDocuments_ForThePeopleInside_FilteredAndPaged()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        using var anonymous = _host.CreateClient();
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.MembersOnly);
        var space = new SpaceRef(SpaceKind.Coalition, coalition.Id);
        var word = NewWord();
        var draft = await SeedAsync(space, word, null, DocumentStatus.Draft, ["salud"], minutes: 1);
        var published = await SeedAsync(space, word, null, DocumentStatus.Published, ["salud", "educación"], minutes: 2);
        var consultation = await SeedAsync(space, word, null, DocumentStatus.UnderConsultation, ["educación"], minutes: 3);
        var path = SpacePath(space);

        var first = await coordinator.GetAsync<DocumentPage>($"{path}/documents?limit=2");
        var second = await coordinator.GetAsync<DocumentPage>($"{path}/documents?limit=2&after={first.NextAfter}");
        var published1 = await coordinator.GetAsync<DocumentPage>($"{path}/documents?status=Published");
        var tagged = await coordinator.GetAsync<DocumentPage>($"{path}/documents?tag={Uri.EscapeDataString("educación")}");
        var publications = await coordinator.GetAsync<DocumentPage>($"{path}/publications?tag=salud");

        Assert.Equal([consultation, published, draft], first.Documents.Concat(second.Documents).Select(d => d.DocumentId));
        Assert.Null(second.NextAfter);
        Assert.Equal(published, Assert.Single(published1.Documents).DocumentId);
        Assert.Equal(new[] { published, consultation }.Order(), tagged.Documents.Select(d => d.DocumentId).Order());
        Assert.Equal(published, Assert.Single(publications.Documents).DocumentId);
        await TestClient.ProblemAsync(await outsider.GetAsync($"{path}/documents"), HttpStatusCode.Forbidden, ErrorCodes.ContentsHidden);
        await TestClient.ProblemAsync(await outsider.GetAsync($"{path}/publications"), HttpStatusCode.Forbidden, ErrorCodes.ContentsHidden);
        await TestClient.ProblemAsync(await anonymous.GetAsync($"{path}/publications"), HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
        Assert.Empty((await SearchAsync(outsider, word)).Hits);
    }

    [Fact]
    public async Task Publications_OfAPublicSpace_AreForEveryone_PublishedOnly()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        using var anonymous = _host.CreateClient();
        var organisation = await coordinator.CreateOrganisationAsync(Visibility.Public);
        var space = new SpaceRef(SpaceKind.Organisation, organisation.Id);
        var word = NewWord();
        await SeedAsync(space, word, null, DocumentStatus.Final, ["informe"]);
        var published = await SeedAsync(space, word, null, DocumentStatus.Published, ["informe"]);
        await SeedAsync(space, word, null, DocumentStatus.Published, ["otro"]);

        var page = await anonymous.GetAsync<DocumentPage>($"{SpacePath(space)}/publications?tag=informe");
        var all = await anonymous.GetAsync<DocumentPage>($"{SpacePath(space)}/documents");

        Assert.Equal(published, Assert.Single(page.Documents).DocumentId);
        Assert.Equal(3, all.Documents.Count);
        // Listing saw the space public, so the rows written without a hint are found by anyone now.
        Assert.Equal(3, (await SearchAsync(anonymous, word)).Hits.Count);
    }

    [Fact]
    public async Task BadInput_IsA400_AndAnUnknownKindOrSpaceIsNotFound()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        var organisation = await coordinator.CreateOrganisationAsync(Visibility.Public);
        var path = $"/api/v1/spaces/organisation/{organisation.Id}";

        await TestClient.ProblemAsync(await coordinator.GetAsync("/api/v1/documents/search"), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await coordinator.GetAsync($"/api/v1/documents/search?q={new string('a', 201)}"), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await coordinator.GetAsync("/api/v1/documents/search?q=x&after=abc"), HttpStatusCode.BadRequest, ErrorCodes.InvalidCursor);
        await TestClient.ProblemAsync(await coordinator.GetAsync("/api/v1/documents/search?q=x&limit=0"), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await coordinator.GetAsync($"{path}/documents?after=nope"), HttpStatusCode.BadRequest, ErrorCodes.InvalidCursor);
        await TestClient.ProblemAsync(await coordinator.GetAsync($"{path}/documents?limit=101"), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await coordinator.GetAsync($"{path}/documents?tag={new string('t', 41)}"), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await coordinator.GetAsync($"/api/v1/spaces/planet/{organisation.Id}/documents"), HttpStatusCode.NotFound);
        await TestClient.ProblemAsync(await coordinator.GetAsync($"/api/v1/spaces/coalition/{organisation.Id}/documents"), HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
        Assert.Empty((await SearchAsync(coordinator, "\"'; DROP TABLE networkhub_documents; -- NEAR( * -")).Hits);
        await TestClient.ProblemAsync(await coordinator.GetAsync("/api/v1/documents/search?q=%20%20"), HttpStatusCode.BadRequest);
    }
}
