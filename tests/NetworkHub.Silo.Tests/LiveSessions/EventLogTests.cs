using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.LiveSessions;

namespace NetworkHub.Silo.Tests.LiveSessions;

public sealed class EventLogTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_BeyondCapacity_KeepsOnlyTheTailAndNumbersWithoutGaps()
    {
        var log = new EventLog();

        for (var i = 0; i < 10; i++)
        {
            log.Append(new OutcomeRecorded(Guid.Empty, $"{i}"), Now, capacity: 4);
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
        Assert.Empty(new EventLog().Since(0)!);
    }

    private static EventLog Filled(int count, int capacity)
    {
        var log = new EventLog();
        for (var i = 0; i < count; i++)
        {
            log.Append(new OutcomeRecorded(Guid.Empty, $"{i}"), Now, capacity);
        }

        return log;
    }
}
