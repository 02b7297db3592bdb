using NetworkHub.Contracts.Live;

namespace NetworkHub.Api.Live;

/// <summary>How consecutive events are cut into the messages that carry them.</summary>
internal static class LiveBatches
{
    /// <summary>
    /// Bounds a message: a client far behind gets several of this size rather than one it must hold whole in memory
    /// before it can apply the first event.
    /// </summary>
    public const int MaxEvents = 256;

    /// <summary>
    /// Cuts <paramref name="events"/> (consecutive, in order) into batches of at most <see cref="MaxEvents"/>. An event
    /// that ends someone's access closes its batch: the feed takes that person's connections out before it sends any
    /// later event, so nothing after it may travel in the same message.
    /// </summary>
    public static IEnumerable<IReadOnlyList<TEvent>> Split<TEvent>(IReadOnlyList<TEvent> events)
        where TEvent : ILiveEvent
    {
        var batch = new List<TEvent>();
        foreach (var e in events)
        {
            batch.Add(e);
            if (batch.Count == MaxEvents || e.EndsAccessOf() is not null)
            {
                yield return batch;
                batch = [];
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
