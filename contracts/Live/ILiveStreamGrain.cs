using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.Live;

/// <summary>
/// The stream half of a grain with a sequence-numbered event log (a live session, a meeting): what the API nodes'
/// relays call. The grain decides who may join; whoever loses access is taken out in the stream's own order.
/// </summary>
[Alias("NetworkHub.ILiveStreamGrain`3")]
public interface ILiveStreamGrain<TEvent, TSnapshot, TCatchUp> : IGrainWithGuidKey
    where TEvent : ILiveEvent
    where TSnapshot : class
    where TCatchUp : ILiveCatchUp<TEvent, TSnapshot>
{
    /// <summary>
    /// An API node's relay subscribes, or renews its lease, and says who is connected through it (so what the grain
    /// counts as present survives the restart of its activation). Returns the current sequence number.
    /// </summary>
    Task<long> WatchAsync(string hostId, ILiveStreamObserver observer, IReadOnlyList<Guid> present);

    Task UnwatchAsync(string hostId);

    /// <summary>
    /// A person connects through <paramref name="hostId"/>. Returns their role and either the events after
    /// <paramref name="after"/> or, when that is null or older than the kept log, a snapshot.
    /// </summary>
    Task<TCatchUp> JoinAsync(Caller caller, string hostId, long? after);

    /// <summary>The person's last connection through <paramref name="hostId"/> ended.</summary>
    Task LeaveAsync(Guid personId, string hostId);

    /// <summary>
    /// Who may be here changed for <paramref name="personId"/> (or for everyone, when null): the people present are
    /// checked again. Whoever lost access leaves in the stream's order, with an event every node applies by taking
    /// their connections out before passing on any later event. Returns once that is written. Interleaves: the
    /// space that decides waits on this call, and another call here may be waiting on that space.
    /// </summary>
    [AlwaysInterleave]
    Task AccessChangedAsync(Guid? personId);

    /// <summary>For relays filling a gap: events after <paramref name="after"/>, or a snapshot when they are no longer kept.</summary>
    [ReadOnly] Task<TCatchUp> GetEventsAsync(long after);
}
