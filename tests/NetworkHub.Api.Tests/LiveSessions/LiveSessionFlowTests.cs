using System.Net;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>A facilitator and participants run a whole agenda over real WebSockets; everyone sees the same events in the same order.</summary>
public sealed class LiveSessionFlowTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task FullAgenda_FacilitatorAndParticipants_AllSeeSameOrderedEventsAndRecordIsComplete()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var p = new List<SessionClient>();
        foreach (var participant in scenario.Participants)
        {
            p.Add(await scenario.JoinAsync(participant));
        }

        var observer = await scenario.JoinAsync(scenario.Observer);
        var everyone = p.Append(facilitator).Append(observer).ToList();
        var id = scenario.Session.Id;

        await facilitator.SendAsync("OpenLobby", id);
        var started = await facilitator.SendAsync("Start", id);

        var first = Guid.CreateVersion7();
        await p[0].SendAsync("Contribute", id, new ContributeCommand(first, "Our land claims need *one* voice"));
        await p[1].SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), "Agreed, with the water committees", first));
        await p[2].SendAsync("React", id, first, "applause");

        await facilitator.SendAsync("Advance", id);
        await p[0].SendAsync("RaiseHand", id);
        await p[1].SendAsync("RaiseHand", id);
        await facilitator.SendAsync("ReorderQueue", id, new[] { scenario.Participants[1].PersonId, scenario.Participants[0].PersonId });
        await facilitator.SendAsync("GiveFloor", id, null);
        var queue = await p[2].WaitForAsync<SpeakingQueueChanged>(q => q.Queue.Speaker is not null);
        Assert.Equal(scenario.Participants[1].PersonId, queue.Queue.Speaker);
        Assert.Equal([scenario.Participants[0].PersonId], queue.Queue.Waiting);
        await facilitator.SendAsync("SkipSpeaker", id, scenario.Participants[1].PersonId);
        await facilitator.SendAsync("GiveFloor", id, null);

        await facilitator.SendAsync("Advance", id);
        var poll = scenario.ItemId(2);
        await p[0].SendAsync("Vote", id, poll, new[] { 0 });
        await p[1].SendAsync("Vote", id, poll, new[] { 1 });
        await p[1].SendAsync("Vote", id, poll, new[] { 0 });
        await p[2].SendAsync("Vote", id, poll, new[] { 2 });
        Assert.Equal(LiveSessionErrors.NotParticipant, await observer.FailAsync("Vote", id, poll, new[] { 1 }));
        var tally = await facilitator.WaitForAsync<PollTallied>(t => t.Result.Voters == 3);
        Assert.Equal([2, 0, 1], tally.Result.Counts);

        await facilitator.SendAsync("Advance", id);
        var statements = scenario.ItemId(3);
        await p[0].SendAsync("SubmitStatement", id, statements, "Water before mining");
        var second = await p[1].SendAsync("SubmitStatement", id, statements, "Seeds stay in community hands");
        await p[2].WaitForSequenceAsync(second);
        var submitted = p[2].Events.Select(e => e.Change).OfType<StatementSubmitted>().ToList();
        Assert.Equal(2, submitted.Count);
        foreach (var client in p)
        {
            await client.SendAsync("VoteOnStatement", id, submitted[0].StatementId, StatementVote.Agree);
            await client.SendAsync("VoteOnStatement", id, submitted[1].StatementId, client == p[2] ? StatementVote.Disagree : StatementVote.Agree);
        }

        await facilitator.SendAsync("Advance", id);
        var concluded = await observer.WaitForAsync<StatementsConcluded>();
        Assert.Contains(submitted[0].StatementId, concluded.Results.BroadAgreement);
        var rooms = (await p[0].WaitForAsync<BreakoutOpened>()).Rooms;
        Assert.Equal(2, rooms.Count);
        Assert.Equal(scenario.Participants.Select(x => x.PersonId).Order(), rooms.SelectMany(r => r.Members).Order());
        foreach (var room in rooms)
        {
            var rapporteur = p[scenario.Participants.FindIndex(x => x.PersonId == room.Rapporteur)];
            await rapporteur.SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), $"Notes from {room.Name}"));
            await rapporteur.SendAsync("PostSummary", id, room.Id, $"{room.Name} agrees on a joint land map");
        }

        await facilitator.SendAsync("RecordOutcome", id, scenario.ItemId(0), "Mandate for a joint statement");
        var closed = await facilitator.SendAsync("Close", id);
        foreach (var client in everyone)
        {
            await client.WaitForSequenceAsync(closed);
            client.AssertInOrder();
        }

        // Everyone joined before the start: from there on all saw exactly the same events.
        var reference = facilitator.Events.Where(e => e.Sequence >= started).Select(Describe).ToList();
        Assert.All(everyone, client => Assert.Equal(reference, client.Events.Where(e => e.Sequence >= started).Select(Describe)));

        var record = await scenario.Facilitator.GetAsync<LiveSessionRecord>($"{scenario.SessionPath}/record");
        Assert.Equal(LiveSessionStatus.Closed, record.Details.Status);
        Assert.Equal(5, record.Attendance.Count);
        Assert.Equal(2, record.Items[0].Contributions.Count);
        Assert.Equal("Mandate for a joint statement", record.Items[0].Outcome);
        Assert.Equal([2, 0, 1], record.Items[2].Poll!.Counts);
        Assert.True(record.Items[2].Poll!.Closed);
        Assert.Equal(2, record.Items[3].Statements.Count);
        Assert.All(record.Items[4].Rooms, r => Assert.NotNull(r.Summary));

        var markdown = await scenario.Facilitator.GetAsync($"{scenario.SessionPath}/record.md");
        await TestClient.Expect(markdown, HttpStatusCode.OK);
        var text = await markdown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("# Asamblea regional", text);
        Assert.Contains("Our land claims need \\*one\\* voice", text);
        Assert.Contains("agrees on a joint land map", text);
    }

    [Fact]
    public async Task Record_BeforeClosing_Conflicts()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 0);

        var response = await scenario.Facilitator.GetAsync($"{scenario.SessionPath}/record");

        await TestClient.ProblemAsync(response, HttpStatusCode.Conflict, LiveSessionErrors.NotClosed);
    }

    [Fact]
    public async Task ForumSessions_ListsScheduledSession_ForMembersOnly()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1);
        using var outsider = await TestClient.SignedUpAsync(_host);

        var sessions = await scenario.Participants[0].GetAsync<List<LiveSessionSummary>>($"/api/v1/forums/{scenario.Forum.Id}/sessions");
        var hidden = await outsider.GetAsync($"/api/v1/forums/{scenario.Forum.Id}/sessions");

        Assert.Equal(scenario.Session.Id, Assert.Single(sessions).Id);
        await TestClient.ProblemAsync(hidden, HttpStatusCode.NotFound);
    }

    private static string Describe(LiveSessionEvent e) => $"{e.Sequence}:{e.Change.GetType().Name}";
}
