using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// Motions and their amendments. A seat's representative moves or seconds for their own seat; the chair or secretary
/// records it for any seats. An adopted amendment replaces the motion's text, and every version is kept.
/// </summary>
internal sealed partial class MeetingGrain
{
    public async Task<MotionView> ProposeMotionAsync(Caller caller, MotionDraft draft)
    {
        var (standing, roll) = await SeeAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        if (State.Motions.Count >= MeetingLimits.MaxMotions)
        {
            throw new ConflictException(MeetingErrors.TooMany, $"A meeting takes at most {MeetingLimits.MaxMotions} motions.");
        }

        var title = MeetingRules.Text(draft.Title, MeetingLimits.TitleMaxLength, "motion's title");
        var text = MeetingRules.Text(draft.Text, MeetingLimits.MotionTextMaxLength, "motion's text");
        if (draft.AgendaItemId is { } item)
        {
            if (!State.Agenda.Exists(i => i.Id == item))
            {
                throw new NotFoundException(MeetingErrors.AgendaItemNotFound, $"Agenda item {item} is not on this agenda.");
            }
        }
        else if (!Written)
        {
            throw MeetingRules.Invalid("At a sitting a motion belongs to an agenda item.");
        }

        RequireMoverAndSeconder(standing, roll, draft.MoverSeatId, draft.SeconderSeatId);
        if (draft.ApprovesMinutesOf is { } minutesOf)
        {
            await RequireMinutesToApproveAsync(caller, minutesOf);
        }

        var origin = draft.FromProposal is { } proposalId ? await RequireDraftProposalAsync(caller, proposalId) : null;
        var motion = new MotionRecord
        {
            ApprovesMinutesOf = draft.ApprovesMinutesOf,
            FromProposal = draft.FromProposal,
            Origin = origin,
            ProposalPending = draft.FromProposal is not null,
            Id = Guid.CreateVersion7(),
            AgendaItemId = draft.AgendaItemId,
            Title = title,
            Wording = MotionText.Start(text, draft.MoverSeatId, Now),
            Mover = draft.MoverSeatId,
            Seconder = draft.SeconderSeatId,
            Status = draft.SeconderSeatId is null ? MotionStatus.Proposed : MotionStatus.Seconded,
            ProposedAt = Now,
        };
        State.Motions.Add(motion);
        Audit(caller, MeetingAuditActions.MotionProposed, motion.Id, draft.MoverSeatId.ToString());
        var view = MotionView(motion);
        await CommitAsync(new MotionChanged(view));
        if (motion.ProposalPending)
        {
            // The proposal learns of its motion after the write; a failure stays pending and is retried.
            await DeliverAsync();
        }

        return view;
    }

    public async Task<MotionView> SecondMotionAsync(Caller caller, Guid motionId, Guid seconderSeatId)
    {
        var (standing, roll) = await SeeAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        var motion = Motion(motionId);
        if (motion.Status != MotionStatus.Proposed)
        {
            throw new ConflictException(MeetingErrors.MotionNotOpen, "Only a motion waiting for its second can be seconded.");
        }

        RequireSeconder(standing, roll, motion.Mover, seconderSeatId);
        motion.Seconder = seconderSeatId;
        motion.Status = MotionStatus.Seconded;
        Audit(caller, MeetingAuditActions.MotionSeconded, motion.Id, seconderSeatId.ToString());
        var view = MotionView(motion);
        await CommitAsync(new MotionChanged(view));
        return view;
    }

    public async Task<MotionView> ProposeAmendmentAsync(Caller caller, Guid motionId, AmendmentDraft draft)
    {
        var (standing, roll) = await SeeAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        var motion = Motion(motionId);
        if (motion.Status is not (MotionStatus.Proposed or MotionStatus.Seconded))
        {
            throw new ConflictException(MeetingErrors.MotionNotOpen, "Only a motion not yet put to the vote can be amended.");
        }

        if (motion.Amendments.Count >= MeetingLimits.MaxAmendmentsPerMotion || motion.Wording.IsFull)
        {
            throw new ConflictException(MeetingErrors.TooMany, $"A motion takes at most {MeetingLimits.MaxAmendmentsPerMotion} amendments.");
        }

        var text = MeetingRules.Text(draft.Text, MeetingLimits.MotionTextMaxLength, "amendment's text");
        var note = MeetingRules.Optional(draft.Note, MeetingLimits.AmendmentNoteMaxLength, "amendment's note");
        RequireMoverAndSeconder(standing, roll, draft.MoverSeatId, draft.SeconderSeatId);
        var amendment = new AmendmentRecord
        {
            Id = Guid.CreateVersion7(),
            Text = text,
            Note = note,
            Mover = draft.MoverSeatId,
            Seconder = draft.SeconderSeatId,
            Status = draft.SeconderSeatId is null ? MotionStatus.Proposed : MotionStatus.Seconded,
            ProposedAt = Now,
            BasedOnVersion = motion.Wording.CurrentVersion,
        };
        motion.Amendments.Add(amendment);
        Audit(caller, MeetingAuditActions.AmendmentProposed, amendment.Id, motion.Id.ToString());
        var view = MotionView(motion);
        await CommitAsync(new MotionChanged(view));
        return view;
    }

