using NetworkHub.Contracts.Live;

namespace NetworkHub.Contracts.Committees;

/// <summary>
/// One change of a meeting, numbered in the meeting's single total order (1, 2, 3, … without gaps), on the same
/// live stream machinery as sessions: clients apply events in order and remember the last number, to catch up.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MeetingEvent")]
public sealed record MeetingEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] MeetingChange Change) : ILiveEvent
{
    public Guid? EndsAccessOf() => Change is WatcherAccessEnded ended ? ended.PersonId : null;
}

/// <summary>
/// The committee no longer lets this person see inside (their seat ended, they left its organisation, they were
/// removed): the last event they receive; every node takes their connections out before passing on any later one.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.WatcherAccessEnded")]
public sealed record WatcherAccessEnded([property: Id(0)] Guid PersonId) : MeetingChange;

/// <summary>What a relay gets back when a connection joins a meeting, or when it asks for events it missed.</summary>
/// <remarks><see cref="Present"/>: the people the meeting counts as watching, for relays only (never sent to clients).</remarks>
[GenerateSerializer, Alias("NetworkHub.MeetingCatchUp")]
public sealed record MeetingCatchUp(
    [property: Id(0)] long Sequence,
    [property: Id(1)] IReadOnlyList<MeetingEvent>? Events,
    [property: Id(2)] MeetingView? Snapshot,
    [property: Id(3)] IReadOnlyList<Guid> Present) : ILiveCatchUp<MeetingEvent, MeetingView>
{
    public bool Admits(Guid personId) => Snapshot is null || Present.Contains(personId);
}

/// <summary>The answer to the hub's JoinMeeting, sent after the snapshot or the missed events. JSON only.</summary>
public sealed record MeetingJoined(Guid MeetingId, long Sequence);
