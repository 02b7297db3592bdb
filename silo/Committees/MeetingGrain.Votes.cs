using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// Votes on motions and amendments. Who may cast for which seat is <see cref="VotingRights.SeatsFor"/>; the count is
/// <see cref="VoteCount.Count"/> over the totals and the allotments present at the close. A secret ballot adds each
/// vote to its totals and its seat to the list of seats that voted, and keeps nothing that joins the two.
/// </summary>
internal sealed partial class MeetingGrain
{
    public async Task<VoteView> OpenVoteAsync(Caller caller, OpenVoteCommand command)
    {
        var (_, roll) = await RunAsync(caller);
        if (Written ? State.Status is not (MeetingStatus.Scheduled or MeetingStatus.InProgress) : State.Status != MeetingStatus.InProgress)
        {
            throw new ConflictException(MeetingErrors.WrongStatus, Written ? "The written procedure has ended." : "Votes are taken while the meeting sits.");
        }

        if (State.Votes.Count >= MeetingLimits.MaxVotes)
        {
            throw new ConflictException(MeetingErrors.TooMany, $"A meeting takes at most {MeetingLimits.MaxVotes} votes.");
        }

        var method = command.Method ?? roll.Rules.DefaultMethod;
        if (!Enum.IsDefined(method) || !Enum.IsDefined(command.Ballot))
        {
            throw MeetingRules.Invalid("Unknown voting method or ballot.");
        }

        var motion = Motion(command.MotionId);
        // One vote at a time per motion: two amendments adopted at once would each replace the wording the other was drafted on.
        if (State.Votes.Exists(v => v.MotionId == motion.Id && v.Status == VoteStatus.Open))
        {
            throw new ConflictException(MeetingErrors.MotionNotOpen, "A vote on this motion or one of its amendments is open.");
        }

        if (command.AmendmentId is { } amendmentId)
        {
            var amendment = Amendment(motion, amendmentId);
            if (amendment.Status != MotionStatus.Seconded || motion.Status is not (MotionStatus.Proposed or MotionStatus.Seconded))
            {
                throw new ConflictException(MeetingErrors.MotionNotOpen, "Only a seconded amendment to an undecided motion is put to the vote.");
            }

            if (amendment.BasedOnVersion != motion.Wording.CurrentVersion || motion.Wording.IsFull)
            {
                throw new ConflictException(MeetingErrors.AmendmentOutdated, "The amendment was drafted on a wording another amendment has replaced.");
            }

            amendment.Status = MotionStatus.Voting;
        }
        else
        {
            if (motion.Status != MotionStatus.Seconded)
            {
                throw new ConflictException(MeetingErrors.MotionNotOpen, "Only a seconded motion that is not being voted on is put to the vote.");
            }

            if (motion.Amendments.Exists(a => a.Status is MotionStatus.Proposed or MotionStatus.Seconded or MotionStatus.Voting))
            {
                throw new ConflictException(MeetingErrors.AmendmentPending, "The motion's amendments are voted first.");
            }

            motion.Status = MotionStatus.Voting;
        }

        var vote = new VoteRecord
        {
            Id = Guid.CreateVersion7(),
            MotionId = motion.Id,
            AmendmentId = command.AmendmentId,
            Method = method,
            Ballot = command.Ballot,
            Status = VoteStatus.Open,
            OpenedAt = Now,
        };
        State.Votes.Add(vote);
        Audit(caller, MeetingAuditActions.VoteOpened, vote.Id, motion.Id.ToString());
        await CommitAsync(new VoteOpened(vote.Id, motion.Id, vote.AmendmentId, method, vote.Ballot), new MotionChanged(MotionView(motion)));
        return VoteView(vote);
    }

