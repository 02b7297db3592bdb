namespace NetworkHub.Contracts.LiveSessions;

/// <summary>
/// One per API node per session: the node's relay, which passes events on to its own SignalR group. One-way, so a
/// slow or dead node never holds up the session; a node that misses events notices the gap and asks for them.
/// </summary>
[Alias("NetworkHub.ILiveSessionObserver")]
public interface ILiveSessionObserver : IGrainObserver
{
    [OneWay]
    Task EventsAppended(Guid sessionId, IReadOnlyList<LiveSessionEvent> events);
}
