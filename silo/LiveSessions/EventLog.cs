using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// The session's sequence counter and its most recent events. Bounded: a session runs for hours, and the whole
/// state is written on every change, so only the tail needed for catching up is kept.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionEventLog")]
public sealed class EventLog
{
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public List<LiveSessionEvent> Recent { get; set; } = [];

    public LiveSessionEvent Append(LiveSessionChange change, DateTimeOffset at, int capacity = LiveSessionLimits.EventLogCapacity)
    {
        var added = new LiveSessionEvent(++Sequence, at, change);
        Recent.Add(added);
        if (Recent.Count > capacity)
        {
            Recent.RemoveRange(0, Recent.Count - capacity);
        }

        return added;
    }

    /// <summary>The events after <paramref name="after"/>, or null when some of them are no longer kept.</summary>
    public IReadOnlyList<LiveSessionEvent>? Since(long after)
    {
        if (after >= Sequence)
        {
            return [];
        }

        var oldestKept = Recent.Count > 0 ? Recent[0].Sequence : Sequence + 1;
        return after < 0 || after + 1 < oldestKept ? null : [.. Recent.Where(e => e.Sequence > after)];
    }
}
