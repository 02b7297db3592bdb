using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Committees;
using NetworkHub.Silo.Live;
using Orleans.Serialization;

namespace NetworkHub.Silo.Tests.Live;

/// <summary>A meeting's events on the shared machinery: the same log, the same "who leaves" rule, the same wire.</summary>
public sealed class MeetingStreamTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(MeetingEvent).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void EventLog_OfMeetingEvents_NumbersWithoutGapsAndKeepsTheTail()
    {
        var log = new EventLog<MeetingEvent>();

        for (var i = 0; i < 6; i++)
        {
            log.Append(sequence => new MeetingEvent(sequence, Now, new AttendanceRecorded(Guid.NewGuid(), AttendanceStatus.Present, i + 1, 4, i >= 3)), capacity: 4);
        }

        Assert.Equal([3L, 4, 5, 6], log.Recent.Select(e => e.Sequence));
        Assert.Equal([5L, 6], log.Since(4)!.Select(e => e.Sequence));
        Assert.Null(log.Since(1));
    }

    [Fact]
    public void EndsAccessOf_OnlyTheAccessEndedEvent_TakesSomeoneOut()
    {
        var person = Guid.NewGuid();

        Assert.Equal(person, new MeetingEvent(1, Now, new WatcherAccessEnded(person)).EndsAccessOf());
        Assert.Null(new MeetingEvent(2, Now, new MeetingStatusChanged(MeetingStatus.InProgress)).EndsAccessOf());
    }

    [Fact]
    public void CatchUp_WithASnapshot_AdmitsOnlyThePeopleStillWatching()
    {
        var watching = Guid.NewGuid();
        var gone = Guid.NewGuid();
        var view = new MeetingView(Guid.NewGuid(), Guid.NewGuid(), "Steering committee", MeetingType.Regular, MeetingStatus.InProgress, Now, "UTC",
            null, null, null, [], [], new QuorumState(0, 2, 2, false), [], [], [], 1, 9, new MeetingStanding(false, false, [], []));

        var snapshot = new MeetingCatchUp(9, null, view, [watching]);
        var events = new MeetingCatchUp(9, [], null, []);

        Assert.True(snapshot.Admits(watching));
        Assert.False(snapshot.Admits(gone));
        Assert.True(events.Admits(gone));
    }

    [Fact]
    public void RoundTrip_MeetingEventsAndTheirCatchUp_KeepTypeAndValues()
    {
        var seat = Guid.NewGuid();
        MeetingEvent[] events =
        [
            new(1, Now, new WatcherAccessEnded(seat)),
            new(2, Now, new TallyChanged(Guid.NewGuid(), new VotedSeat(seat, false), new SeatChoice(seat, BallotChoice.Yes, 1, false, null), new VoteTotals(3, 1, 0), 4)),
        ];

        var copy = Serializer.Deserialize<MeetingCatchUp>(Serializer.SerializeToArray(new MeetingCatchUp(2, events, null, [seat])))!;

        Assert.Equal(2, copy.Sequence);
        Assert.IsType<WatcherAccessEnded>(copy.Events![0].Change);
        var tally = Assert.IsType<TallyChanged>(copy.Events[1].Change);
        Assert.Equal((seat, BallotChoice.Yes, new VoteTotals(3, 1, 0), 4), (tally.Seat.SeatId, tally.Choice!.Choice, tally.Totals, tally.RespondedAllotments));
        Assert.Equal([seat], copy.Present);
    }
}
