using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Spaces;

/// <summary>
/// Creates choose their ids on the server: a client cannot address an existing space or session through a create
/// (no "exists" oracle), and retries stay safe with an Idempotency-Key header scoped to the person who sends it.
/// </summary>
public sealed class IdempotentCreateTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    private static object SessionBody(object? id = null) => new
    {
        id,
        title = "Asamblea",
        startsAt = DateTimeOffset.UtcNow.AddDays(1),
        endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(2),
    };

    [Fact]
    public async Task Create_WithTheIdOfAPrivateSpaceOrSession_AnswersAsForARandomId()
    {
        using var victim = await TestClient.SignedUpAsync(_host, "Defensora");
        using var attacker = await TestClient.SignedUpAsync(_host, "Attacker");
        var coalition = await victim.CreateCoalitionAsync(Visibility.Private, name: "Hidden coalition");
        var organisation = await victim.CreateOrganisationAsync(Visibility.Private, name: "Hidden organisation");
        var forum = await IdOfAsync(await victim.PostAsync($"/api/v1/coalitions/{coalition.Id}/forums", new { name = "Hidden forum", visibility = "private" }));
        var standalone = await IdOfAsync(await victim.PostAsync("/api/v1/forums", new { name = "Hidden standalone forum", visibility = "private" }));
        var group = await IdOfAsync(await victim.PostAsync($"/api/v1/coalitions/{coalition.Id}/working-groups", new { name = "Hidden group", visibility = "private" }));
        var session = await IdOfAsync(await victim.PostAsync($"/api/v1/forums/{standalone}/sessions", SessionBody()));
        var ownCoalition = (await attacker.CreateCoalitionAsync(Visibility.Private)).Id;
        var ownOrganisation = (await attacker.CreateOrganisationAsync(Visibility.Private)).Id;
        var ownForum = await IdOfAsync(await attacker.PostAsync("/api/v1/forums", new { name = "Own forum", visibility = "private" }));
        (string Path, Func<object, object> Body, Guid Known)[] creates =
        [
            ("/api/v1/coalitions", id => new { id, name = "Probe", visibility = "private" }, coalition.Id),
            ("/api/v1/organisations", id => new { id, name = "Probe", kind = "civil-society-organisation", country = "CO", visibility = "private" }, organisation.Id),
            ("/api/v1/forums", id => new { id, name = "Probe", visibility = "private" }, standalone),
            ($"/api/v1/coalitions/{ownCoalition}/forums", id => new { id, name = "Probe", visibility = "private" }, forum),
            ($"/api/v1/coalitions/{ownCoalition}/working-groups", id => new { id, name = "Probe", visibility = "private" }, group),
            ($"/api/v1/organisations/{ownOrganisation}/working-groups", id => new { id, name = "Probe", visibility = "private" }, group),
            ($"/api/v1/forums/{ownForum}/sessions", id => SessionBody(id), session),
        ];

        foreach (var (path, body, known) in creates)
        {
            var random = Guid.CreateVersion7();
            var asForRandom = await AnswerAsync(await attacker.PostAsync(path, body(random)));
            var inBody = await AnswerAsync(await attacker.PostAsync(path, body(known)));
            var inHeader = await AnswerAsync(await attacker.PostWithKeyAsync(path, body(random), known.ToString()));

            Assert.Equal((path, asForRandom.Status, asForRandom.Code), (path, inBody.Status, inBody.Code));
            Assert.Equal((path, asForRandom.Status, asForRandom.Code), (path, inHeader.Status, inHeader.Code));
            Assert.DoesNotContain(known, new[] { inBody.Id, inHeader.Id });
        }

        Assert.Equal("Hidden coalition", (await victim.GetAsync<JsonElement>($"/api/v1/coalitions/{coalition.Id}")).GetProperty("name").GetString());
        Assert.Equal("Asamblea", (await victim.GetAsync<JsonElement>($"/api/v1/live-sessions/{session}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Create_RetriedWithTheSameKey_GivesTheSameIdAndOneResource()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var name = $"Retried {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();

        var first = await IdOfAsync(await coordinator.PostWithKeyAsync("/api/v1/coalitions", new { name, visibility = "public" }, key));
        var retry = await IdOfAsync(await coordinator.PostWithKeyAsync("/api/v1/coalitions", new { name, visibility = "public" }, key));
        var forum = await IdOfAsync(await coordinator.PostWithKeyAsync($"/api/v1/coalitions/{first}/forums", new { name = "Foro" }, key));
        var sessionFirst = await IdOfAsync(await coordinator.PostWithKeyAsync($"/api/v1/forums/{forum}/sessions", SessionBody(), key));
        var sessionRetry = await IdOfAsync(await coordinator.PostWithKeyAsync($"/api/v1/forums/{forum}/sessions", SessionBody(), key));

        Assert.Equal(first, retry);
        Assert.Equal(sessionFirst, sessionRetry);
        Assert.NotEqual(first, forum);
        var mySpaces = await coordinator.GetAsync<IReadOnlyList<SpaceSummary>>("/api/v1/me/spaces");
        Assert.Single(mySpaces, s => s.Name == name);
        var directory = await coordinator.GetAsync<DirectoryPage>($"/api/v1/coalitions?q={Uri.EscapeDataString(name)}");
        Assert.Equal([first], directory.Items.Select(e => e.Id));
        Assert.Single(await coordinator.GetAsync<JsonElement[]>($"/api/v1/forums/{forum}/sessions"));
    }

    [Fact]
    public async Task Create_SameKeyByAnotherPerson_MakesAnotherResource()
    {
        using var one = await TestClient.SignedUpAsync(_host);
        using var other = await TestClient.SignedUpAsync(_host);
        var key = Guid.NewGuid().ToString();

        var mine = await IdOfAsync(await one.PostWithKeyAsync("/api/v1/forums", new { name = "Mine" }, key));
        var theirs = await IdOfAsync(await other.PostWithKeyAsync("/api/v1/forums", new { name = "Theirs" }, key));

        Assert.NotEqual(mine, theirs);
        Assert.Equal("Mine", (await one.GetAsync<JsonElement>($"/api/v1/forums/{mine}")).GetProperty("name").GetString());
        Assert.Equal("Theirs", (await other.GetAsync<JsonElement>($"/api/v1/forums/{theirs}")).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("quote\"inside")]
    [InlineData("x", 129)]
    public async Task Create_WithMalformedIdempotencyKey_Is400AndCreatesNothing(string key, int repeat = 1)
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);

        var response = await coordinator.PostWithKeyAsync("/api/v1/coalitions", new { name = "Never made" }, string.Concat(Enumerable.Repeat(key, repeat)));

        await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.idempotency-key");
        Assert.Empty(await coordinator.GetAsync<IReadOnlyList<SpaceSummary>>("/api/v1/me/spaces"));
    }

    [Fact]
    public async Task Create_WithTwoIdempotencyKeys_Is400()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/forums") { Content = JsonContent.Create(new { name = "Never made" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["one", "two"]);

        var response = await coordinator.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.idempotency-key");
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response) =>
        (await TestClient.ReadAsync<JsonElement>(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<(int Status, string? Code, Guid? Id)> AnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode,
            body.TryGetProperty("code", out var code) ? code.GetString() : null,
            response.IsSuccessStatusCode ? body.GetProperty("id").GetGuid() : null);
    }
}
