using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Live;
using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// The meeting as a live stream, on the machinery sessions use (<see cref="LiveFanOut{TEvent}"/>): every change
/// written by <see cref="CommitAsync"/> is appended to the bounded <see cref="EventLog{TEvent}"/> in the state and
/// sent to the API nodes' relays after its write. Anyone who sees inside the committee may watch. Who watches through
/// which node is kept in memory only: each relay's lease renewal says it again, so a restarted activation learns it
/// within a renewal; it is needed only to check the watchers again when the committee narrows access.
/// </summary>
internal sealed partial class MeetingGrain
{
    private readonly LiveWatchers _watchers = new();
    private LiveFanOut<MeetingEvent>? _fanOut;
    private long _accessChanges;

    private LiveFanOut<MeetingEvent> FanOut => _fanOut ??= new(new LiveStream(LiveStreamKind.Meeting, Id), WriteAsync, logger);

    public Task<long> WatchAsync(string hostId, ILiveStreamObserver observer, IReadOnlyList<Guid> present)
    {
        if (!State.Exists)
        {
            throw NotFound();
        }

        FanOut.Watch(hostId, observer, Now);
        PruneHosts();
        _watchers.Renew(hostId, present);
        return Task.FromResult(State.Log.Sequence);
    }

    public Task UnwatchAsync(string hostId)
    {
        FanOut.Unwatch(hostId);
        _watchers.RemoveHost(hostId);
        return Task.CompletedTask;
    }

    public async Task<MeetingCatchUp> JoinAsync(Caller caller, string hostId, long? after)
    {
        while (true)
        {
            // An access change interleaving with the awaits below may have come after our check and not seen us yet.
            var changes = _accessChanges;
            var (standing, roll) = await SeeAsync(caller);
            var person = caller.RequirePerson();
            if (changes != _accessChanges)
            {
                continue;
            }

            PruneHosts();
            _watchers.Join(hostId, person, caller.SecondFactor);

            var events = after is { } from ? State.Log.Since(from) : null;
            return events is null
                ? new MeetingCatchUp(State.Log.Sequence, null, View(standing, roll), Watching())
                : new MeetingCatchUp(State.Log.Sequence, events, null, []);
        }
    }

    public Task LeaveAsync(Guid personId, string hostId)
    {
        _watchers.Leave(hostId, personId);
        return Task.CompletedTask;
    }

    public async Task<MeetingCatchUp> GetEventsAsync(long after)
    {
        if (!State.Exists)
        {
            throw NotFound();
        }

        if (State.Log.Since(after) is { } events)
        {
            return new MeetingCatchUp(State.Log.Sequence, events, null, []);
        }

        // For a whole node's group: the view as someone who only watches sees it.
        var roll = await Committee.GetRollAsync();
        return new MeetingCatchUp(State.Log.Sequence, null, View(new CommitteeStanding(null, [], false, false), roll), Watching());
    }

    /// <summary>
    /// The committee narrowed access for <paramref name="personId"/> (or everyone): the watchers are asked about again,
    /// and whoever no longer sees inside leaves in the meeting's order with a <see cref="WatcherAccessEnded"/> event.
    /// It changes nothing of the meeting itself, so its version stays.
    /// </summary>
    public async Task AccessChangedAsync(Guid? personId)
    {
        _accessChanges++;
        if (!State.Exists)
        {
            return;
        }

        await _watchers.CheckAgainAsync(personId, SeesInsideAsync, person =>
        {
            Emit(new WatcherAccessEnded(person));
            MeetingLog.AccessLost(logger, Id, person);
        });

        await FanOut.CommitIfAppendedAsync();
    }

    private async Task<bool> SeesInsideAsync(Guid person, bool secondFactor)
    {
        try
        {
            return (await Committee.GetStandingAsync(Caller.Person(person, secondFactor))).Role is not null;
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            // Forbidden: the committee now requires a second factor these connections did not sign in with.
            return false;
        }
    }

    /// <summary>Appends a change to the log; <see cref="CommitAsync"/> writes and sends it.</summary>
    private MeetingEvent Emit(MeetingChange change) =>
        FanOut.Emit(State.Log, sequence => new MeetingEvent(sequence, Now, change), LiveStreamLimits.EventLogCapacity);

    /// <summary>
    /// A secret ballot's changes carry totals only: one that would link a seat to a choice is a bug, refused before
    /// anything is appended or stored (and the activation, which holds the change in memory, is dropped).
    /// </summary>
    private void RequireTotalsOnly(IEnumerable<MeetingChange> changes)
    {
        foreach (var tally in changes.OfType<TallyChanged>())
        {
            if (tally.Choice is not null && State.Votes.Find(v => v.Id == tally.VoteId)?.Ballot != BallotKind.Open)
            {
                DeactivateOnIdle();
                throw new InvalidOperationException($"Vote {tally.VoteId} is not an open ballot: its events carry totals only.");
            }
        }
    }

    private void PruneHosts()
    {
        FanOut.Prune(Now);
        _watchers.Prune(FanOut.Watches);
    }

    private List<Guid> Watching() => _watchers.People();

}
