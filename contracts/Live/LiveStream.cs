namespace NetworkHub.Contracts.Live;

/// <summary>What kind of grain a live stream belongs to; with its id it names the stream to relays and SignalR groups.</summary>
public enum LiveStreamKind
{
    Session,
    Meeting,
    Document,
}

/// <summary>One grain's live event stream: a forum's live session, a committee's meeting or a document.</summary>
[GenerateSerializer, Alias("NetworkHub.LiveStream")]
public readonly record struct LiveStream([property: Id(0)] LiveStreamKind Kind, [property: Id(1)] Guid Id)
{
    public override string ToString() => $"{Kind}/{Id:N}";
}

/// <summary>
/// An event of a live stream, numbered in the stream's single total order (1, 2, 3, … without gaps). A method rather
/// than a property, so that neither JSON nor Orleans carries it: what it says is already in the event's change.
/// </summary>
public interface ILiveEvent
{
    long Sequence { get; }

    /// <summary>The person this event takes out of the stream (removed, or no longer allowed in), else null.</summary>
    Guid? EndsAccessOf();
}

/// <summary>
/// What a relay gets back on a join or when it asks for missed events: the events after a point, or a snapshot of the
/// whole stream as of <see cref="Sequence"/> (taken in the same turn) for a client further behind than the kept log.
/// </summary>
public interface ILiveCatchUp<out TEvent, out TSnapshot>
    where TEvent : ILiveEvent
    where TSnapshot : class
{
    long Sequence { get; }

    IReadOnlyList<TEvent>? Events { get; }

    TSnapshot? Snapshot { get; }

    /// <summary>
    /// With a snapshot: whether the person still counts as in the stream. A node that skipped events (one of which may
    /// have taken someone's access away) drops the others before it sends the snapshot on.
    /// </summary>
    bool Admits(Guid personId);
}
