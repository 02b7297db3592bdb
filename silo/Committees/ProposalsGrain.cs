using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Committees;

[GenerateSerializer, Alias("NetworkHub.ProposalsState")]
public sealed class ProposalsState
{
    [Id(0)] public List<Proposal> Proposals { get; set; } = [];
}

/// <summary>
/// A committee's proposals from live sessions, apart from the committee's own state as its action items are. Draft
/// motions are bounded (<see cref="CommitteeLimits.ProposalsOpenMax"/>); the others are kept to the most recent
/// (<see cref="CommitteeLimits.ProposalsClosedKept"/>). Whether the proposer facilitates the session and what the quote
/// says is the session's to check (it calls <see cref="DraftAsync"/>); whether they may propose here is checked here.
/// </summary>
public sealed class ProposalsGrain(
    [PersistentState("proposals", StorageNames.Default)] IPersistentState<ProposalsState> state,
    TimeProvider clock) : Grain, IProposalsGrain
{
    private Guid CommitteeId => this.GetPrimaryKey();

    private ICommitteeGrain Committee => GrainFactory.GetGrain<ICommitteeGrain>(CommitteeId);

    private List<Proposal> Proposals => state.State.Proposals;

    public async Task<Proposal> DraftAsync(Caller caller, Guid proposalId, ProposalDraft draft)
    {
        var person = await RequireProposerAsync(caller);
        if (Proposals.Find(p => p.ProposalId == proposalId) is { } existing)
        {
            return existing.ProposedBy == person
                ? existing
                : throw new ConflictException(CommitteeErrors.ProposalTaken, "This proposal id is taken.");
        }

        var title = MeetingRules.Text(draft.Title, MeetingLimits.TitleMaxLength, "proposal's title");
        var text = MeetingRules.Text(
            draft.Text, draft.Kind == ProposalKind.ActionItem ? Limits.DescriptionMaxLength : MeetingLimits.MotionTextMaxLength, "proposal's text");
        if (draft.Kind == ProposalKind.Motion && Proposals.Count(p => p.Status == ProposalStatus.Draft) >= CommitteeLimits.ProposalsOpenMax)
        {
            throw new ConflictException(CommitteeErrors.TooManyProposals, $"A committee holds at most {CommitteeLimits.ProposalsOpenMax} draft motions; move or drop some first.");
        }

        var proposal = new Proposal(
            proposalId, CommitteeId, draft.Kind, title, text, draft.Origin, ProposalStatus.Draft, null, null, null, null, person, clock.GetUtcNow());
        if (draft.Kind == ProposalKind.ActionItem)
        {
            // The item first, under the proposal's id: a retry after a failed write below finds it and goes on.
            var item = await GrainFactory.GetGrain<IActionItemsGrain>(CommitteeId).AddAsync(caller, proposalId, new ActionItemCommand(
                title, text, draft.Assignee ?? new ActionItemAssignee(person, null), null, null, null, draft.Origin));
            proposal = proposal with { Status = ProposalStatus.ActionItem, ActionItemId = item.ItemId };
        }

        Proposals.Add(proposal);
        await WriteAsync();
        return proposal;
    }

    public async Task<Proposal> GetAsync(Caller caller, Guid proposalId)
    {
        await RequireInsideAsync(caller);
        return Find(proposalId);
    }

    public async Task<IReadOnlyList<Proposal>> ListAsync(Caller caller)
    {
        await RequireInsideAsync(caller);
        return [.. Proposals.AsEnumerable().Reverse()];
    }

    public async Task<IReadOnlyList<Proposal>> FromSessionAsync(Caller caller, Guid sessionId)
    {
        if (!Proposals.Exists(p => p.Origin.SessionId == sessionId))
        {
            return [];
        }

        try
        {
            await RequireInsideAsync(caller);
        }
        catch (DomainException)
        {
            // A session's record names only the committees its reader may look into; the others are not there for them.
            return [];
        }

        return [.. Proposals.Where(p => p.Origin.SessionId == sessionId)];
    }

    public async Task<Proposal> WithdrawAsync(Caller caller, Guid proposalId)
    {
        await RequireProposerAsync(caller);
        var index = Proposals.FindIndex(p => p.ProposalId == proposalId);
        var proposal = index >= 0 ? Proposals[index] : throw new NotFoundException(CommitteeErrors.ProposalNotFound, $"No proposal with id {proposalId}.");
        if (proposal.Status == ProposalStatus.Withdrawn)
        {
            return proposal;
        }

        if (proposal.Status != ProposalStatus.Draft)
        {
            throw new ConflictException(CommitteeErrors.ProposalTaken, "Only a draft motion that no meeting has moved can be withdrawn.");
        }

        Proposals[index] = proposal with { Status = ProposalStatus.Withdrawn };
        await WriteAsync();
        return Proposals[index];
    }

    public async Task ProgressAsync(Guid proposalId, ProposalProgress progress)
    {
        var index = Proposals.FindIndex(p => p.ProposalId == proposalId);
        if (index < 0 || Proposals[index] is not { Kind: ProposalKind.Motion } proposal)
        {
            return;
        }

        // Only the motion that took the draft moves it on; a second meeting that raced for it changes nothing here.
        if (proposal.MotionId is { } taken && taken != progress.MotionId)
        {
            return;
        }

        var status = progress switch
        {
            { DecisionNumber: not null } => ProposalStatus.Decided,
            { Rejected: true } => ProposalStatus.Rejected,
            _ => ProposalStatus.Moved,
        };
        if (proposal.Status == status && proposal.MotionId == progress.MotionId)
        {
            return;
        }

        Proposals[index] = proposal with
        {
            Status = status,
            MeetingId = progress.MeetingId,
            MotionId = progress.MotionId,
            DecisionNumber = progress.DecisionNumber ?? proposal.DecisionNumber,
        };
        await WriteAsync();
    }

    public async Task ErasePersonAsync(Guid personId, Guid formerId)
    {
        if (!Proposals.Exists(p => p.ProposedBy == personId))
        {
            return;
        }

        state.State.Proposals = [.. Proposals.Select(p => p.ProposedBy == personId ? p with { ProposedBy = formerId } : p)];
        await state.WriteStateAsync();
    }

    private Proposal Find(Guid proposalId) => Proposals.Find(p => p.ProposalId == proposalId)
        ?? throw new NotFoundException(CommitteeErrors.ProposalNotFound, $"No proposal with id {proposalId}.");

    private async Task RequireInsideAsync(Caller caller)
    {
        var access = await Committee.GetAccessAsync(caller);
        if (!access.CanSeeInside)
        {
            throw new ForbiddenException(ErrorCodes.ContentsHidden, "Only the committee's people see its proposals.");
        }
    }

    /// <summary>Those who put motions on meetings and manage action items: the chair, co-chairs, secretary and coordinators.</summary>
    private async Task<Guid> RequireProposerAsync(Caller caller)
    {
        await RequireInsideAsync(caller);
        var person = caller.RequirePerson();
        var standing = await Committee.GetStandingAsync(caller);
        if (!standing.RunsMeetings && standing.Role != SpaceRole.Coordinator)
        {
            throw new ForbiddenException(CommitteeErrors.NotRunningMeetings, "Only the committee's chair, co-chairs, secretary or coordinators propose to it.");
        }

        return person;
    }

    private async Task WriteAsync()
    {
        var closed = Proposals.Where(p => p.Status != ProposalStatus.Draft).OrderByDescending(p => p.ProposedAt)
            .Skip(CommitteeLimits.ProposalsClosedKept).ToHashSet();
        if (closed.Count > 0)
        {
            Proposals.RemoveAll(closed.Contains);
        }

        await state.WriteStateAsync();
    }
}
