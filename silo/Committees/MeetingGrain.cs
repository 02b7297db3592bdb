using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;
using Orleans.Serialization;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// One meeting or written procedure of a committee. Every change follows the same order: ask the committee who the
/// caller is, check the state, change it, and write it with its changes in one <see cref="CommitAsync"/>. Effects on
/// the committee (its meeting list, the decision register) follow the write and are retried until they succeed.
/// Non-reentrant: the order of the changes is the order the calls came in.
/// </summary>
internal sealed partial class MeetingGrain(
    [PersistentState("meeting", StorageNames.Default)] IPersistentState<MeetingState> state,
    TimeProvider clock, AuditArchive archive, DeepCopier<MeetingState> copier, ILogger<MeetingGrain> logger)
    : Grain, IMeetingGrain
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

    public async Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit)
    {
        await RunAsync(caller);
        return await archive.PageAsync(AuditOwner, State.Audit, after, limit);
    }

    private MeetingSummary Summary() => new(State.CommitteeId, Id, State.Title, State.Type, State.Status, State.StartsAt, State.Deadline);

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
    }

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
}
