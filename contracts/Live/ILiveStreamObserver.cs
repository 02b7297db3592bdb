namespace NetworkHub.Contracts.Live;

/// <summary>
/// One per API node: the node's relay, which passes a stream's events on to its own SignalR group of that stream.
/// One-way, so a slow or dead node never holds up the grain; a node that misses events notices the gap and asks for them.
/// </summary>
[Alias("NetworkHub.ILiveStreamObserver")]
public interface ILiveStreamObserver : IGrainObserver
{
    [OneWay]
    Task EventsAppended(LiveStream stream, IReadOnlyList<ILiveEvent> events);
}
