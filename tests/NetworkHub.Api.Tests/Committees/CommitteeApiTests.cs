using System.Net;
using System.Text;
using System.Text.Json;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>Committees and their seats over REST on the real app.</summary>
public sealed class CommitteeApiTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task Create_UnderACoalitionAndAForum_IsListedThere_WithItsCodeAndETag()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Public);
        var forum = await CreateAsync(coordinator, $"/api/v1/coalitions/{coalition.Id}/forums", new { name = "Foro" });

        var underCoalition = await coordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/committees", new { name = "Steering Committee", visibility = "public" });
        var created = await TestClient.ReadAsync<JsonElement>(underCoalition, HttpStatusCode.Created);
        var underForum = await CreateAsync(coordinator, $"/api/v1/forums/{forum}/committees",
            new { name = "Brain trust", code = "BT9", rules = new { quorumKind = "at-least-count", quorumValue = 3, defaultMethod = "consensus", maxProxiesPerHolder = 2 } });
        var inCoalition = await coordinator.GetAsync<JsonElement>($"/api/v1/coalitions/{coalition.Id}/committees");
        var inForum = await coordinator.GetAsync<JsonElement>($"/api/v1/forums/{forum}/committees");
        var forumCommittee = await coordinator.GetAsync<JsonElement>($"/api/v1/committees/{underForum}");
        var stale = await coordinator.PutAsync($"/api/v1/committees/{created.GetProperty("id")}", new { name = "Renamed", visibility = "public" }, "\"v7\"");

        Assert.Equal("\"v1\"", underCoalition.Headers.ETag?.Tag);
        Assert.Equal(("SC", "coordinator", "public"), (created.GetProperty("code").GetString(), created.GetProperty("yourRole").GetString(), created.GetProperty("visibility").GetString()));
        Assert.Equal("coalition", created.GetProperty("parent").GetProperty("kind").GetString());
        Assert.Equal([created.GetProperty("id").GetGuid()], inCoalition.EnumerateArray().Select(s => s.GetProperty("space").GetProperty("id").GetGuid()));
        Assert.Equal("committee", inCoalition[0].GetProperty("space").GetProperty("kind").GetString());
        Assert.Equal([underForum], inForum.EnumerateArray().Select(s => s.GetProperty("space").GetProperty("id").GetGuid()));
        Assert.Equal("BT9", forumCommittee.GetProperty("code").GetString());
        Assert.Equal(("at-least-count", 3, "consensus"), (
            forumCommittee.GetProperty("rules").GetProperty("quorum").GetProperty("kind").GetString(),
            forumCommittee.GetProperty("rules").GetProperty("quorum").GetProperty("value").GetInt32(),
            forumCommittee.GetProperty("rules").GetProperty("defaultMethod").GetString()));
        await TestClient.ProblemAsync(stale, HttpStatusCode.PreconditionFailed, ErrorCodes.VersionMismatch);
    }

    [Fact]
    public async Task Visibility_IsNeverWiderThanTheParent_OnCreateAndUpdate()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.MembersOnly);

        var wider = await coordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/committees", new { name = "Comité", visibility = "public" });
        var committee = await CreateAsync(coordinator, $"/api/v1/coalitions/{coalition.Id}/committees", new { name = "Comité", visibility = "members-only" });
        var widened = await coordinator.PutAsync($"/api/v1/committees/{committee}", new { name = "Comité", visibility = "public" });
        var narrowed = await coordinator.PutAsync($"/api/v1/committees/{committee}", new { name = "Comité", visibility = "private" });

        await TestClient.ProblemAsync(wider, HttpStatusCode.UnprocessableEntity, ErrorCodes.VisibilityWiderThanParent);
        await TestClient.ProblemAsync(widened, HttpStatusCode.UnprocessableEntity, ErrorCodes.VisibilityWiderThanParent);
        Assert.Equal("private", (await TestClient.ReadAsync<JsonElement>(narrowed, HttpStatusCode.OK)).GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task PrivateCommittee_IsNotFoundToAnOutsider_OnEveryRoute()
    {
        var world = await SeatWorldAsync(Visibility.Private);
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var anonymous = _host.CreateClient();
        var committee = $"/api/v1/committees/{world.Committee}";
        var seat = $"{committee}/seats/{world.Seat}";
        var people = new { representative = outsider.PersonId };
        Func<TestClient, Task<HttpResponseMessage>>[] routes =
        [
            c => c.GetAsync(committee),
            c => c.PutAsync(committee, new { name = "Comité", visibility = "private" }),
            c => c.PutAsync($"{committee}/offices", new { chair = c.PersonId }),
            c => c.GetAsync($"{committee}/seats"),
            c => c.PostAsync($"{committee}/seats", new { organisationId = world.Organisation }),
            c => c.PutAsync(seat, new { kind = "invited", termStart = "2026-01-01T00:00:00Z", allotment = 1 }),
            c => c.PostAsync($"{seat}/end"),
            c => c.PostAsync($"{seat}/accept", people),
            c => c.PostAsync($"{seat}/decline"),
            c => c.PutAsync($"{seat}/representatives", people),
            c => c.PostAsync($"{seat}/step-down"),
            c => c.PostAsync($"{committee}/seats/{Guid.NewGuid()}/accept", people),
            c => c.GetAsync($"{committee}/meetings"),
            c => c.GetAsync($"{committee}/members"),
            c => c.GetAsync($"{committee}/audit"),
            c => c.PostAsync($"{committee}/join-requests", new { message = "Hola" }),
            c => c.PostAsync($"{committee}/leave"),
        ];

        foreach (var client in new[] { outsider, anonymous })
        {
            foreach (var route in routes)
            {
                await TestClient.ProblemAsync(await route(client), HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
            }
        }

        await TestClient.ProblemAsync(await outsider.GetAsync($"/api/v1/coalitions/{world.Coalition}/committees"), HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
    }

    [Fact]
    public async Task OrganisationCoordinator_AcceptsTheSeat_AndNamesItsPeople_WhoMustBelongToTheOrganisation()
    {
        var world = await SeatWorldAsync(Visibility.Private);
        var committee = $"/api/v1/committees/{world.Committee}";
        var seat = $"{committee}/seats/{world.Seat}";
        using var stranger = await TestClient.SignedUpAsync(_host, "Stranger");

        var offeredView = await world.OrganisationCoordinator.GetAsync<JsonElement>(committee);
        var byMember = await world.Representative.PostAsync($"{seat}/accept", new { representative = world.Representative.PersonId });
        var byCommitteeCoordinator = await world.Coordinator.PostAsync($"{seat}/accept", new { representative = world.Representative.PersonId });
        var strangerAlternate = await world.OrganisationCoordinator.PostAsync($"{seat}/accept",
            new { representative = world.Representative.PersonId, alternate = stranger.PersonId });
        var strangerRepresentative = await world.OrganisationCoordinator.PostAsync($"{seat}/accept", new { representative = stranger.PersonId });
        var accepted = await world.OrganisationCoordinator.PostAsync($"{seat}/accept",
            new { representative = world.Representative.PersonId, alternate = world.Alternate.PersonId });
        var asRepresentative = await world.Representative.GetAsync<JsonElement>(committee);
        var seats = await world.Representative.GetAsync<JsonElement>($"{committee}/seats");
        var swapped = await world.OrganisationCoordinator.PutAsync($"{seat}/representatives",
            new { representative = world.Alternate.PersonId, alternate = world.Representative.PersonId });
        var chair = await world.Coordinator.PutAsync($"{committee}/offices", new { chair = world.Alternate.PersonId, secretary = world.Representative.PersonId });
        var steppedDown = await world.OrganisationCoordinator.PostAsync($"{seat}/step-down");
        var afterwards = await world.Representative.GetAsync(committee);

        Assert.Equal("observer", offeredView.GetProperty("yourRole").GetString());
        // A member of the organisation is no one here yet: the private committee does not exist for them.
        await TestClient.ProblemAsync(byMember, HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
        await TestClient.ProblemAsync(byCommitteeCoordinator, HttpStatusCode.Forbidden, CommitteeErrors.NotOrganisationCoordinator);
        await TestClient.ProblemAsync(strangerAlternate, HttpStatusCode.UnprocessableEntity, CommitteeErrors.NotOrganisationPerson);
        await TestClient.ProblemAsync(strangerRepresentative, HttpStatusCode.UnprocessableEntity, CommitteeErrors.NotOrganisationPerson);
        var held = await TestClient.ReadAsync<JsonElement>(accepted, HttpStatusCode.OK);
        Assert.Equal(("active", world.Alternate.PersonId), (held.GetProperty("status").GetString(), held.GetProperty("alternate").GetGuid()));
        Assert.Equal("member", asRepresentative.GetProperty("yourRole").GetString());
        Assert.Equal("Red Sahel", seats[0].GetProperty("organisationName").GetString());
        Assert.Equal(world.Alternate.PersonId, (await TestClient.ReadAsync<JsonElement>(swapped, HttpStatusCode.OK)).GetProperty("representative").GetGuid());
        var offices = (await TestClient.ReadAsync<JsonElement>(chair, HttpStatusCode.OK)).GetProperty("offices");
        Assert.Equal(world.Alternate.PersonId, offices.GetProperty("chair").GetGuid());
        Assert.Equal("stepped-down", (await TestClient.ReadAsync<JsonElement>(steppedDown, HttpStatusCode.OK)).GetProperty("status").GetString());
        await TestClient.ProblemAsync(afterwards, HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
    }

    [Fact]
    public async Task Export_OfARepresentative_NamesTheCommitteeAndTheSeat()
    {
        var world = await SeatWorldAsync(Visibility.Private);
        var committee = $"/api/v1/committees/{world.Committee}";
        await TestClient.Expect(await world.OrganisationCoordinator.PostAsync($"{committee}/seats/{world.Seat}/accept",
            new { representative = world.Representative.PersonId }), HttpStatusCode.OK);

        var export = await world.Representative.GetAsync<JsonElement>("/api/v1/me/export");

        var space = export.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("space").GetProperty("id").GetGuid() == world.Committee);
        Assert.Equal("committee", space.GetProperty("space").GetProperty("kind").GetString());
        Assert.Equal([$"representative of seat {world.Seat} (Red Sahel, Active)"], space.GetProperty("positions").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(export.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("space").GetProperty("id").GetGuid() == world.Committee);
    }

    public static TheoryData<string, string, string> BadCommitteeBodies() => new()
    {
        { "lower-case code", """{"name":"Comité","code":"sc"}""", "code" },
        { "code too long", """{"name":"Comité","code":"ABCDEFGHIJK"}""", "code" },
        { "missing name", """{"code":"SC"}""", "name" },
        { "too many proxies", """{"name":"Comité","rules":{"quorumKind":"more-than-percent","quorumValue":50,"maxProxiesPerHolder":11}}""", "rules.maxProxiesPerHolder" },
        { "quorum without kind", """{"name":"Comité","rules":{"quorumValue":50}}""", "rules.quorumKind" },
        { "zero quorum", """{"name":"Comité","rules":{"quorumKind":"at-least-count","quorumValue":0}}""", "rules.quorumValue" },
    };

    [Theory]
    [MemberData(nameof(BadCommitteeBodies))]
    public async Task Create_BadBody_Is400NamingTheField(string reason, string body, string field)
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Public);

        var response = await coordinator.SendRawAsync(HttpMethod.Post, $"/api/v1/coalitions/{coalition.Id}/committees", Encoding.UTF8.GetBytes(body));

        var problem = await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.validation");
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)),
            $"{reason}: {problem}");
    }

    [Fact]
    public async Task RulesAndSeats_OutOfRange_Are422or409WithTheirCodes()
    {
        var world = await SeatWorldAsync(Visibility.Public);
        var committee = $"/api/v1/committees/{world.Committee}";
        var other = await world.Coordinator.CreateOrganisationAsync();

        var percent = await world.Coordinator.PutAsync(committee, new { name = "Comité", visibility = "public", rules = new { quorumKind = "at-least-percent", quorumValue = 101 } });
        var noVotes = await world.Coordinator.PostAsync($"{committee}/seats", new { organisationId = other.Id, kind = "invited", allotment = 0 });
        var tooMany = await world.Coordinator.PostAsync($"{committee}/seats", new { organisationId = other.Id, allotment = 101 });
        var noOrganisation = await world.Coordinator.PostAsync($"{committee}/seats", new { kind = "observer" });
        var unknownOrganisation = await world.Coordinator.PostAsync($"{committee}/seats", new { organisationId = Guid.NewGuid() });
        var backwards = await world.Coordinator.PostAsync($"{committee}/seats",
            new { organisationId = other.Id, termStart = "2026-06-01T00:00:00Z", termEnd = "2026-01-01T00:00:00Z" });
        var taken = await world.Coordinator.PostAsync($"{committee}/seats", new { organisationId = world.Organisation, kind = "observer", allotment = 0 });
        var observer = await world.Coordinator.PostAsync($"{committee}/seats", new { organisationId = other.Id, kind = "observer", allotment = 0 });
        var acceptDeclined = await world.OrganisationCoordinator.PostAsync($"{committee}/seats/{world.Seat}/decline");
        var acceptAgain = await world.OrganisationCoordinator.PostAsync($"{committee}/seats/{world.Seat}/accept", new { representative = world.Representative.PersonId });
        var badOffices = await world.Coordinator.PutAsync($"{committee}/offices", new { chair = world.Representative.PersonId });

        await TestClient.ProblemAsync(percent, HttpStatusCode.UnprocessableEntity, CommitteeErrors.InvalidRules);
        await TestClient.ProblemAsync(noVotes, HttpStatusCode.UnprocessableEntity, CommitteeErrors.InvalidSeat);
        await TestClient.ProblemAsync(tooMany, HttpStatusCode.BadRequest, "request.validation");
        await TestClient.ProblemAsync(noOrganisation, HttpStatusCode.BadRequest, "request.validation");
        await TestClient.ProblemAsync(unknownOrganisation, HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
        await TestClient.ProblemAsync(backwards, HttpStatusCode.UnprocessableEntity, CommitteeErrors.InvalidSeat);
        await TestClient.ProblemAsync(taken, HttpStatusCode.Conflict, CommitteeErrors.SeatTaken);
        Assert.Equal(0, (await TestClient.ReadAsync<JsonElement>(observer, HttpStatusCode.Created)).GetProperty("allotment").GetInt32());
        Assert.Equal("declined", (await TestClient.ReadAsync<JsonElement>(acceptDeclined, HttpStatusCode.OK)).GetProperty("status").GetString());
        await TestClient.ProblemAsync(acceptAgain, HttpStatusCode.Conflict, CommitteeErrors.SeatNotOpen);
        await TestClient.ProblemAsync(badOffices, HttpStatusCode.UnprocessableEntity, CommitteeErrors.NotInCommittee);
    }

    private sealed record SeatWorld(
        Guid Coalition, Guid Committee, Guid Organisation, Guid Seat,
        TestClient Coordinator, TestClient OrganisationCoordinator, TestClient Representative, TestClient Alternate);

    /// <summary>A coalition and its committee of that visibility, and an organisation (of another coordinator) offered a seat, with two of its people.</summary>
    private async Task<SeatWorld> SeatWorldAsync(Visibility visibility)
    {
        var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        var organisationCoordinator = await TestClient.SignedUpAsync(_host, "Organisation coordinator");
        var representative = await TestClient.SignedUpAsync(_host, "Representative");
        var alternate = await TestClient.SignedUpAsync(_host, "Alternate");
        var coalition = await coordinator.CreateCoalitionAsync(visibility);
        var committee = await CreateAsync(coordinator, $"/api/v1/coalitions/{coalition.Id}/committees", new { name = "Comité", visibility });
        var organisation = await organisationCoordinator.CreateOrganisationAsync(name: "Red Sahel");
        await organisationCoordinator.AddMemberAsync($"/api/v1/organisations/{organisation.Id}", representative, SpaceRole.Member);
        await organisationCoordinator.AddMemberAsync($"/api/v1/organisations/{organisation.Id}", alternate, SpaceRole.Member);
        var seat = await CreateAsync(coordinator, $"/api/v1/committees/{committee}/seats",
            new { organisationId = organisation.Id, kind = "founding-partner", allotment = 2 }, "seatId");
        return new SeatWorld(coalition.Id, committee, organisation.Id, seat, coordinator, organisationCoordinator, representative, alternate);
    }

    private static async Task<Guid> CreateAsync(TestClient client, string path, object body, string id = "id") =>
        (await TestClient.ReadAsync<JsonElement>(await client.PostAsync(path, body), HttpStatusCode.Created)).GetProperty(id).GetGuid();
}
