using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Live;
using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// The document as a live stream, on the machinery sessions and meetings use (<see cref="LiveFanOut{TEvent}"/>). Anyone
/// who may read the document may watch. Who watches through which node is kept in memory only (each relay's lease
/// renewal says it again), and while anyone does, the document is listed in its space's
/// <see cref="IDocumentWatchersGrain"/>, which is how an access change in the space reaches it.
/// </summary>
internal sealed partial class DocumentGrain
{
    private readonly LiveWatchers _watchers = new();
    private LiveFanOut<DocumentEvent>? _fanOut;
    private long _accessChanges;
    private bool _registered;

    private LiveFanOut<DocumentEvent> FanOut => _fanOut ??= new(new LiveStream(LiveStreamKind.Document, Id), WriteAsync, logger);

    private IDocumentWatchersGrain Registry => GrainFactory.GetGrain<IDocumentWatchersGrain>(State.Space.Id);

    public async Task<long> WatchAsync(string hostId, ILiveStreamObserver observer, IReadOnlyList<Guid> present)
    {
        RequireExists();
        FanOut.Watch(hostId, observer, Now);
        PruneHosts();
        _watchers.Renew(hostId, present);
        await SyncRegistryAsync();
        return State.Log.Sequence;
    }

    public async Task UnwatchAsync(string hostId)
    {
        FanOut.Unwatch(hostId);
        _watchers.RemoveHost(hostId);
        await SyncRegistryAsync();
    }

    public async Task<DocumentCatchUp> JoinAsync(Caller caller, string hostId, long? after)
    {
        RequireExists();
        var person = caller.RequirePerson();

        // Listed before the access check: an access change from then on reaches this document and sees the watcher.
        if (!_registered)
        {
            await Registry.WatchedAsync(Id);
            _registered = true;
        }

        while (true)
        {
            // An access change interleaving with the await below may have come after our check and not seen us yet.
            var changes = _accessChanges;
            var access = await AccessAsync(caller);
            if (changes != _accessChanges)
            {
                continue;
            }

            PruneHosts();
            _watchers.Join(hostId, person, caller.SecondFactor);

            var events = after is { } from ? State.Log.Since(from) : null;
            return events is null
                ? new DocumentCatchUp(State.Log.Sequence, null, new DocumentSnapshot(State.Log.Sequence, View(access)), Watching())
                : new DocumentCatchUp(State.Log.Sequence, events, null, []);
        }
    }

    public async Task LeaveAsync(Guid personId, string hostId)
    {
        _watchers.Leave(hostId, personId);
        await SyncRegistryAsync();
    }

    public Task<DocumentCatchUp> GetEventsAsync(long after)
    {
        RequireExists();
        if (State.Log.Since(after) is { } events)
        {
            return Task.FromResult(new DocumentCatchUp(State.Log.Sequence, events, null, []));
        }

        // For a whole node's group: the view of someone who only reads.
        var reader = new DocumentAccess(Id, State.Space, null, false, false, State.Versions.Count);
        return Task.FromResult(new DocumentCatchUp(State.Log.Sequence, null, new DocumentSnapshot(State.Log.Sequence, View(reader)), Watching()));
    }

    /// <summary>
    /// The space narrowed access for <paramref name="personId"/> (or everyone): the watchers are asked about again, and
    /// whoever may no longer read leaves in the document's order with a <see cref="DocumentAccessEnded"/> event. It
    /// changes nothing of the document, so its version stays.
    /// </summary>
    public async Task AccessChangedAsync(Guid? personId)
    {
        _accessChanges++;
        if (!State.Exists)
        {
            return;
        }

        await _watchers.CheckAgainAsync(personId, ReadsAsync, person =>
        {
            Emit(new DocumentAccessEnded(person));
            DocumentLog.AccessLost(logger, Id, person);
        });

        await FanOut.CommitIfAppendedAsync();
        await SyncRegistryAsync();
    }

    private async Task<bool> ReadsAsync(Guid person, bool secondFactor)
    {
        try
        {
            await AccessAsync(Caller.Person(person, secondFactor));
            return true;
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            // Forbidden: the space now requires a second factor these connections did not sign in with.
            return false;
        }
    }

    /// <summary>A deleted document ends every stream.</summary>
    private async Task EndAllWatchersAsync()
    {
        foreach (var person in _watchers.Clear())
        {
            Emit(new DocumentAccessEnded(person));
        }

        await FanOut.CommitIfAppendedAsync();
        await SyncRegistryAsync();
    }

    /// <summary>Joins the space's registry with the first watcher and leaves it after the last.</summary>
    private async Task SyncRegistryAsync()
    {
        var watched = _watchers.Count > 0;
        if (watched == _registered)
        {
            return;
        }

        try
        {
            if (watched)
            {
                await Registry.WatchedAsync(Id);
            }
            else
            {
                await Registry.UnwatchedAsync(Id);
            }

            _registered = watched;
        }
        catch (Exception e)
        {
            // Tried again at the next lease renewal, which comes every 30 seconds while anyone watches.
            DocumentLog.RegistryFailed(logger, Id, e);
        }
    }

    private DocumentEvent Emit(DocumentChange change) =>
        FanOut.Emit(State.Log, sequence => new DocumentEvent(sequence, Now, change), LiveStreamLimits.EventLogCapacity);

    private void PruneHosts()
    {
        FanOut.Prune(Now);
        _watchers.Prune(FanOut.Watches);
    }

    private List<Guid> Watching() => _watchers.People();

}
