using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>
/// Losing access over REST reaches open connections before the REST call returns: a person removed from the forum,
/// leaving it, demoted, shut out by a narrower forum, or signed out receives nothing of the session afterwards.
/// "Nothing afterwards" is checked soundly: a group send is issued to every connection before it completes, and one
/// connection receives in the order the server wrote, so once a fellow participant has received an event and a
/// round trip on the shut-out connection has come back, anything sent to it as well would already be there.
/// </summary>
public sealed class LiveSessionAccessChangeTests(SharedHost shared)
{
    private static readonly object[] Plenary = [new { title = "Open floor", format = "plenary", plannedMinutes = 30 }];

    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task RemoveMember_OverRest_NothingReachesTheirConnectionAfterTheCallReturns()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2, agenda: Plenary);
        var (facilitator, stays, removed) = await StartedAsync(scenario);
        var person = scenario.Participants[1];

        await TestClient.Expect(await scenario.Facilitator.DeleteAsync($"/api/v1/forums/{scenario.Forum.Id}/members/{person.PersonId}"), HttpStatusCode.NoContent);
        var secret = await ContributeAfterAsync(scenario, facilitator, stays);

        Assert.Equal(LiveSessionErrors.NotFound, await removed.FailAsync("Contribute", scenario.Session.Id, new ContributeCommand(Guid.CreateVersion7(), "Still here?")));
        AssertNothingAfterLosingAccess(removed, person.PersonId, secret);
    }

    [Fact]
    public async Task Leave_OverRest_NothingReachesTheirConnectionAfterTheCallReturns()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2, agenda: Plenary);
        var (facilitator, stays, leaving) = await StartedAsync(scenario);
        var person = scenario.Participants[1];

        await TestClient.Expect(await person.PostAsync($"/api/v1/forums/{scenario.Forum.Id}/leave"), HttpStatusCode.NoContent);
        var secret = await ContributeAfterAsync(scenario, facilitator, stays);

        Assert.Equal(LiveSessionErrors.NotFound, await leaving.FailAsync("RaiseHand", scenario.Session.Id));
        AssertNothingAfterLosingAccess(leaving, person.PersonId, secret);
    }

    [Fact]
    public async Task ChangeRole_MemberToObserver_KeepsWatchingButCannotContribute()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2, agenda: Plenary);
        var (facilitator, stays, demoted) = await StartedAsync(scenario);
        var person = scenario.Participants[1];

        var changed = await scenario.Facilitator.PutAsync($"/api/v1/forums/{scenario.Forum.Id}/members/{person.PersonId}/role", new { role = SpaceRole.Observer });
        await TestClient.Expect(changed, HttpStatusCode.NoContent);
        var code = await demoted.FailAsync("Contribute", scenario.Session.Id, new ContributeCommand(Guid.CreateVersion7(), "One more thing"));
        var text = await ContributeAfterAsync(scenario, facilitator, stays);

        Assert.Equal(LiveSessionErrors.NotParticipant, code);
        await demoted.WaitForAsync<ContributionPosted>(c => c.Contribution.Text == text);
        var access = await demoted.WaitForAsync<ParticipantAccessChanged>(c => c.PersonId == person.PersonId);
        Assert.Equal(LiveSessionRole.Observer, access.Role);
        var state = await scenario.Facilitator.GetAsync<LiveSessionView>($"{scenario.SessionPath}/state");
        Assert.Equal(LiveSessionRole.Observer, Assert.Single(state.Present, p => p.PersonId == person.PersonId).Role);
    }

    [Fact]
    public async Task UpdateForum_PublicToMembersOnly_OutsiderWatchersLoseTheSession()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1, visibility: Visibility.Public, agenda: Plenary);
        using var passerby = await TestClient.SignedUpAsync(_host, "Passer-by");
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var member = await scenario.JoinAsync(scenario.Participants[0]);
        var outsider = await scenario.JoinAsync(passerby);
        await facilitator.SendAsync("Start", scenario.Session.Id);
        await outsider.WaitForSequenceAsync(facilitator.LastSequence);

        var updated = await scenario.Facilitator.PutAsync($"/api/v1/forums/{scenario.Forum.Id}", new { name = scenario.Forum.Name, visibility = Visibility.MembersOnly });
        await TestClient.Expect(updated, HttpStatusCode.OK);
        var secret = await ContributeAfterAsync(scenario, facilitator, member);

        Assert.Equal(LiveSessionErrors.NotFound, await outsider.FailAsync("Join", scenario.Session.Id, null));
        AssertNothingAfterLosingAccess(outsider, passerby.PersonId, secret);
        Assert.DoesNotContain(member.Events, e => e.Change is ParticipantAccessChanged { Role: null } c && c.PersonId == scenario.Participants[0].PersonId);
    }

    [Fact]
    public async Task SignOut_ClosesTheTokensConnectionsBeforeTheCallReturns()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2, agenda: Plenary);
        var (facilitator, stays, leaving) = await StartedAsync(scenario);
        var person = scenario.Participants[1];

        await TestClient.Expect(await person.PostAsync("/api/v1/auth/sign-out"), HttpStatusCode.NoContent);
        var secret = await ContributeAfterAsync(scenario, facilitator, stays);
        var ended = await leaving.WaitUntilClosedAsync();

        Assert.DoesNotContain(leaving.Events, e => e.Change is ContributionPosted c && c.Contribution.Text == secret);
        Assert.Equal(LiveSessionErrors.SignedOut, ended?.Code);
        await Assert.ThrowsAnyAsync<Exception>(() => leaving.Connection.CallAsync<long>("RaiseHand", scenario.Session.Id));
        await Assert.ThrowsAnyAsync<Exception>(() => SessionClient.ConnectAsync(_host, person));
    }

    [Fact]
    public async Task SignOut_OfAnotherToken_LeavesThisConnectionOpen()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1, agenda: Plenary);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var participant = await scenario.JoinAsync(scenario.Participants[0]);
        using var otherDevice = _host.CreateClient();
        otherDevice.UseBearer(await SecondTokenAsync(scenario.Participants[0]));

        await TestClient.Expect(await otherDevice.PostAsync("/api/v1/auth/sign-out"), HttpStatusCode.NoContent);
        await facilitator.SendAsync("Start", scenario.Session.Id);

        await participant.WaitForSequenceAsync(facilitator.LastSequence);
        Assert.False(participant.IsClosed);
        Assert.Null(participant.Ended);
    }

    [Fact]
    public async Task TokenExpiry_WhileConnected_ClosesTheConnectionAtOnce()
    {
        await using var host = await ApiHost.StartAsync(null, "--Accounts:TokenLifetime", "00:00:10");
        await using var scenario = await SessionScenario.CreateAsync(host, participants: 0, visibility: Visibility.Public, agenda: Plenary);
        using var passerby = await TestClient.SignedUpAsync(host, "Passer-by");
        var watcher = await scenario.JoinAsync(passerby);

        var ended = await watcher.WaitUntilClosedAsync();

        Assert.Equal(LiveSessionErrors.CredentialExpired, ended?.Code);
    }

    private static async Task<string> SecondTokenAsync(TestClient person)
    {
        var response = await person.PostAsync("/api/v1/auth/token", new { email = person.Email, password = TestClient.Password });
        return (await TestClient.ReadAsync<System.Text.Json.JsonElement>(response, HttpStatusCode.OK)).GetProperty("token").GetString()!;
    }

    /// <summary>The facilitator, a participant who stays, and one who will lose access, all joined to the started session.</summary>
    private static async Task<(SessionClient Facilitator, SessionClient Stays, SessionClient Loses)> StartedAsync(SessionScenario scenario)
    {
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var stays = await scenario.JoinAsync(scenario.Participants[0]);
        var loses = await scenario.JoinAsync(scenario.Participants[1]);
        await facilitator.SendAsync("Start", scenario.Session.Id);
        await loses.SendAsync("Contribute", scenario.Session.Id, new ContributeCommand(Guid.CreateVersion7(), "Before the change"));
        await stays.WaitForSequenceAsync(loses.LastSequence);
        return (facilitator, stays, loses);
    }

    /// <summary>The facilitator posts a text once the change has returned; the one who stays has received it.</summary>
    private static async Task<string> ContributeAfterAsync(SessionScenario scenario, SessionClient facilitator, SessionClient stays)
    {
        var text = $"Only for those still inside {Guid.NewGuid():N}";
        var sequence = await facilitator.SendAsync("Contribute", scenario.Session.Id, new ContributeCommand(Guid.CreateVersion7(), text));
        await stays.WaitForSequenceAsync(sequence);
        return text;
    }

    private static void AssertNothingAfterLosingAccess(SessionClient client, Guid personId, string secret)
    {
        Assert.DoesNotContain(client.Events, e => e.Change is ContributionPosted c && c.Contribution.Text == secret);
        var last = client.Events[^1];
        Assert.Equal(new ParticipantAccessChanged(personId, null), last.Change);
        client.AssertInOrder();
    }
}
