using System.Net;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>Only facilitators control, only participants take part (once), observers watch, outsiders see nothing.</summary>
public sealed class LiveSessionAccessTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task Advance_ByParticipant_IsRefusedAndChangesNothing()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var participant = await scenario.JoinAsync(scenario.Participants[0]);
        await facilitator.SendAsync("Start", scenario.Session.Id);

        var code = await participant.FailAsync("Advance", scenario.Session.Id);

        Assert.Equal(LiveSessionErrors.NotFacilitator, code);
        var state = await scenario.Facilitator.GetAsync<LiveSessionView>($"{scenario.SessionPath}/state");
        Assert.Equal(0, state.Details.CurrentItem);
    }

    [Fact]
    public async Task Join_PrivateSessionByOutsider_IsNotFoundOnHubAndRest()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 0);
        using var outsider = await TestClient.SignedUpAsync(_host);
        var client = await scenario.ConnectAsync(outsider);

        var code = await client.FailAsync("Join", scenario.Session.Id, null);
        var rest = await outsider.GetAsync(scenario.SessionPath);

        Assert.Equal(LiveSessionErrors.NotFound, code);
        await TestClient.ProblemAsync(rest, HttpStatusCode.NotFound, LiveSessionErrors.NotFound);
        Assert.Empty(client.Events);
    }

    [Fact]
    public async Task Join_PublicForumSessionByAnyoneSignedIn_WatchesAsObserver()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 0, visibility: Contracts.Spaces.Visibility.Public);
        using var passerby = await TestClient.SignedUpAsync(_host);
        var client = await scenario.ConnectAsync(passerby);

        var joined = await client.JoinAsync(scenario.Session.Id);

        Assert.Equal(LiveSessionRole.Observer, joined.Role);
        Assert.NotNull(client.Snapshot);
        Assert.Equal(LiveSessionErrors.NotParticipant, await client.FailAsync("RaiseHand", scenario.Session.Id));
    }

    [Fact]
    public async Task Vote_Twice_CountsOneBallotWithTheLaterChoice()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1, agenda:
            [new { title = "Priority", format = "poll", plannedMinutes = 5, poll = new { options = new[] { "A", "B" } } }]);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var participant = await scenario.JoinAsync(scenario.Participants[0]);
        await facilitator.SendAsync("Start", scenario.Session.Id);

        await participant.SendAsync("Vote", scenario.Session.Id, scenario.ItemId(0), new[] { 0 });
        await participant.SendAsync("Vote", scenario.Session.Id, scenario.ItemId(0), new[] { 1 });
        var invalid = await participant.FailAsync("Vote", scenario.Session.Id, scenario.ItemId(0), new[] { 0, 1 });

        var state = await scenario.Facilitator.GetAsync<LiveSessionView>($"{scenario.SessionPath}/state");
        var poll = state.Items[0].Poll!;
        Assert.Equal(1, poll.Voters);
        Assert.Equal([0, 1], poll.Counts);
        Assert.Equal(LiveSessionErrors.InvalidBallot, invalid);
    }

    [Fact]
    public async Task MuteAndRemove_ByFacilitator_TakeEffectAndAreAudited()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var muted = await scenario.JoinAsync(scenario.Participants[0]);
        var removed = await scenario.JoinAsync(scenario.Participants[1]);
        var id = scenario.Session.Id;
        await facilitator.SendAsync("Start", id);

        await facilitator.SendAsync("Mute", id, scenario.Participants[0].PersonId, true);
        var mutedCode = await muted.FailAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), "Let me speak"));
        await facilitator.SendAsync("RemoveParticipant", id, scenario.Participants[1].PersonId);
        await removed.WaitForAsync<ParticipantRemoved>();
        var rejoin = await scenario.ConnectAsync(scenario.Participants[1]);
        var rejoinCode = await rejoin.FailAsync("Join", id, null);

        Assert.Equal(LiveSessionErrors.Muted, mutedCode);
        Assert.Equal(LiveSessionErrors.Removed, rejoinCode);
        var audit = await scenario.Facilitator.GetAsync<Contracts.Spaces.AuditPage>($"{scenario.SessionPath}/audit");
        Assert.Contains(audit.Entries, e => e.Action == LiveSessionAuditActions.ParticipantMuted && e.SubjectId == scenario.Participants[0].PersonId);
        Assert.Contains(audit.Entries, e => e.Action == LiveSessionAuditActions.ParticipantRemoved && e.SubjectId == scenario.Participants[1].PersonId);
        await TestClient.ProblemAsync(await scenario.Participants[0].GetAsync($"{scenario.SessionPath}/audit"), HttpStatusCode.Forbidden, LiveSessionErrors.NotFacilitator);
    }

    [Fact]
    public async Task Presence_ShowsWhoIsInAndCountsPerPublicOrganisation()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2);
        var organisation = await scenario.Participants[0].CreateOrganisationAsync(name: "Red de Semillas");
        await scenario.Participants[0].AddMemberAsync($"/api/v1/organisations/{organisation.Id}", scenario.Participants[1], Contracts.Spaces.SpaceRole.Member);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        await scenario.JoinAsync(scenario.Participants[0]);
        var second = await scenario.JoinAsync(scenario.Participants[1]);

        await facilitator.WaitForAsync<PresenceChanged>(c => c.Person.PersonId == scenario.Participants[1].PersonId);
        var state = await scenario.Facilitator.GetAsync<LiveSessionView>($"{scenario.SessionPath}/state");

        Assert.Equal(3, state.Present.Count);
        Assert.Contains(state.Present, x => x.Name == "Participant 1" && x.Role == LiveSessionRole.Participant);
        Assert.Equal(2, Assert.Single(state.Organisations, o => o.OrganisationId == organisation.Id).Present);

        await second.Connection.StopAsync(TestContext.Current.CancellationToken);
        await facilitator.WaitForAsync<PresenceChanged>(c => c.Person.PersonId == scenario.Participants[1].PersonId && !c.Present);
    }

    [Fact]
    public async Task ScheduleSession_ByMember_IsForbidden()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1);

        var response = await scenario.Participants[0].PostAsync($"/api/v1/forums/{scenario.Forum.Id}/sessions", new
        {
            title = "Rogue session",
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
        });

        await TestClient.ProblemAsync(response, HttpStatusCode.Forbidden, LiveSessionErrors.NotFacilitator);
    }

    [Fact]
    public async Task ScheduleSession_WithoutTitle_IsBadRequest()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 0);

        var response = await scenario.Facilitator.PostAsync($"/api/v1/forums/{scenario.Forum.Id}/sessions", new { startsAt = DateTimeOffset.UtcNow });

        await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.validation");
    }

    [Fact]
    public async Task UpdateAgenda_WithoutItems_IsBadRequest()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 0);

        var response = await scenario.Facilitator.PutAsync($"{scenario.SessionPath}/agenda", new { });

        await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.validation");
    }

    [Fact]
    public async Task AgendaWithANullItem_OnScheduleAndUpdate_IsBadRequest()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 0);

        var updated = await scenario.Facilitator.PutAsync($"{scenario.SessionPath}/agenda", new { items = new object?[] { null } });
        var scheduled = await scenario.Facilitator.PostAsync($"/api/v1/forums/{scenario.Forum.Id}/sessions", new
        {
            title = "Asamblea",
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            agenda = new object?[] { null },
        });

        await TestClient.ProblemAsync(updated, HttpStatusCode.BadRequest, "request.validation");
        await TestClient.ProblemAsync(scheduled, HttpStatusCode.BadRequest, "request.validation");
    }

    [Fact]
    public async Task UpdateAgenda_ByFacilitator_ReplacesItemsAndTellsClients()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 0);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);

        var response = await scenario.Facilitator.PutAsync($"{scenario.SessionPath}/agenda", new { items = new[] { new { title = "Only item", format = "plenary", plannedMinutes = 30 } } });

        var details = await TestClient.ReadAsync<LiveSessionDetails>(response, HttpStatusCode.OK);
        Assert.Equal("Only item", Assert.Single(details.Agenda).Title);
        await facilitator.WaitForAsync<AgendaChanged>(a => a.Agenda.Count == 1);
    }
}
