using NetworkHub.Contracts.Live;

namespace NetworkHub.Silo.Live;

/// <summary>
/// A live stream's sequence counter and its most recent events. Bounded: a session or a meeting runs for hours, and
/// the whole state is written on every change, so only the tail needed for catching up is kept.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.LiveEventLog`1")]
public sealed class EventLog<TEvent>
    where TEvent : ILiveEvent
{
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public List<TEvent> Recent { get; set; } = [];

    /// <summary>Appends the event <paramref name="numbered"/> makes for the next sequence number.</summary>
    public TEvent Append(Func<long, TEvent> numbered, int capacity)
    {
        var added = numbered(++Sequence);
        Recent.Add(added);
        if (Recent.Count > capacity)
        {
            Recent.RemoveRange(0, Recent.Count - capacity);
        }

        return added;
    }

    /// <summary>The events after <paramref name="after"/>, or null when some of them are no longer kept.</summary>
    public IReadOnlyList<TEvent>? Since(long after)
    {
        if (after >= Sequence)
        {
            return [];
        }

        var oldestKept = Recent.Count > 0 ? Recent[0].Sequence : Sequence + 1;
        return after < 0 || after + 1 < oldestKept ? null : [.. Recent.Where(e => e.Sequence > after)];
    }
}
