using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Live;
using NetworkHub.Silo.Spaces;
using Orleans.Serialization;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// One live session. Every change follows the same order: check the caller with the forum, check the state, change
/// it and append its events to the log, write, and only then hand the events to the API nodes' relays (one one-way
/// call per node, never one per participant). Non-reentrant: the sequence numbers are the order the changes happened.
/// The grain is split by concern: presence and fan-out, facilitation, and the formats of agenda items.
/// </summary>
internal sealed partial class LiveSessionGrain(
    [PersistentState("live-session", StorageNames.Default)] IPersistentState<LiveSessionState> state,
    TimeProvider clock, AuditArchive archive, DeepCopier<LiveSessionState> copier, ILogger<LiveSessionGrain> logger)
    : Grain, ILiveSessionGrain
{
    private LiveFanOut<LiveSessionEvent>? _fanOut;
    private LiveSessionState? _live;

    /// <summary>
    /// The state the calls change. It is not the object handed to the storage provider: every write persists a copy
    /// taken in the grain's turn (<see cref="WriteSnapshotAsync"/>), because interleaved calls change this one while
    /// a write is awaited.
    /// </summary>
    private LiveSessionState State => _live ??= state.State;

    /// <summary>The unsent events, their group commit, and the nodes watching: the machinery meetings share.</summary>
    private LiveFanOut<LiveSessionEvent> FanOut => _fanOut ??= new(new LiveStream(LiveStreamKind.Session, Id), WriteAsync, logger);

    private Guid Id => this.GetPrimaryKey();

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The session's lines in the audit archive.</summary>
    private string AuditOwner => $"LiveSession/{Id}";

    public async Task<LiveSessionDetails> ScheduleAsync(Caller caller, ScheduleLiveSessionCommand command)
    {
        if (State.Exists)
        {
            return State.CreatedBy == RequirePerson(caller) && State.ForumId == command.ForumId
                ? await GetAsync(caller)
                : throw new ConflictException(LiveSessionErrors.Exists, $"A session with id {Id} already exists.");
        }

        // The forum first: one the caller may not see is not-found for anonymous callers and API keys as well.
        var access = await GrainFactory.GetGrain<IForumGrain>(command.ForumId).GetAccessAsync(caller);
        var person = RequirePerson(caller);
        if (access.Role != SpaceRole.Coordinator)
        {
            throw new ForbiddenException(LiveSessionErrors.NotFacilitator, "Only coordinators of the forum can schedule its sessions.");
        }

        var title = SessionRules.Text(command.Title, LiveSessionLimits.TitleMaxLength, "title");
        var agenda = SessionRules.Agenda(command.Agenda);
        if (command.EndsAt <= command.StartsAt)
        {
            throw new RejectedException(LiveSessionErrors.InvalidInput, "A session ends after it starts.");
        }

        State.Exists = true;
        State.ForumId = command.ForumId;
        State.Title = title;
        State.Description = command.Description;
        State.StartsAt = command.StartsAt;
        State.EndsAt = command.EndsAt;
        State.TimeZone = command.TimeZone;
        State.Languages = [.. command.Languages];
        State.Agenda = agenda;
        State.CreatedBy = person;
        Audit(caller, LiveSessionAuditActions.Scheduled);
        await WriteSnapshotAsync();
        LiveSessionLog.Scheduled(logger, Id, command.ForumId, person);
        await TrackInForumAsync();
        return Details(LiveSessionRole.Facilitator);
    }

    public async Task<LiveSessionDetails> GetAsync(Caller caller) => Details(await RoleOfAsync(caller));

    public async Task<LiveSessionDetails> UpdateAgendaAsync(Caller caller, IReadOnlyList<AgendaItem> agenda)
    {
        await RequireFacilitatorAsync(caller);
        RequireNotClosed();
        var kept = State.Agenda.Take(State.CurrentItem + 1).ToList();
        var replaced = SessionRules.Agenda([.. kept, .. agenda]);
        State.Items.RemoveAll(i => !replaced.Exists(a => a.Id == i.ItemId));
        State.Agenda = replaced;
        Audit(caller, LiveSessionAuditActions.AgendaChanged);
        Emit(new AgendaChanged([.. replaced]));
        await CommitAsync();
        return Details(LiveSessionRole.Facilitator);
    }

    public async Task<LiveSessionView> GetViewAsync(Caller caller) => View(await RoleOfAsync(caller));

    public async Task<LiveSessionRecord> GetRecordAsync(Caller caller)
    {
        var role = await RoleOfAsync(caller);
        if (State.Status != LiveSessionStatus.Closed)
        {
            throw new ConflictException(LiveSessionErrors.NotClosed, "The record is ready when the session has closed.");
        }

        return new LiveSessionRecord(Details(role), Contents(), [.. State.Attendance], await ProposalsAsync(caller));
    }

    public async Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit)
    {
        await RequireFacilitatorAsync(caller);
        return await archive.PageAsync(AuditOwner, State.Audit, after, limit);
    }

    private LiveSessionDetails Details(LiveSessionRole? role) => new(
        Id, State.ForumId, State.Title, State.Description, State.StartsAt, State.EndsAt, State.TimeZone, [.. State.Languages],
        State.Status, [.. State.Agenda], State.CurrentItem, State.ItemEndsAt, [.. State.CoFacilitators], role, State.Log.Sequence);

    private LiveSessionView View(LiveSessionRole? role)
    {
        var present = State.Presence.Select(p => p.Person).DistinctBy(p => p.PersonId).ToList();
        var organisations = present.SelectMany(p => p.Organisations).GroupBy(o => o.Id)
            .Select(g => new OrganisationCount(g.Key, g.First().Name, g.Count()))
            .OrderByDescending(c => c.Present).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        return new LiveSessionView(Details(role), State.Log.Sequence, present, organisations, [.. State.Muted], Contents());
    }

    private List<ItemContent> Contents() => [.. State.Agenda
        .Select(a => (Agenda: a, Record: State.Items.Find(i => i.ItemId == a.Id)))
        .Where(x => x.Record is not null)
        .Select(x => Content(x.Record!))];

    private static ItemContent Content(ItemRecord item) => new(
        item.ItemId,
        [.. item.Contributions.Select(c => c.ToContribution(item.ItemId))],
        item.Queue?.ToView(),
        item.Poll?.Tally(),
        item.Statements?.Tallies() ?? [],
        item.Statements?.Results,
        [.. item.Rooms.Select(r => r.ToRoom())],
        item.Outcome);

    /// <summary>Appends an event; it is sent by <see cref="CommitAsync"/> once written.</summary>
    private LiveSessionEvent Emit(LiveSessionChange change) =>
        FanOut.Emit(State.Log, sequence => new LiveSessionEvent(sequence, Now, change), LiveSessionLimits.EventLogCapacity);

    /// <summary>
    /// Writes the state, then sends the new events to every relay; returns the last sequence number this caller
    /// emitted. Group commit (<see cref="LiveFanOut{TEvent}"/>): contributions interleave, so those made while a
    /// write runs share the next one. Nothing is acknowledged or sent before the write that holds it has succeeded.
    /// </summary>
    private async Task<long> CommitAsync()
    {
        var mine = State.Log.Sequence;
        await FanOut.CommitAsync();
        return mine;
    }

    private async Task WriteAsync()
    {
        try
        {
            // Audit lines leaving the window are archived before the write that drops them: never in neither place.
            await archive.MoveOverflowAsync(AuditOwner, State.Audit);
            await WriteSnapshotAsync();
        }
        catch
        {
            // The activation now holds changes the database does not; start again from what was stored. The events
            // of this write are never sent: no one was told of them, and the next activation does not have them.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Hands the provider a copy taken now, in this turn. The ADO.NET provider serialises its state only after it has
    /// opened a connection (after its first await, on a pool thread when the open does not complete at once), so
    /// handing it the live state would let it read lists an interleaved call is changing.
    /// </summary>
    private Task WriteSnapshotAsync()
    {
        state.State = copier.Copy(State);
        return state.WriteStateAsync();
    }

    private void Audit(Caller caller, string action, Guid? subject = null, string? detail = null) =>
        AuditLog.Append(State.Audit, Now, caller, action, subject, detail);

    private Task TrackInForumAsync() => GrainFactory.GetGrain<IForumSessionsGrain>(State.ForumId)
        .TrackAsync(new LiveSessionSummary(Id, State.Title, State.StartsAt, State.Status));
}
