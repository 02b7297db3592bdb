using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;
using NetworkHub.Silo.Storage;
using Orleans.Serialization;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// One meeting or written procedure of a committee. Every change follows the same order: ask the committee who the
/// caller is, check the state, change it, and write it with its changes in one <see cref="CommitAsync"/>. Effects on
/// the committee (its meeting list, the decision register) are written as pending with the change that causes them,
/// delivered after the write, and retried until they succeed (<c>MeetingGrain.Committee.cs</c>).
/// Non-reentrant: the order of the changes is the order the calls came in.
/// </summary>
internal sealed partial class MeetingGrain(
    [PersistentState("meeting", StorageNames.Default)] IPersistentState<MeetingState> state,
    TimeProvider clock, AuditArchive archive, StorageScrub scrub, DeepCopier<MeetingState> copier, ILogger<MeetingGrain> logger)
    : Grain, IMeetingGrain, IRemindable
{
    private MeetingState? _live;

    /// <summary>
    /// The state the calls change; every write persists a copy taken in the grain's turn, because access changes
    /// interleave (see <see cref="WriteAsync"/>).
    /// </summary>
    private MeetingState State => _live ??= state.State;

    private Guid Id => this.GetPrimaryKey();

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The meeting's lines in the audit archive.</summary>
    private string AuditOwner => $"Meeting/{Id}";

    private ICommitteeGrain Committee => GrainFactory.GetGrain<ICommitteeGrain>(State.CommitteeId);

    private bool Written => State.Type == MeetingType.WrittenProcedure;

    public async Task<MeetingView> ScheduleAsync(Caller caller, Guid committeeId, MeetingPlan plan)
    {
        if (State.Exists)
        {
            return State.CreatedBy == caller.PersonId && State.CommitteeId == committeeId
                ? await GetViewAsync(caller)
                : throw new ConflictException(MeetingErrors.Exists, $"A meeting with id {Id} already exists.");
        }

        // The committee first: one the caller may not see is not-found, whatever the plan says.
        var committee = GrainFactory.GetGrain<ICommitteeGrain>(committeeId);
        var standing = await committee.GetStandingAsync(caller);
        if (caller.IsAnonymous)
        {
            throw new UnauthenticatedException(ErrorCodes.SignInRequired, "Sign in to schedule meetings.");
        }

        var person = caller.PersonId ?? throw new ForbiddenException(ErrorCodes.PersonRequired, "Meetings are scheduled by people.");
        if (!standing.RunsMeetings && standing.Role != SpaceRole.Coordinator)
        {
            throw new ForbiddenException(CommitteeErrors.NotSecretary, "Only the chair, the secretary or a coordinator schedules meetings.");
        }

        var title = MeetingRules.Text(plan.Title, MeetingLimits.TitleMaxLength, "title");
        var timeZone = MeetingRules.TimeZone(plan.TimeZone);
        var place = MeetingRules.Optional(plan.Place, MeetingLimits.PlaceMaxLength, "place");
        var link = MeetingRules.HttpsUrl(plan.OnlineLink, "online link");
        var agenda = MeetingRules.Agenda(plan.Agenda, []);
        await RequireDocumentsAsync(caller, MeetingRules.NewDocuments(agenda, []));
        if (!Enum.IsDefined(plan.Type))
        {
            throw MeetingRules.Invalid("Unknown meeting type.");
        }

        DateTimeOffset? deadline = null;
        if (plan.Type == MeetingType.WrittenProcedure)
        {
            deadline = plan.Deadline ?? throw MeetingRules.Invalid("A written procedure needs its deadline.");
            if (deadline <= Now)
            {
                throw new RejectedException(MeetingErrors.InvalidInput, "The deadline must be in the future.");
            }
        }

        State.CommitteeId = committeeId;
        State.CreatedBy = person;
        State.CreatedAt = Now;
        State.Title = title;
        State.Type = plan.Type;
        State.StartsAt = plan.StartsAt;
        State.TimeZone = timeZone;
        State.Place = place;
        State.OnlineLink = link;
        State.Deadline = deadline;
        State.Agenda = agenda;
        State.Status = MeetingStatus.Scheduled;

        // The committee lists the meeting before it is written: if it refuses, nothing was stored; if the write then
        // fails, the listed id answers not-found until the same schedule is repeated.
        await committee.AdoptMeetingAsync(caller, Summary());
        State.Exists = true;
        Audit(caller, MeetingAuditActions.Scheduled, committeeId);
        if (deadline is { } due)
        {
            await this.RegisterOrUpdateReminder(DeadlineReminder, Max(due - Now, TimeSpan.FromSeconds(1)), DeadlineReminderPeriod);
        }

        await CommitAsync(new MeetingStatusChanged(MeetingStatus.Scheduled));
        MeetingLog.Scheduled(logger, Id, committeeId, person);
        return View(standing, await committee.GetRollAsync());
    }

    public async Task<MeetingSummary> GetSummaryAsync(Caller caller)
    {
        await SeeAsync(caller);
        return Summary();
    }

    public async Task<MeetingView> GetViewAsync(Caller caller)
    {
        var (standing, roll) = await SeeAsync(caller);
        return View(standing, roll);
    }

    public async Task<MeetingView> UpdateAgendaAsync(Caller caller, IReadOnlyList<MeetingAgendaItemDraft> agenda, int? expectedVersion)
    {
        var (standing, roll) = await RunAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        if (expectedVersion is { } expected && expected != State.Version)
        {
            throw new PreconditionFailedException(ErrorCodes.VersionMismatch, "The meeting changed since it was read.");
        }

        var replaced = MeetingRules.Agenda(agenda, State.Agenda);
        await RequireDocumentsAsync(caller, MeetingRules.NewDocuments(replaced, State.Agenda));
        // Motions stay on their item: an item with motions cannot be taken off the agenda.
        if (State.Motions.FirstOrDefault(m => m.AgendaItemId is { } item && !replaced.Exists(i => i.Id == item)) is { } orphan)
        {
            throw new ConflictException(MeetingErrors.MotionNotOpen, $"Agenda item {orphan.AgendaItemId} has motions and stays on the agenda.");
        }

        State.Agenda = replaced;
        Audit(caller, MeetingAuditActions.AgendaChanged);
        await CommitAsync(new MeetingAgendaChanged([.. replaced]));
        return View(standing, roll);
    }

    public async Task<MeetingView> StartAsync(Caller caller)
    {
        var (standing, roll) = await RunAsync(caller);
        RequireStatus(MeetingStatus.Scheduled);
        await ChangeStatusAsync(caller, MeetingStatus.InProgress, MeetingAuditActions.Started);
        return View(standing, roll);
    }

    public async Task<MeetingView> CloseAsync(Caller caller)
    {
        var (standing, roll) = await RunAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        // Counted and written with the close, so a closed meeting never holds an open vote.
        var changes = State.Votes.Where(v => v.Status == VoteStatus.Open).ToList().SelectMany(v => CloseVote(caller, v, roll)).ToList();
        await ChangeStatusAsync(caller, MeetingStatus.Closed, MeetingAuditActions.Closed, [.. changes]);
        return View(standing, roll);
    }

    public async Task<MeetingView> CancelAsync(Caller caller)
    {
        var (standing, roll) = await RunAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        if (State.Votes.Count > 0)
        {
            throw new ConflictException(MeetingErrors.WrongStatus, "A meeting that has voted is closed, not cancelled.");
        }

        await ChangeStatusAsync(caller, MeetingStatus.Cancelled, MeetingAuditActions.Cancelled);
        return View(standing, roll);
    }

    public async Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit)
    {
        await RunAsync(caller);
        return await archive.PageAsync(AuditOwner, State.Audit, after, limit);
    }

    private async Task ChangeStatusAsync(Caller caller, MeetingStatus status, string action, params MeetingChange[] before)
    {
        State.Status = status;
        State.ListingPending = true;
        Audit(caller, action);
        await CommitAsync([.. before, new MeetingStatusChanged(status)]);
        MeetingLog.StatusChanged(logger, Id, status);
        await DeliverAsync();
    }

    /// <summary>A paper may name only documents its author may see: any other answers as if it did not exist.</summary>
    private async Task RequireDocumentsAsync(Caller caller, IEnumerable<Guid> documents)
    {
        foreach (var document in documents)
        {
            await GrainFactory.GetGrain<IDocumentGrain>(document).GetAccessAsync(caller);
        }
    }

    private void RequireStatus(params MeetingStatus[] allowed)
    {
        if (!allowed.Contains(State.Status))
        {
            throw new ConflictException(MeetingErrors.WrongStatus, $"The meeting is {State.Status}.");
        }
    }

    private MeetingSummary Summary() => new(State.CommitteeId, Id, State.Title, State.Type, State.Status, State.StartsAt, State.Deadline, State.TimeZone);

    private MeetingView View(CommitteeStanding standing, CommitteeRoll roll)
    {
        var casting = State.Exists && State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress
            ? VotingRights.SeatsFor(standing, roll, State.Attendance, ProxyMap(), Written).Select(s => new VotedSeat(s.SeatId, s.ByProxy)).ToList()
            : [];
        return new MeetingView(
            Id, State.CommitteeId, State.Title, State.Type, State.Status, State.StartsAt, State.TimeZone, State.Place,
            State.OnlineLink, State.Deadline, [.. State.Agenda],
            [.. State.Attendance.OrderBy(a => a.Key).Select(a => new SeatAttendance(a.Key, a.Value))],
            Quorum(roll), [.. State.Proxies], [.. State.Motions.Select(MotionView)], [.. State.Votes.Select(VoteView)],
            State.Version, State.Log.Sequence,
            new MeetingStanding(standing.RunsMeetings, standing.Secretary, [.. standing.Seats.Where(s => s.AsRepresentative).Select(s => s.SeatId)], casting));
    }

    /// <summary>
    /// Writes the state with <paramref name="changes"/>, the one way every change is stored: they are appended to the
    /// meeting's event log, written with the state, and only then sent to the relays of everyone watching (see
    /// <c>MeetingGrain.Live.cs</c>). Nothing a change announces is told to anyone before the write holding it has succeeded.
    /// </summary>
    private async Task CommitAsync(params MeetingChange[] changes)
    {
        RequireTotalsOnly(changes);
        State.Version++;
        foreach (var change in changes)
        {
            Emit(change);
        }

        await FanOut.CommitAsync();
        MeetingLog.Committed(logger, Id, changes.Length);
        if (changes.OfType<VoteClosed>().Any(c => Vote(c.VoteId).Ballot == BallotKind.Secret))
        {
            ForgetBallotHistory();
        }
    }

    /// <summary>
    /// Every cast of a secret ballot rewrote its totals beside its list of seats that voted: the copies of the state
    /// the database still holds from before would tell, one after the other, what each seat chose. Once the ballot is
    /// closed they go. Off the grain's turn: the close does not wait for the database to finish.
    /// </summary>
    private void ForgetBallotHistory() => _ = Task.Run(async () =>
    {
        try
        {
            if (!await scrub.ForgetReplacedContentAsync())
            {
                MeetingLog.ScrubDeferred(logger, Id, null);
            }
        }
        catch (Exception e)
        {
            MeetingLog.ScrubDeferred(logger, Id, e);
        }
    });

    /// <summary>
    /// The group commit's write. The provider gets a copy taken now, in this turn: it serialises only after opening its
    /// connection, possibly on a pool thread while an interleaved access change appends to the log.
    /// </summary>
    private async Task WriteAsync()
    {
        try
        {
            // Audit lines leaving the window are archived before the write that drops them: never in neither place.
            await archive.MoveOverflowAsync(AuditOwner, State.Audit);
            state.State = copier.Copy(State);
            await state.WriteStateAsync();
        }
        catch
        {
            // The activation now holds changes the database does not; start again from what was stored. The events
            // of this write are never sent.
            DeactivateOnIdle();
            throw;
        }
    }

    private void Audit(Caller caller, string action, Guid? subject = null, string? detail = null) =>
        AuditLog.Append(State.Audit, Now, caller, action, subject, detail);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