    public async Task<MotionView> SecondAmendmentAsync(Caller caller, Guid motionId, Guid amendmentId, Guid seconderSeatId)
    {
        var (standing, roll) = await SeeAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        var motion = Motion(motionId);
        var amendment = Amendment(motion, amendmentId);
        if (amendment.Status != MotionStatus.Proposed)
        {
            throw new ConflictException(MeetingErrors.MotionNotOpen, "Only an amendment waiting for its second can be seconded.");
        }

        RequireSeconder(standing, roll, amendment.Mover, seconderSeatId);
        amendment.Seconder = seconderSeatId;
        amendment.Status = MotionStatus.Seconded;
        Audit(caller, MeetingAuditActions.AmendmentSeconded, amendment.Id, seconderSeatId.ToString());
        var view = MotionView(motion);
        await CommitAsync(new MotionChanged(view));
        return view;
    }

    private static void RequireMoverAndSeconder(CommitteeStanding standing, CommitteeRoll roll, Guid mover, Guid? seconder)
    {
        HeldSeat(roll, mover);
        if (!standing.RunsMeetings && !Represents(standing, mover))
        {
            throw new ForbiddenException(MeetingErrors.NotSeatRepresentative, "A motion is moved by its seat's representative, or recorded by the chair or secretary.");
        }

        if (seconder is { } second)
        {
            RequireSeconder(standing, roll, mover, second);
        }
    }

    private static void RequireSeconder(CommitteeStanding standing, CommitteeRoll roll, Guid mover, Guid seconder)
    {
        HeldSeat(roll, seconder);
        if (seconder == mover)
        {
            throw new RejectedException(MeetingErrors.InvalidInput, "The seconder is another seat than the mover.");
        }

        if (!standing.RunsMeetings && !Represents(standing, seconder))
        {
            throw new ForbiddenException(MeetingErrors.NotSeatRepresentative, "A second comes from the seconding seat's representative, or is recorded by the chair or secretary.");
        }
    }

    private static bool Represents(CommitteeStanding standing, Guid seatId) =>
        standing.Seats.Any(s => s.SeatId == seatId && s.AsRepresentative);

    private MotionRecord Motion(Guid motionId) => State.Motions.Find(m => m.Id == motionId)
        ?? throw new NotFoundException(MeetingErrors.MotionNotFound, $"Motion {motionId} is not at this meeting.");

    private static AmendmentRecord Amendment(MotionRecord motion, Guid amendmentId) => motion.Amendments.Find(a => a.Id == amendmentId)
        ?? throw new NotFoundException(MeetingErrors.AmendmentNotFound, $"Amendment {amendmentId} is not on this motion.");

    private static MotionView MotionView(MotionRecord m) => new(
        m.Id, m.AgendaItemId, m.Title, m.Text, m.Mover, m.Seconder, m.Status,
        [.. m.Wording.Versions.Select(v => new MotionVersion(v.Version, v.Text, v.AmendmentId, v.AuthorSeat, v.At))],
        [.. m.Amendments.Select(a => new AmendmentView(a.Id, a.Text, a.Note, a.Mover, a.Seconder, a.Status, a.ProposedAt, a.BasedOnVersion))],
        m.PendingDecision is not null, m.DecisionNumber, m.ProposedAt, m.ApprovesMinutesOf, m.FromProposal, m.Origin);

    /// <summary>A draft motion of this committee that no motion has moved yet; its origin goes onto the motion.</summary>
    private async Task<ProposalOrigin> RequireDraftProposalAsync(Caller caller, Guid proposalId)
    {
        var proposal = await GrainFactory.GetGrain<IProposalsGrain>(State.CommitteeId).GetAsync(caller, proposalId);
        if (proposal.Kind != ProposalKind.Motion || proposal.Status != ProposalStatus.Draft
            || State.Motions.Exists(m => m.FromProposal == proposalId))
        {
            throw new ConflictException(CommitteeErrors.ProposalTaken, "This proposal is not a draft motion waiting for a meeting.");
        }

        return proposal.Origin;
    }

    /// <summary>Minutes are approved at a later meeting of the same committee, once circulated and not yet approved.</summary>
    private async Task RequireMinutesToApproveAsync(Caller caller, Guid meetingId)
    {
        var minutes = meetingId == Id
            ? throw new ConflictException(CommitteeErrors.MinutesNotCirculated, "A meeting approves the minutes of an earlier meeting, not its own.")
            : await GrainFactory.GetGrain<IMinutesGrain>(meetingId).GetAsync(caller);
        if (minutes.CommitteeId != State.CommitteeId)
        {
            throw new NotFoundException(CommitteeErrors.MinutesNotFound, "This committee has no such minutes.");
        }

        if (minutes.Status != MinutesStatus.Circulated)
        {
            throw minutes.Status == MinutesStatus.Approved
                ? new ConflictException(CommitteeErrors.MinutesApproved, "These minutes are approved already.")
                : new ConflictException(CommitteeErrors.MinutesNotCirculated, "Minutes are circulated before a motion approves them.");
        }
    }
}
