using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Live;

namespace NetworkHub.Silo.Live;

/// <summary>
/// The grain's end of a live stream, the same for every grain with an event log (a live session, a meeting): the
/// events appended since the last write, the group commit that writes them, and the API nodes watching, each with a
/// lease its relay renews every third of <see cref="LiveStreamLimits.HostLease"/>. Events go to the nodes (one
/// one-way call per node, never one per person) only after the write that holds them has succeeded.
/// </summary>
/// <remarks>Single-threaded, like the grain that owns it; see <see cref="GroupCommit{TBatch}"/> for interleaving calls.</remarks>
internal sealed class LiveFanOut<TEvent>
    where TEvent : ILiveEvent
{
    private readonly LiveStream _stream;
    private readonly ILogger _logger;
    private readonly Dictionary<string, HostLease> _hosts = new(StringComparer.Ordinal);
    private readonly List<TEvent> _unsent = [];
    private readonly GroupCommit<TEvent[]> _commits;

    /// <summary><paramref name="write"/> persists the whole state (holding the log); on failure the owner decides (deactivates).</summary>
    public LiveFanOut(LiveStream stream, Func<Task> write, ILogger logger)
    {
        _stream = stream;
        _logger = logger;
        _commits = new GroupCommit<TEvent[]>(TakeUnsent, _ => write(), Broadcast);
    }

    /// <summary>Appended but not yet written.</summary>
    public bool HasUnsent => _unsent.Count > 0;

    /// <summary>Appends the event for the next sequence number; it is sent once a <see cref="CommitAsync"/> has written it.</summary>
    public TEvent Emit(EventLog<TEvent> log, Func<long, TEvent> numbered, int capacity)
    {
        var added = log.Append(numbered, capacity);
        _unsent.Add(added);
        return added;
    }

    /// <summary>Returns once a write holding everything appended so far has succeeded (group commit).</summary>
    public Task CommitAsync() => _commits.CommitAsync();

    /// <summary>Writes only when something was appended: leases and reads change nothing stored.</summary>
    public Task CommitIfAppendedAsync() => HasUnsent ? CommitAsync() : Task.CompletedTask;

    /// <summary>
    /// After a restart of the grain the relays are still out there but unknown to it: a node that had people here
    /// gets one lease to renew (bringing its observer) before its people count as gone.
    /// </summary>
    public void Expect(string hostId, DateTimeOffset now) => _hosts.TryAdd(hostId, new HostLease(null, now + LiveStreamLimits.HostLease));

    public void Watch(string hostId, ILiveStreamObserver observer, DateTimeOffset now) =>
        _hosts[hostId] = new HostLease(observer, now + LiveStreamLimits.HostLease);

    public void Unwatch(string hostId) => _hosts.Remove(hostId);

    public bool Watches(string hostId) => _hosts.ContainsKey(hostId);

    /// <summary>Drops the nodes whose lease ran out (they stopped renewing: crashed); the owner drops their people.</summary>
    public void Prune(DateTimeOffset now)
    {
        foreach (var hostId in _hosts.Where(h => h.Value.ExpiresAt <= now).Select(h => h.Key).ToList())
        {
            _hosts.Remove(hostId);
            LiveStreamLog.HostExpired(_logger, _stream, hostId);
        }
    }

    private TEvent[] TakeUnsent()
    {
        TEvent[] events = [.. _unsent];
        _unsent.Clear();
        return events;
    }

    /// <summary>Hands written events to every node watching. One-way: a dead node costs nothing here; its lease runs out.</summary>
    private void Broadcast(TEvent[] events)
    {
        if (events.Length == 0)
        {
            return;
        }

        var sent = events.Cast<ILiveEvent>().ToArray();
        foreach (var (hostId, lease) in _hosts)
        {
            try
            {
                _ = lease.Observer?.EventsAppended(_stream, sent);
            }
            catch (Exception e)
            {
                LiveStreamLog.NotifyFailed(_logger, _stream, hostId, e);
            }
        }
    }

    private sealed record HostLease(ILiveStreamObserver? Observer, DateTimeOffset ExpiresAt);
}

/// <summary>Log lines of live streams. Ids only.</summary>
internal static partial class LiveStreamLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: could not notify host {HostId}")]
    public static partial void NotifyFailed(ILogger logger, LiveStream stream, string hostId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {Stream}: host {HostId} stopped renewing its lease")]
    public static partial void HostExpired(ILogger logger, LiveStream stream, string hostId);
}
