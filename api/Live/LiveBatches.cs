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
    /// The least time between two messages to a node's group. A message costs a frame on every connection whatever it
    /// carries: 500 votes in 10 s to 2,000 watchers are a million frames at one event a message, a fifth of that paced,
    /// and nobody watching notices a tenth of a second.
    /// </summary>
    public static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

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
