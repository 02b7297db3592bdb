using System.Net;
using System.Text.Json;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Spaces;

/// <summary>
/// Coordinators require two-factor sign-in of a space's members: a member whose token was issued without a second
/// factor still sees the space and why, and gets 403 <c>auth.two-factor-required</c> for everything inside, REST and
/// hub alike; turning it on ends their open session connections.
/// </summary>
public sealed class TwoFactorRequirementTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task RequireTwoFactor_MemberWithoutIt_SeesTheProfileButNothingInside()
    {
        using var coordinator = await TestClient.TwoFactorSignedUpAsync(_host, "Coordinadora");
        using var plain = await TestClient.SignedUpAsync(_host, "Without two-factor");
        using var strong = await TestClient.TwoFactorSignedUpAsync(_host, "With two-factor");
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private);
        var path = $"/api/v1/coalitions/{coalition.Id}";
        await coordinator.AddMemberAsync(path, plain, SpaceRole.Member);
        await coordinator.AddMemberAsync(path, strong, SpaceRole.Member);
        var forum = await TestClient.ReadAsync<ForumDetails>(await coordinator.PostAsync($"{path}/forums", new { name = "Foro", visibility = Visibility.Private }), HttpStatusCode.Created);
        var membersBefore = await plain.GetAsync($"{path}/members");

        var updated = await TestClient.ReadAsync<CoalitionDetails>(await coordinator.PutAsync(path, new
        {
            name = coalition.Name,
            description = "Charter",
            country = "CO",
            topics = new[] { "peace" },
            visibility = Visibility.Private,
            requireTwoFactor = true,
        }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, membersBefore.StatusCode);
        Assert.True(updated.RequireTwoFactor);
        var profile = await plain.GetAsync<CoalitionDetails>(path);
        Assert.True(profile.RequireTwoFactor);
        Assert.Equal(SpaceRole.Member, profile.YourRole);
        var refused = await TestClient.ProblemAsync(await plain.GetAsync($"{path}/members"), HttpStatusCode.Forbidden, ErrorCodes.TwoFactorRequired);
        Assert.Contains("Turn it on under Security and sign in again", refused.GetProperty("detail").GetString());
        foreach (var inside in new[] { "forums", "working-groups", "organisations", "invitations", "join-requests", "audit" })
        {
            await TestClient.ProblemAsync(await plain.GetAsync($"{path}/{inside}"), HttpStatusCode.Forbidden, ErrorCodes.TwoFactorRequired);
        }

        await TestClient.ProblemAsync(await plain.PostAsync($"{path}/working-groups", new { name = "Grupo" }), HttpStatusCode.Forbidden, ErrorCodes.TwoFactorRequired);
        await TestClient.ProblemAsync(await plain.PostAsync($"{path}/invitations", new { role = SpaceRole.Member }), HttpStatusCode.Forbidden, ErrorCodes.TwoFactorRequired);
        Assert.Equal(2 + 1, (await strong.GetAsync<JsonElement[]>($"{path}/members")).Length);
        Assert.Empty(await strong.GetAsync<SpaceSummary[]>($"{path}/forums")); // 200: the private forum is for its own members
        Assert.Contains(await coordinator.GetAsync<SpaceSummary[]>($"{path}/forums"), f => f.Space.Id == forum.Id);
        await TestClient.ProblemAsync(await outsider.GetAsync(path), HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);

        // Leaving stays possible: it only takes access away.
        await TestClient.Expect(await plain.PostAsync($"{path}/leave"), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task RequireTwoFactor_CoordinatorWithoutIt_CannotTurnItOn()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator without two-factor");
        using var strong = await TestClient.TwoFactorSignedUpAsync(_host, "Coordinator with two-factor");
        var forum = await TestClient.ReadAsync<ForumDetails>(await coordinator.PostAsync("/api/v1/forums", new { name = "Foro abierto" }), HttpStatusCode.Created);
        var path = $"/api/v1/forums/{forum.Id}";

        await TestClient.ProblemAsync(await coordinator.PutAsync(path, new { name = forum.Name, requireTwoFactor = true }), HttpStatusCode.UnprocessableEntity, ErrorCodes.TwoFactorNeededToRequire);
        await TestClient.ProblemAsync(await coordinator.PostAsync("/api/v1/forums", new { name = "Otro foro", requireTwoFactor = true }), HttpStatusCode.UnprocessableEntity, ErrorCodes.TwoFactorNeededToRequire);
        var unchanged = await coordinator.GetAsync<ForumDetails>(path);
        var created = await TestClient.ReadAsync<ForumDetails>(await strong.PostAsync("/api/v1/forums", new { name = "Foro seguro", requireTwoFactor = true }), HttpStatusCode.Created);

        // An update that leaves the field out keeps what is set.
        var kept = await TestClient.ReadAsync<ForumDetails>(await strong.PutAsync($"/api/v1/forums/{created.Id}", new { name = "Foro seguro, renombrado" }), HttpStatusCode.OK);

        Assert.False(unchanged.RequireTwoFactor);
        Assert.Equal(1, unchanged.Version);
        Assert.True(created.RequireTwoFactor);
        Assert.True(kept.RequireTwoFactor);
    }

    [Fact]
    public async Task RequireTwoFactor_TurnedOn_EndsOpenConnectionsWithoutIt_AndRefusesTheirJoin()
    {
        using var coordinator = await TestClient.TwoFactorSignedUpAsync(_host, "Facilitadora");
        using var plain = await TestClient.SignedUpAsync(_host, "Without two-factor");
        using var strong = await TestClient.TwoFactorSignedUpAsync(_host, "With two-factor");
        var forum = await TestClient.ReadAsync<ForumDetails>(await coordinator.PostAsync("/api/v1/forums", new { name = "Foro de tierras", visibility = Visibility.Private }), HttpStatusCode.Created);
        var forumPath = $"/api/v1/forums/{forum.Id}";
        await coordinator.AddMemberAsync(forumPath, plain, SpaceRole.Member);
        await coordinator.AddMemberAsync(forumPath, strong, SpaceRole.Member);
        var session = await ScheduleAsync(coordinator, forumPath);
        await using var facilitator = await JoinedAsync(coordinator, session.Id);
        await using var stays = await JoinedAsync(strong, session.Id);
        await using var loses = await JoinedAsync(plain, session.Id);
        await facilitator.SendAsync("Start", session.Id);
        await loses.SendAsync("Contribute", session.Id, new ContributeCommand(Guid.CreateVersion7(), "Before the change"));
        await stays.WaitForSequenceAsync(loses.LastSequence);

        await TestClient.Expect(await coordinator.PutAsync(forumPath, new { name = forum.Name, visibility = Visibility.Private, requireTwoFactor = true }), HttpStatusCode.OK);
        var secret = $"Only for those with two-factor {Guid.NewGuid():N}";
        var sequence = await facilitator.SendAsync("Contribute", session.Id, new ContributeCommand(Guid.CreateVersion7(), secret));
        await stays.WaitForSequenceAsync(sequence);
        var contributed = await stays.SendAsync("Contribute", session.Id, new ContributeCommand(Guid.CreateVersion7(), "Still here"));

        // The failed call is the round trip on the shut-out connection: anything sent to it before would be there by now.
        Assert.Equal(ErrorCodes.TwoFactorRequired, await loses.FailAsync("Contribute", session.Id, new ContributeCommand(Guid.CreateVersion7(), "Still here?")));
        Assert.DoesNotContain(loses.Events, e => e.Change is ContributionPosted c && c.Contribution.Text == secret);
        Assert.Equal(new ParticipantAccessChanged(plain.PersonId, null), loses.Events[^1].Change);
        Assert.DoesNotContain(stays.Events, e => e.Change is ParticipantAccessChanged { Role: null } c && c.PersonId == strong.PersonId);
        Assert.True(contributed > sequence);
        await using var again = await SessionClient.ConnectAsync(_host, plain);
        Assert.Equal(ErrorCodes.TwoFactorRequired, await again.FailAsync("Join", session.Id, null));
        await TestClient.ProblemAsync(await plain.GetAsync($"/api/v1/live-sessions/{session.Id}"), HttpStatusCode.Forbidden, ErrorCodes.TwoFactorRequired);
        await TestClient.ProblemAsync(await plain.GetAsync($"{forumPath}/sessions"), HttpStatusCode.Forbidden, ErrorCodes.TwoFactorRequired);
        Assert.Single(await strong.GetAsync<LiveSessionSummary[]>($"{forumPath}/sessions"));
    }

    private static async Task<LiveSessionDetails> ScheduleAsync(TestClient coordinator, string forumPath)
    {
        var now = DateTimeOffset.UtcNow;
        var scheduled = await coordinator.PostAsync($"{forumPath}/sessions", new
        {
            title = "Asamblea",
            startsAt = now,
            endsAt = now.AddHours(1),
            timeZone = "America/Bogota",
            languages = new[] { "es" },
            agenda = new object[] { new { title = "Open floor", format = "plenary", plannedMinutes = 30 } },
        });
        return await TestClient.ReadAsync<LiveSessionDetails>(scheduled, HttpStatusCode.Created);
    }

    private async Task<SessionClient> JoinedAsync(TestClient person, Guid sessionId)
    {
        var client = await SessionClient.ConnectAsync(_host, person);
        await client.JoinAsync(sessionId);
        return client;
    }
}
