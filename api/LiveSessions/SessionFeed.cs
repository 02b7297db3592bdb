using System.Threading.Channels;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// One session's events on one API node. Everything it does (deliver events, let a connection join or leave, renew
/// the lease) runs one step at a time from a queue, so the node's group receives events in sequence order, a joining
/// connection gets exactly the events between what it had and what the group gets next, and nothing interleaves.
/// Events that arrive out of order wait for the gap to fill; a gap that does not fill is fetched from the grain.
/// </summary>
internal sealed class SessionFeed
{
    /// <summary>Events kept to catch joining connections up without asking the grain.</summary>
    private const int RecentCapacity = 1_024;

    /// <summary>
    /// Group sends allowed in flight. SignalR issues a group send's writes to every connection before the send's task
    /// returns, and each connection writes in the order writes were issued, so overlapping sends keeps the order while
    /// the next event does not wait for the slowest socket to flush the previous one.
    /// </summary>
    private const int MaxSending = 64;

    private readonly LiveSessionRelay _relay;
    private readonly ILiveSessionGrain _grain;
    private readonly string _group;
    private readonly Channel<Func<Task>> _steps = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Guid> _connections = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, LiveSessionEvent> _early = [];
    private readonly LinkedList<LiveSessionEvent> _recent = new();
    private readonly Queue<Task> _sending = new();
    private readonly Task _running;
    private long _delivered = -1;
    private bool _retired;

    public SessionFeed(Guid sessionId, LiveSessionRelay relay)
    {
        SessionId = sessionId;
        _relay = relay;
        _grain = relay.Grains.GetGrain<ILiveSessionGrain>(sessionId);
        _group = LiveSessionRelay.Group(sessionId);
        _running = RunAsync();
    }

    public Guid SessionId { get; }

    public void Deliver(IReadOnlyList<LiveSessionEvent> events) => Post(() => DeliverAsync(events, fetchGaps: true));

    public void Renew() => Post(async () =>
    {
        if (!_retired && _delivered >= 0)
        {
            var sequence = await _grain.WatchAsync(_relay.HostId, _relay.Reference, [.. _connections.Values.Distinct()]);
            await CatchUpToAsync(sequence);
        }
    });

    /// <summary>Null when this feed has retired and the caller should use a new one.</summary>
    public Task<LiveSessionJoined?> JoinAsync(string connectionId, Caller caller, long? after, Func<bool> admitted) => Run<LiveSessionJoined?>(async () =>
    {
        if (_retired)
        {
            return null;
        }

        if (_delivered < 0)
        {
            _delivered = await _grain.WatchAsync(_relay.HostId, _relay.Reference, []);
        }

        LiveSessionCatchUp catchUp;
        try
        {
            catchUp = await _grain.JoinAsync(caller, _relay.HostId, after);
        }
        catch
        {
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
            await client.Snapshot(snapshot);
        }
        else
        {
            foreach (var missed in catchUp.Events!)
            {
                await client.Event(missed);
            }
        }

        var person = caller.PersonId!.Value;
        if (!await SendRangeAsync(client, catchUp.Sequence, _delivered, person))
        {
            // They lost access between their join and now: the event that says so was the last they got.
            await RetireIfIdleAsync();
            throw new NotFoundException(LiveSessionErrors.NotFound, $"No live session with id {SessionId}.");
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
        return new LiveSessionJoined(SessionId, catchUp.Role!.Value, _delivered);
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
                LiveSessionRelay.LogFeedFailed(_relay.Logger, SessionId, e);
            }
        }
    }

    /// <summary>Sends the events that continue the sequence to the group, holding back any that arrive ahead of a gap.</summary>
    private async Task DeliverAsync(IReadOnlyList<LiveSessionEvent> events, bool fetchGaps)
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

        while (_early.Remove(_delivered + 1, out var next))
        {
            await SendToGroupAsync(next);
            _delivered = next.Sequence;
            Remember(next);
            if (LostAccess(next.Change) is { } person)
            {
                await DropPersonAsync(person);
            }
        }

        if (fetchGaps && _early.Count > 0)
        {
            await CatchUpToAsync(_early.Keys.Max());
        }
    }

    private async Task SendToGroupAsync(LiveSessionEvent e)
    {
        _sending.Enqueue(_relay.Hub.Clients.Group(_group).Event(e));
        while (_sending.Count > MaxSending || (_sending.Count > 0 && _sending.Peek().IsCompleted))
        {
            try
            {
                await _sending.Dequeue();
            }
            catch (Exception failed)
            {
                LiveSessionRelay.LogFeedFailed(_relay.Logger, SessionId, failed);
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

        LiveSessionRelay.LogCaughtUp(_relay.Logger, SessionId, sequence - _delivered);
        var catchUp = await _grain.GetEventsAsync(_delivered);
        if (catchUp.Events is { } events)
        {
            await DeliverAsync(events, fetchGaps: false);
            return;
        }

        // This node fell further behind than the grain keeps: everyone here starts again from a snapshot. The events
        // skipped may have taken someone's access away, so only people still present get it.
        var snapshot = catchUp.Snapshot!;
        foreach (var gone in _connections.Values.Distinct().Where(p => !snapshot.Present.Any(x => x.PersonId == p)).ToList())
        {
            await DropPersonAsync(gone);
        }

        await _relay.Hub.Clients.Group(_group).Snapshot(snapshot);
        _delivered = snapshot.Sequence;
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

        IEnumerable<LiveSessionEvent> range = _recent;
        if (_recent.First is not { } first || first.Value.Sequence > after + 1)
        {
            var catchUp = await _grain.GetEventsAsync(after);
            if (catchUp.Snapshot is { } snapshot)
            {
                await client.Snapshot(snapshot);
                after = snapshot.Sequence;
            }
            else
            {
                range = catchUp.Events!;
            }
        }

        foreach (var e in range.Where(e => e.Sequence > after && e.Sequence <= upTo))
        {
            await client.Event(e);
            if (LostAccess(e.Change) == person)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The person an event takes out of the session: removed by a facilitator, or shut out by the forum.</summary>
    private static Guid? LostAccess(LiveSessionChange change) => change switch
    {
        ParticipantRemoved removed => removed.PersonId,
        ParticipantAccessChanged { Role: null } lost => lost.PersonId,
        _ => null,
    };

    private void Remember(LiveSessionEvent e)
    {
        _recent.AddLast(e);
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveFirst();
        }
    }

    /// <summary>A removed participant's connections here leave the group (they have just received the removal), before any later event.</summary>
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
