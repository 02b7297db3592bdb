using System.Net;
using NetworkHub.Api.Tests.Live;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>A meeting's live stream end to end: real SignalR watchers of the hub while the committee acts over REST.</summary>
public sealed class MeetingStreamTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task TwoWatchers_SeeOneOrder_FromAttendanceToTheDecisionNumber()
    {
        var committee = await SeatedCommittee.CreateAsync(_host, partners: 3, code: "ST");
        var (path, item) = await committee.SittingAsync();
        var meeting = MeetingId(path);
        await using var secretary = await MeetingWatcher.ConnectAsync(_host, committee.Secretary);
        await using var representative = await MeetingWatcher.ConnectAsync(_host, committee.Seats[2].Representative);
        await secretary.JoinAsync(meeting);
        await representative.JoinAsync(meeting);

        await TestClient.Expect(await committee.Secretary.PutAsync($"{path}/attendance/{committee.Seats[2].SeatId}", new { status = "apologies" }), HttpStatusCode.OK);
        await TestClient.Expect(await committee.Secretary.PutAsync($"{path}/attendance/{committee.Seats[2].SeatId}", new { status = "present" }), HttpStatusCode.OK);
        var (motion, vote) = await committee.OpenVoteAsync(path, item, "open", "The forum meets in Cartagena.");
        await committee.CastAsync(path, vote, 0, "yes");
        await committee.CastAsync(path, vote, 1, "no");
        await committee.CastAsync(path, vote, 2, "yes");
        await committee.CastAsync(path, vote, 1, "yes");
        await TestClient.Expect(await committee.Secretary.PostAsync($"{path}/votes/{vote}/close"), HttpStatusCode.OK);

        var numbered = await representative.WaitForAsync<MotionChanged>(c => c.Motion.MotionId == motion && c.Motion.DecisionNumber is not null);
        await secretary.WaitForSequenceAsync(representative.LastSequence);
        secretary.AssertInOrder();
        representative.AssertInOrder();
        Assert.Equal(Kinds(secretary), Kinds(representative));
        var apologies = representative.Events.Select(e => e.Change).OfType<AttendanceRecorded>().First();
        Assert.Equal((AttendanceStatus.Apologies, 2, 2, true), (apologies.Status, apologies.PresentAllotments, apologies.QuorumRequired, apologies.QuorumMet));
        var tallies = representative.Events.Select(e => e.Change).OfType<TallyChanged>().Select(t => (t.Totals!.Yes, t.Totals.No)).ToList();
        Assert.Equal([(1, 0), (1, 1), (2, 1), (3, 0)], tallies);
        var closed = representative.Events.Select(e => e.Change).OfType<VoteClosed>().Single();
        Assert.Equal((VoteOutcome.Adopted, new VoteTotals(3, 0, 0)), (closed.Result.Outcome, closed.Result.Totals));
        Assert.Equal($"ST-{DateTimeOffset.UtcNow.Year}-001", numbered.Motion.DecisionNumber);
    }

    [Fact]
    public async Task Watcher_ResumingAfterTheLastEventItSaw_GetsExactlyWhatItMissed_WithoutASnapshot()
    {
        var committee = await SeatedCommittee.CreateAsync(_host, partners: 2);
        var (path, item) = await committee.SittingAsync();
        var meeting = MeetingId(path);
        await using var steady = await MeetingWatcher.ConnectAsync(_host, committee.Secretary);
        await steady.JoinAsync(meeting);
        long seen;
        await using (var dropped = await MeetingWatcher.ConnectAsync(_host, committee.Seats[0].Representative))
        {
            await dropped.JoinAsync(meeting);
            seen = dropped.LastSequence;
        }

        var (_, vote) = await committee.OpenVoteAsync(path, item, "open", "The forum publishes its statement.");
        await committee.CastAsync(path, vote, 0, "yes");
        await committee.CastAsync(path, vote, 1, "abstain");
        await using var resumed = await MeetingWatcher.ConnectAsync(_host, committee.Seats[0].Representative);
        var joined = await resumed.JoinAsync(meeting, after: seen);
        await steady.WaitForSequenceAsync(joined.Sequence);

        Assert.Equal(0, resumed.Snapshots);
        resumed.AssertInOrder();
        Assert.Equal(seen + 1, resumed.Events[0].Sequence);
        // What it missed came in one message, not one per event.
        Assert.Equal(1, resumed.Batches);
        Assert.Equal(Kinds(steady).Where(k => k.Sequence > seen), Kinds(resumed));
        Assert.Contains(resumed.Events, e => e.Change is VoteOpened opened && opened.VoteId == vote);
    }

    /// <summary>
    /// An alternate named by their organisation watches; the organisation removes them. Their connection receives
    /// access-ended as its last event and nothing after it, and every route to the meeting is closed to them.
    /// </summary>
    [Fact]
    public async Task Alternate_RemovedFromTheirOrganisation_StopsReceivingAtOnce_AndTheMeetingIsNotFoundToThem()
    {
        var committee = await SeatedCommittee.CreateAsync(_host, partners: 2);
        var organisation = $"/api/v1/organisations/{committee.Organisations[0]}";
        var (seat, coordinator) = committee.Seats[0];
        using var alternate = await TestClient.SignedUpAsync(_host, "Alternate");
        await coordinator.AddMemberAsync(organisation, alternate, SpaceRole.Member);
        await TestClient.Expect(await coordinator.PutAsync($"/api/v1/committees/{committee.Id}/seats/{seat}/representatives",
            new { representative = coordinator.PersonId, alternate = alternate.PersonId }), HttpStatusCode.OK);
        var (path, item) = await committee.SittingAsync();
        var meeting = MeetingId(path);
        await using var secretary = await MeetingWatcher.ConnectAsync(_host, committee.Secretary);
        await using var watcher = await MeetingWatcher.ConnectAsync(_host, alternate);
        await secretary.JoinAsync(meeting);
        await watcher.JoinAsync(meeting);

        await TestClient.Expect(await coordinator.DeleteAsync($"{organisation}/members/{alternate.PersonId}"), HttpStatusCode.NoContent);
        var ended = await watcher.WaitForAsync<WatcherAccessEnded>();
        var (_, vote) = await committee.OpenVoteAsync(path, item, "open", "After the removal.");
        await committee.CastAsync(path, vote, 0, "yes");
        await secretary.WaitForAsync<TallyChanged>(t => t.VoteId == vote);

        Assert.Equal(alternate.PersonId, ended.PersonId);
        Assert.IsType<WatcherAccessEnded>(watcher.Events[^1].Change);
        Assert.DoesNotContain(watcher.Events, e => e.Change is VoteOpened or TallyChanged);
        Assert.Contains(secretary.Events, e => e.Change is WatcherAccessEnded);
        await TestClient.ProblemAsync(await alternate.GetAsync(path), HttpStatusCode.NotFound, CommitteeErrors.MeetingNotFound);
        Assert.Equal(CommitteeErrors.MeetingNotFound, (await watcher.Connection.ErrorOfAsync("JoinMeeting", meeting, null))?.Code);
    }

    private static Guid MeetingId(string path) => Guid.Parse(path[(path.LastIndexOf('/') + 1)..]);

    private static List<(long Sequence, string Kind)> Kinds(MeetingWatcher watcher) =>
        [.. watcher.Events.Select(e => (e.Sequence, e.Change.GetType().Name))];
}