    public async Task<VoteView> CastVoteAsync(Caller caller, Guid voteId, CastVoteCommand command)
    {
        var (standing, roll) = await SeeAsync(caller);

        // No await from here until the commit: this call interleaves with others, so checks and change stay in one turn.
        var vote = Vote(voteId);
        if (vote.Status != VoteStatus.Open)
        {
            throw new ConflictException(CommitteeErrors.VoteClosed, "The vote has closed.");
        }

        var seats = VotingRights.SeatsFor(standing, roll, State.Attendance, ProxyMap(), Written);
        var seat = seats.Any(s => s.SeatId == command.SeatId) ? seats.First(s => s.SeatId == command.SeatId) : throw new ForbiddenException(CommitteeErrors.NoVotingSeat, "You cannot cast this seat's vote now.");
        if (!Enum.IsDefined(command.Choice))
        {
            throw MeetingRules.Invalid("Unknown choice.");
        }

        string? reason = null;
        if (vote.Method == VotingMethod.Consensus && command.Choice == BallotChoice.No)
        {
            reason = MeetingRules.Optional(command.Reason, MeetingLimits.ObjectionReasonMaxLength, "objection's reason")
                ?? throw new RejectedException(MeetingErrors.ObjectionReasonRequired, "Under consensus an objection gives its reason.");
        }

        var cast = seat;
        SeatChoice? choice = null;
        if (vote.Ballot == BallotKind.Secret)
        {
            if (vote.Voted.Exists(v => v.SeatId == cast.SeatId))
            {
                throw new ConflictException(MeetingErrors.SecretVoteFinal, "A secret vote is final: changing it would need to know what this seat chose, which is never kept.");
            }

            vote.Totals = Add(vote.Totals, command.Choice, cast.Allotment);
            // Kept in seat order, and the reasons in text order: an order of arrival shared by the two lists would join them.
            vote.Voted = [.. vote.Voted.Append(new VotedSeat(cast.SeatId, cast.ByProxy)).OrderBy(v => v.SeatId)];
            if (reason is not null)
            {
                vote.Objections = [.. vote.Objections.Append(reason).Order(StringComparer.Ordinal)];
            }
        }
        else
        {
            if (vote.Choices.Find(c => c.SeatId == cast.SeatId) is { } earlier)
            {
                vote.Totals = Add(vote.Totals, earlier.Choice, -earlier.Allotment);
                vote.Choices.Remove(earlier);
            }
            else
            {
                vote.Voted.Add(new VotedSeat(cast.SeatId, cast.ByProxy));
            }

            vote.Totals = Add(vote.Totals, command.Choice, cast.Allotment);
            choice = new SeatChoice(cast.SeatId, command.Choice, cast.Allotment, cast.ByProxy, reason);
            vote.Choices.Add(choice);
        }

        // The line names the seat that voted (who voted is on record for either ballot), never the choice.
        Audit(caller, MeetingAuditActions.VoteCast, vote.Id, cast.SeatId.ToString());
        // The vote is open: as in its tally, a secret ballot's totals wait for the close.
        var totals = vote.Ballot == BallotKind.Open ? vote.Totals : null;
        await CommitAsync(new TallyChanged(vote.Id, new VotedSeat(cast.SeatId, cast.ByProxy), choice, totals, vote.Totals.Responded));
        return VoteView(vote);
    }

    public async Task<VoteView> CloseVoteAsync(Caller caller, Guid voteId)
    {
        var (_, roll) = await RunAsync(caller);
        var vote = Vote(voteId);
        if (vote.Status != VoteStatus.Open)
        {
            throw new ConflictException(CommitteeErrors.VoteClosed, "The vote has closed.");
        }

        await CommitAsync([.. CloseVote(caller, vote, roll)]);
        await DeliverAsync();
        return VoteView(vote);
    }

