using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// What the meeting owes its committee: the list entry's status, the number of each adopted motion, and to a motion's
/// proposal (from a live session) that it was moved and how it was decided. All are
/// written as pending with the change that causes them and delivered after it: at once, then by a grain timer every
/// second for ten tries, then by the <see cref="DecisionsReminder"/> reminder each minute, and on activation (as a
/// space's outbox is). Every call may repeat harmlessly: the list entry is set to what it is, the register numbers a
/// motion once, and the proposal is set to what the motion says.
/// </summary>
internal sealed partial class MeetingGrain
{
    private const string DecisionsReminder = "meeting-decisions";
    private const string DeadlineReminder = "meeting-deadline";
    private const int TimerRetries = 10;
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DecisionsReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan DeadlineReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _retryTimer;

    private IProposalsGrain Proposals => GrainFactory.GetGrain<IProposalsGrain>(State.CommitteeId);
    private int _retries;

    private bool Pending => State.ListingPending || State.Motions.Exists(m => m.PendingDecision is not null || m.ProposalPending);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Left pending by an activation that ended (or a silo that died) between a write and its delivery.
        if (State.Exists && Pending)
        {
            await DeliverAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DeadlineReminder)
        {
            await DeadlinePassedAsync();
        }
        else if (reminderName == DecisionsReminder)
        {
            await DeliverAsync();
        }
    }

    /// <summary>The written procedure's deadline: every open vote is counted on its responses, and the procedure ends.</summary>
    private async Task DeadlinePassedAsync()
    {
        if (!State.Exists || State.Deadline is not { } deadline || Now < deadline)
        {
            return;
        }

        if (State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress)
        {
            var roll = await Committee.GetRollAsync();
            var changes = State.Votes.Where(v => v.Status == VoteStatus.Open).ToList().SelectMany(v => CloseVote(null, v, roll)).ToList();
            State.Status = MeetingStatus.Closed;
            State.ListingPending = true;
            AuditLog.Append(State.Audit, Now, Caller.Anonymous, MeetingAuditActions.Closed, null, "deadline");
            await CommitAsync([.. changes, new MeetingStatusChanged(MeetingStatus.Closed)]);
            MeetingLog.StatusChanged(logger, Id, MeetingStatus.Closed);
            await DeliverAsync();
        }

        if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Tells the committee what is pending; what fails stays pending and is retried.</summary>
    private async Task DeliverAsync()
    {
        var failed = false;
        var cleared = false;
        var changes = new List<MeetingChange>();
        if (State.ListingPending)
        {
            try
            {
                await Committee.MeetingChangedAsync(Summary());
                State.ListingPending = false;
                cleared = true;
            }
            catch (Exception e)
            {
                failed = true;
                MeetingLog.CommitteeCallFailed(logger, Id, e);
            }
        }

        foreach (var motion in State.Motions.Where(m => m.PendingDecision is not null).ToList())
        {
            try
            {
                var decision = await Committee.RecordDecisionAsync(motion.PendingDecision!);
                if (motion.ApprovesMinutesOf is { } minutesOf)
                {
                    // Before the number is kept: a failure here retries both, and both calls are idempotent.
                    await GrainFactory.GetGrain<IMinutesGrain>(minutesOf).ApproveAsync(new MinutesApproval(decision.Number, Id, decision.DecidedAt));
                }

                if (motion.FromProposal is { } proposal)
                {
                    // Likewise before the number is kept, so the proposal and the session's record show it.
                    await Proposals.ProgressAsync(proposal, new ProposalProgress(Id, motion.Id, decision.Number));
                    motion.ProposalPending = false;
                }

                motion.DecisionNumber = decision.Number;
                motion.PendingDecision = null;
                AuditLog.Append(State.Audit, Now, Caller.Anonymous, MeetingAuditActions.DecisionRecorded, motion.Id, decision.Number);
                changes.Add(new MotionChanged(MotionView(motion)));
                MeetingLog.DecisionRecorded(logger, Id, motion.Id, decision.Number);
            }
            catch (Exception e)
            {
                failed = true;
                MeetingLog.CommitteeCallFailed(logger, Id, e);
            }
        }

        foreach (var motion in State.Motions.Where(m => m.ProposalPending && m.PendingDecision is null).ToList())
        {
            try
            {
                await Proposals.ProgressAsync(motion.FromProposal!.Value, new ProposalProgress(Id, motion.Id, motion.DecisionNumber, motion.Status == MotionStatus.Rejected));
                motion.ProposalPending = false;
                cleared = true;
            }
            catch (Exception e)
            {
                failed = true;
                MeetingLog.CommitteeCallFailed(logger, Id, e);
            }
        }

        if (cleared || changes.Count > 0)
        {
            // The numbers are written before anyone is told of them; a failed write leaves them pending in the database.
            try
            {
                await CommitAsync([.. changes]);
            }
            catch (Exception e)
            {
                failed = true;
                MeetingLog.CommitteeCallFailed(logger, Id, e);
            }
        }

        if (failed)
        {
            await RetryLaterAsync();
        }
        else if (await this.GetReminder(DecisionsReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task RetryLaterAsync()
    {
        // The reminder first, so a pending effect outlives this activation even when the timer never fires again.
        await this.RegisterOrUpdateReminder(DecisionsReminder, DecisionsReminderPeriod, DecisionsReminderPeriod);
        if (_retryTimer is null)
        {
            _retries = 0;
            _retryTimer = this.RegisterGrainTimer(RetryAsync, RetryPeriod, RetryPeriod);
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        if (Pending)
        {
            await DeliverAsync();
        }

        if (!Pending || ++_retries >= TimerRetries)
        {
            // Beyond a few quick retries the reminder takes over.
            _retryTimer?.Dispose();
            _retryTimer = null;
        }
    }
}
