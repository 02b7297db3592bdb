using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.Tests.Live;

public sealed class EventLogTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_BeyondCapacity_KeepsOnlyTheTailAndNumbersWithoutGaps()
    {
        var log = new EventLog<LiveSessionEvent>();

        for (var i = 0; i < 10; i++)
        {
            Append(log, $"{i}", capacity: 4);
        }

        Assert.Equal(10, log.Sequence);
        Assert.Equal([7L, 8, 9, 10], log.Recent.Select(e => e.Sequence));
    }

    [Fact]
    public void Since_WithinKeptTail_ReturnsExactlyTheLaterEvents()
    {
        var log = Filled(10, capacity: 4);

        Assert.Equal([8L, 9, 10], log.Since(7)!.Select(e => e.Sequence));
        Assert.Equal([7L, 8, 9, 10], log.Since(6)!.Select(e => e.Sequence));
        Assert.Empty(log.Since(10)!);
        Assert.Empty(log.Since(12)!);
    }

    [Fact]
    public void Since_OlderThanKeptTail_IsNullSoTheCallerGetsASnapshot()
    {
        var log = Filled(10, capacity: 4);

        Assert.Null(log.Since(5));
        Assert.Null(log.Since(-1));
        Assert.Empty(new EventLog<LiveSessionEvent>().Since(0)!);
    }

    private static EventLog<LiveSessionEvent> Filled(int count, int capacity)
    {
        var log = new EventLog<LiveSessionEvent>();
        for (var i = 0; i < count; i++)
        {
            Append(log, $"{i}", capacity);
        }

        return log;
    }

    private static void Append(EventLog<LiveSessionEvent> log, string text, int capacity) =>
        log.Append(sequence => new LiveSessionEvent(sequence, Now, new OutcomeRecorded(Guid.Empty, text)), capacity);
}