    /// <summary>
    /// Counts and closes a vote in memory; the caller writes it. An adopted motion is marked as a pending decision in
    /// that same write, so the register hears of it even if this activation dies right after.
    /// </summary>
    private List<MeetingChange> CloseVote(Caller? caller, VoteRecord vote, CommitteeRoll roll)
    {
        var present = Written ? vote.Totals.Responded : VotingRights.PresentAllotments(roll, State.Attendance, ProxyMap());
        var result = VoteCount.Count(vote.Method, roll.Rules.Quorum, roll.VotingAllotments, present, vote.Totals);
        vote.Status = VoteStatus.Closed;
        vote.ClosedAt = Now;
        vote.Result = result;
        var motion = Motion(vote.MotionId);
        if (vote.AmendmentId is { } amendmentId)
        {
            var amendment = Amendment(motion, amendmentId);
            amendment.Status = result.Outcome switch
            {
                VoteOutcome.Adopted => MotionStatus.Adopted,
                VoteOutcome.Rejected => MotionStatus.Rejected,
                _ => MotionStatus.Seconded,
            };
            // Checked when the vote opened, and no other vote on the motion runs beside this one.
            if (result.Outcome == VoteOutcome.Adopted)
            {
                motion.Wording.Amend(amendment.Id, amendment.Mover, amendment.Text, amendment.BasedOnVersion, Now);
            }
        }
        else
        {
            motion.Status = result.Outcome switch
            {
                VoteOutcome.Adopted => MotionStatus.Adopted,
                VoteOutcome.Rejected => MotionStatus.Rejected,
                _ => MotionStatus.Seconded,
            };
            if (result.Outcome == VoteOutcome.Adopted)
            {
                motion.PendingDecision = new DecisionDraft(Id, motion.Id, motion.Title, motion.Text, result, vote.Ballot, Now);
            }
            else if (result.Outcome == VoteOutcome.Rejected && motion.FromProposal is not null)
            {
                // The proposal hears it from the same pending step as a decision, so it is not lost if this activation dies.
                motion.ProposalPending = true;
            }
        }

        if (caller is not null)
        {
            Audit(caller, MeetingAuditActions.VoteClosed, vote.Id, result.Outcome.ToString());
        }
        else
        {
            AuditLog.Append(State.Audit, Now, Caller.Anonymous, MeetingAuditActions.VoteClosed, vote.Id, result.Outcome.ToString());
        }

        MeetingLog.VoteClosed(logger, Id, vote.Id, result.Outcome);
        return [new VoteClosed(vote.Id, result, null), new MotionChanged(MotionView(motion))];
    }

    private VoteRecord Vote(Guid voteId) => State.Votes.Find(v => v.Id == voteId)
        ?? throw new NotFoundException(MeetingErrors.VoteNotFound, $"Vote {voteId} is not at this meeting.");

    private static VoteTotals Add(VoteTotals totals, BallotChoice choice, int allotment) => choice switch
    {
        BallotChoice.Yes => totals with { Yes = totals.Yes + allotment },
        BallotChoice.No => totals with { No = totals.No + allotment },
        _ => totals with { Abstain = totals.Abstain + allotment },
    };

    /// <summary>A secret ballot shows its totals only once closed: totals moving as each seat joins the list would tell its choice.</summary>
    private static VoteTally Tally(VoteRecord vote) => new(
        vote.Ballot == BallotKind.Open || vote.Status == VoteStatus.Closed ? vote.Totals : null,
        vote.Totals.Responded,
        [.. vote.Voted],
        vote.Ballot == BallotKind.Open ? [.. vote.Choices] : []);

    private VoteView VoteView(VoteRecord vote) => new(
        vote.Id, vote.MotionId, vote.AmendmentId, vote.Method, vote.Ballot, vote.Status, vote.OpenedAt, vote.ClosedAt,
        Tally(vote), vote.Result, vote.AmendmentId is null && vote.Result?.Outcome == VoteOutcome.Adopted ? Motion(vote.MotionId).DecisionNumber : null,
        vote.Ballot == BallotKind.Secret && vote.Status == VoteStatus.Closed ? [.. vote.Objections] : []);
}
