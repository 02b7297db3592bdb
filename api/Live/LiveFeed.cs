using System.Diagnostics;
using System.Threading.Channels;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Live;

/// <summary>What the relay needs of a feed without knowing its stream's types.</summary>
internal interface ILiveFeed
{
    LiveStream Stream { get; }

    void Deliver(IReadOnlyList<ILiveEvent> events);

    void Renew();

    Task LeaveAsync(string connectionId);

    Task StopAsync();
}

/// <summary>
/// One stream's events (a live session's, a meeting's) on one API node. Everything it does (deliver events, let a connection join or leave, renew
/// the lease) runs one step at a time from a queue, so the node's group receives events in sequence order, a joining
/// connection gets exactly the events between what it had and what the group gets next, and nothing interleaves.
/// Events that arrive out of order wait for the gap to fill; a gap that does not fill within <see cref="GapWait"/> is fetched from the grain.
/// Events that arrive within <see cref="LiveBatches.Pace"/> of the group's last message, or while earlier ones are being sent, are
/// sent together as one message (<see cref="LiveBatches"/>): under load a group gets at most a few larger messages a
/// second rather than a queue that grows behind one message per event, while an event after a quiet spell leaves at once.
/// </summary>
internal sealed class LiveFeed<TEvent, TSnapshot, TCatchUp> : ILiveFeed
    where TEvent : ILiveEvent
    where TSnapshot : class
    where TCatchUp : ILiveCatchUp<TEvent, TSnapshot>
{
    /// <summary>Events kept to catch joining connections up without asking the grain.</summary>
    private const int RecentCapacity = 1_024;

    /// <summary>
    /// Group sends allowed in flight. SignalR issues a group send's writes to every connection before the send's task
    /// returns, and each connection writes in the order writes were issued, so overlapping sends keeps the order while
    /// the next event does not wait for the slowest socket to flush the previous one.
    /// </summary>
    private const int MaxSending = 64;

    /// <summary>
    /// How long events ahead of a gap wait for it to fill before the missing ones are fetched. The grain's one-way
    /// messages may overtake each other under load; fetching at once would turn each overtaking into a fetch, and one
    /// this node is far behind on into a snapshot sent to everyone here.
    /// </summary>
    private static readonly TimeSpan GapWait = TimeSpan.FromMilliseconds(250);

    private readonly LiveRelay _relay;
    private readonly LiveStreamType<TEvent, TSnapshot, TCatchUp> _type;
    private readonly ILiveStreamGrain<TEvent, TSnapshot, TCatchUp> _grain;
    private readonly string _group;
    private readonly Channel<Func<Task>> _steps = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Guid> _connections = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, TEvent> _early = [];
    private readonly LinkedList<TEvent> _recent = new();
    private readonly Queue<Task> _sending = new();
    private readonly object _arrivedGate = new();
    private List<TEvent> _arrived = [];
    private readonly Task _running;
    private long _delivered = -1;
    private long _lastGroupSend;
    private bool _retired;
    private bool _gapCheckPending;

    public LiveFeed(LiveStream stream, LiveStreamType<TEvent, TSnapshot, TCatchUp> type, LiveRelay relay)
    {
        Stream = stream;
        _relay = relay;
        _type = type;
        _grain = type.Grain(relay.Grains, stream.Id);
        _group = LiveRelay.Group(stream);
        _running = RunAsync();
    }

    public LiveStream Stream { get; }

    /// <summary>
    /// Queues the grain's events; one step delivers whatever arrived by the time it runs, so deliveries that arrive while
    /// the feed is busy are sent together.
    /// </summary>
    public void Deliver(IReadOnlyList<ILiveEvent> events)
    {
        bool first;
        lock (_arrivedGate)
        {
            first = _arrived.Count == 0;
            _arrived.AddRange(events.OfType<TEvent>());
        }

        if (!first)
        {
            return;
        }

        // Later arrivals join _arrived until the step runs, so holding the step back is what batches them.
        var wait = LiveBatches.Pace - Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastGroupSend));
        if (wait > TimeSpan.Zero)
        {
            _ = Task.Delay(wait).ContinueWith(_ => Post(DeliverArrivedAsync), TaskScheduler.Default);
        }
        else
        {
            Post(DeliverArrivedAsync);
        }
    }

    private Task DeliverArrivedAsync()
    {
        List<TEvent> arrived;
        lock (_arrivedGate)
        {
            (arrived, _arrived) = (_arrived, []);
        }

        return DeliverAsync(arrived, fetchGaps: true);
    }

    public void Renew() => Post(async () =>
    {
        if (!_retired && _delivered >= 0)
        {
            var sequence = await _grain.WatchAsync(_relay.HostId, _relay.Reference, [.. _connections.Values.Distinct()]);
            await CatchUpToAsync(sequence);
        }
    });

    /// <summary>
    /// The grain's answer to the join and the sequence number the connection is at once in the group; null when this
    /// feed has retired and the caller should use a new one.
    /// </summary>
    public Task<LiveJoin<TCatchUp>?> JoinAsync(string connectionId, Caller caller, long? after, Func<bool> admitted) => Run<LiveJoin<TCatchUp>?>(async () =>
    {
        if (_retired)
        {
            return null;
        }

        TCatchUp catchUp;
        try
        {
            if (_delivered < 0)
            {
                _delivered = await _grain.WatchAsync(_relay.HostId, _relay.Reference, []);
            }

            catchUp = await _grain.JoinAsync(caller, _relay.HostId, after);
        }
        catch
        {
            // Also when there is no such stream at all (the watch fails): an idle feed does not stay behind.
            await RetireIfIdleAsync();
            throw;
        }

        // First bring this node's group up to the join, so the newcomer can be added at a known point.
        if (catchUp.Events is { } events)
        {
            await DeliverAsync(events, fetchGaps: false);
        }

        await CatchUpToAsync(catchUp.Sequence);

        var client = _relay.Hub.Clients.Client(connectionId);
        if (catchUp.Snapshot is { } snapshot)
        {
            await _type.SendSnapshot(client, snapshot);
        }
        else
        {
            await SendAsync(client, catchUp.Events!);
        }

        var person = caller.PersonId!.Value;
        if (!await SendRangeAsync(client, catchUp.Sequence, _delivered, person))
        {
            // They lost access between their join and now: the event that says so was the last they got.
            await RetireIfIdleAsync();
            throw _type.NotFound(Stream.Id);
        }

        await _relay.Hub.Groups.AddToGroupAsync(connectionId, _group);
        if (!admitted())
        {
            // The connection's credential ended while it joined; whoever ended it may not have seen this group yet.
            await _relay.Hub.Groups.RemoveFromGroupAsync(connectionId, _group);
            if (!_connections.ContainsValue(person))
            {
                await _grain.LeaveAsync(person, _relay.HostId);
            }

            await RetireIfIdleAsync();
            throw new UnauthenticatedException(LiveSessionErrors.SignedOut, "This sign-in has ended.");
        }

        _connections[connectionId] = person;
        return new LiveJoin<TCatchUp>(catchUp, _delivered);
    });

    public Task LeaveAsync(string connectionId) => Run(async () =>
    {
        if (!_connections.Remove(connectionId, out var person))
        {
            return true;
        }

        await _relay.Hub.Groups.RemoveFromGroupAsync(connectionId, _group);
        if (!_connections.ContainsValue(person))
        {
            await _grain.LeaveAsync(person, _relay.HostId);
        }

        await RetireIfIdleAsync();
        return true;
    });

    public async Task StopAsync()
    {
        _steps.Writer.TryComplete();
        await _running;
    }

    private void Post(Func<Task> step) => _steps.Writer.TryWrite(step);

    private Task<T> Run<T>(Func<Task<T>> step)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = _steps.Writer.TryWrite(async () =>
        {
            try
            {
                done.TrySetResult(await step());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        if (!posted)
        {
            done.TrySetResult(default!);
        }

        return done.Task;
    }

    private async Task RunAsync()
    {
        await Task.Yield();
        await foreach (var step in _steps.Reader.ReadAllAsync())
        {
            try
            {
                await step();
            }
            catch (Exception e)
            {
                LiveRelay.LogFeedFailed(_relay.Logger, Stream, e);
            }
        }
    }

    /// <summary>Sends the events that continue the sequence to the group, holding back any that arrive ahead of a gap.</summary>
    private async Task DeliverAsync(IReadOnlyList<TEvent> events, bool fetchGaps)
    {
        if (_retired || _delivered < 0)
        {
            return;
        }

        foreach (var e in events)
        {
            if (e.Sequence > _delivered)
            {
                _early[e.Sequence] = e;
            }
        }

        var ready = new List<TEvent>();
        while (_early.Remove(_delivered + 1 + ready.Count, out var next))
        {
            ready.Add(next);
        }

        foreach (var batch in LiveBatches.Split(ready))
        {
            await SendToGroupAsync(batch);
            foreach (var e in batch)
            {
                Remember(e);
            }

            _delivered = batch[^1].Sequence;
            if (batch[^1].EndsAccessOf() is { } person)
            {
                await DropPersonAsync(person);
            }
        }

        if (fetchGaps && _early.Count > 0 && !_gapCheckPending)
        {
            _gapCheckPending = true;
            _ = Task.Delay(GapWait).ContinueWith(_ => Post(async () =>
            {
                _gapCheckPending = false;
                if (!_retired && _early.Count > 0)
                {
                    await CatchUpToAsync(_early.Keys.Max());
                }
            }), TaskScheduler.Default);
        }
    }

    private async Task SendToGroupAsync(IReadOnlyList<TEvent> batch)
    {
        var group = _relay.Hub.Clients.Group(_group);
        Interlocked.Exchange(ref _lastGroupSend, Stopwatch.GetTimestamp());
        _sending.Enqueue(batch.Count == 1 ? _type.SendEvent(group, batch[0]) : _type.SendEvents(group, batch));
        while (_sending.Count > MaxSending || (_sending.Count > 0 && _sending.Peek().IsCompleted))
        {
            try
            {
                await _sending.Dequeue();
            }
            catch (Exception failed)
            {
                LiveRelay.LogFeedFailed(_relay.Logger, Stream, failed);
            }
        }
    }

    /// <summary>Fetches from the grain whatever this node has not delivered up to <paramref name="sequence"/>.</summary>
    private async Task CatchUpToAsync(long sequence)
    {
        if (_delivered >= sequence)
        {
            return;
        }

        LiveRelay.LogCaughtUp(_relay.Logger, Stream, sequence - _delivered);
        var catchUp = await _grain.GetEventsAsync(_delivered);
        if (catchUp.Events is { } events)
        {
            await DeliverAsync(events, fetchGaps: false);
            return;
        }

        // This node fell further behind than the grain keeps: everyone here starts again from a snapshot. The events
        // skipped may have taken someone's access away, so only people still present get it.
        var snapshot = catchUp.Snapshot!;
        foreach (var gone in _connections.Values.Distinct().Where(p => !catchUp.Admits(p)).ToList())
        {
            await DropPersonAsync(gone);
        }

        await _type.SendSnapshot(_relay.Hub.Clients.Group(_group), snapshot);
        _delivered = catchUp.Sequence;
        _recent.Clear();
        foreach (var stale in _early.Keys.Where(k => k <= _delivered).ToList())
        {
            _early.Remove(stale);
        }

        await DeliverAsync([], fetchGaps: false);
    }

    /// <summary>
    /// Sends one connection the events after <paramref name="after"/> up to <paramref name="upTo"/>; stops, returning
    /// false, after an event that took <paramref name="person"/>'s access away.
    /// </summary>
    private async Task<bool> SendRangeAsync(ILiveSessionClient client, long after, long upTo, Guid person)
    {
        if (after >= upTo)
        {
            return true;
        }

        IEnumerable<TEvent> range = _recent;
        if (_recent.First is not { } first || first.Value.Sequence > after + 1)
        {
            var catchUp = await _grain.GetEventsAsync(after);
            if (catchUp.Snapshot is { } snapshot)
            {
                await _type.SendSnapshot(client, snapshot);
                after = catchUp.Sequence;
            }
            else
            {
                range = catchUp.Events!;
            }
        }

        foreach (var batch in LiveBatches.Split([.. range.Where(e => e.Sequence > after && e.Sequence <= upTo)]))
        {
            await SendAsync(client, batch);
            if (batch[^1].EndsAccessOf() == person)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Events to one connection: one message for one event, else batches as the group gets them.</summary>
    private async Task SendAsync(ILiveSessionClient client, IReadOnlyList<TEvent> events)
    {
        foreach (var batch in LiveBatches.Split(events))
        {
            await (batch.Count == 1 ? _type.SendEvent(client, batch[0]) : _type.SendEvents(client, batch));
        }
    }

    private void Remember(TEvent e)
    {
        _recent.AddLast(e);
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveFirst();
        }
    }

    /// <summary>A removed person's connections here leave the group (they have just received the removal), before any later event.</summary>
    private async Task DropPersonAsync(Guid personId)
    {
        foreach (var connectionId in _connections.Where(c => c.Value == personId).Select(c => c.Key).ToList())
        {
            _connections.Remove(connectionId);
            await _relay.Hub.Groups.RemoveFromGroupAsync(connectionId, _group);
        }

        await RetireIfIdleAsync();
    }

    private async Task RetireIfIdleAsync()
    {
        if (_connections.Count > 0 || _retired)
        {
            return;
        }

        _retired = true;
        _relay.Retired(this);
        _steps.Writer.TryComplete();
        if (_delivered >= 0)
        {
            await _grain.UnwatchAsync(_relay.HostId);
        }
    }
}
