using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Tests.Committees;

/// <summary>
/// From a live session to a committee's decision. In the clock's collection: the meeting's hand-off to the proposal
/// retries on a grain timer, which runs on the fake clock.
/// </summary>
[Collection(nameof(ClockCollection))]
public sealed class ProposalsTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    /// <summary>A running session of a forum the committee's coordinator runs: an outcome recorded, then a poll voted.</summary>
    private async Task<(ILiveSessionGrain Session, AgendaItem Plenary, AgendaItem Poll, IForumGrain Forum)> SessionAsync(MeetingWorld world)
    {
        var forum = _grains.GetGrain<IForumGrain>(Guid.CreateVersion7());
        await forum.CreateAsync(world.Coordinator, null, new ForumProfile("Regional dialogue", null, [], Visibility.MembersOnly));
        var plenary = new AgendaItem(Guid.CreateVersion7(), "Water access", AgendaFormat.Plenary, 30);
        var poll = new AgendaItem(Guid.CreateVersion7(), "Next step", AgendaFormat.Poll, 10, new PollSettings(["Campaign", "Wait"], false, false));
        var session = _grains.GetGrain<ILiveSessionGrain>(Guid.CreateVersion7());
        var starts = ClusterFixture.Clock.GetUtcNow();
        await session.ScheduleAsync(world.Coordinator, new ScheduleLiveSessionCommand(
            forum.GetPrimaryKey(), "Dialogue", null, starts, starts.AddHours(2), "UTC", [], [plenary, poll]));
        await session.StartAsync(world.Coordinator);
        await session.RecordOutcomeAsync(world.Coordinator, plenary.Id, "The wells in the north are shared by every village.");
        await session.AdvanceAsync(world.Coordinator);
        await session.VoteAsync(world.Coordinator, poll.Id, [0]);
        return (session, plenary, poll, forum);
    }

    private static SessionProposalCommand Motion(MeetingWorld world, ProposalSourceKind kind, Guid itemId) =>
        new(world.CommitteeId, ProposalKind.Motion, new ProposalSource(kind, itemId));

    [Fact]
    public async Task ProposeAsync_FromAnOutcomeAndAPoll_QuotesTheSourceAndKeepsItsOrigin()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 0);
        var (session, plenary, poll, _) = await SessionAsync(world);

        var fromOutcome = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id));
        var fromPoll = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Poll, poll.Id) with { Title = "Campaign" });
        var listed = await _grains.GetGrain<IProposalsGrain>(world.CommitteeId).ListAsync(world.Chair);

        Assert.Equal(("Water access", "The wells in the north are shared by every village.", ProposalStatus.Draft), (fromOutcome.Title, fromOutcome.Text, fromOutcome.Status));
        Assert.Equal(new ProposalOrigin(session.GetPrimaryKey(), plenary.Id, ProposalSourceKind.Outcome, null, fromOutcome.Text), fromOutcome.Origin);
        Assert.Equal(("Campaign", "Next step: Campaign 1; Wait 0 (1 voted)"), (fromPoll.Title, fromPoll.Origin.Quote));
        Assert.Equal([fromPoll.ProposalId, fromOutcome.ProposalId], listed.Select(p => p.ProposalId));
        Assert.Equal([fromOutcome.ProposalId, fromPoll.ProposalId], (await session.GetProposalsAsync(world.Coordinator)).Select(p => p.ProposalId));
    }

    [Fact]
    public async Task ProposeAsync_FromAStatement_OnlyOnceEveryGroupBroadlyAgreesWithIt()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 0);
        var forum = _grains.GetGrain<IForumGrain>(Guid.CreateVersion7());
        await forum.CreateAsync(world.Coordinator, null, new ForumProfile("Regional dialogue", null, [], Visibility.MembersOnly));
        var statements = new AgendaItem(Guid.CreateVersion7(), "Where we stand", AgendaFormat.Statements, 15);
        var closing = new AgendaItem(Guid.CreateVersion7(), "Closing", AgendaFormat.Plenary, 5);
        var session = _grains.GetGrain<ILiveSessionGrain>(Guid.CreateVersion7());
        var starts = ClusterFixture.Clock.GetUtcNow();
        await session.ScheduleAsync(world.Coordinator, new ScheduleLiveSessionCommand(forum.GetPrimaryKey(), "Dialogue", null, starts, starts.AddHours(1), "UTC", [], [statements, closing]));
        await session.StartAsync(world.Coordinator);
        await session.SubmitStatementAsync(world.Coordinator, statements.Id, "Water before mining");
        await session.SubmitStatementAsync(world.Coordinator, statements.Id, "Mining before water");
        var submitted = (await session.GetViewAsync(world.Coordinator)).Items.Single(i => i.ItemId == statements.Id).Statements;
        await session.VoteOnStatementAsync(world.Coordinator, submitted[0].StatementId, StatementVote.Agree);
        await session.VoteOnStatementAsync(world.Coordinator, submitted[1].StatementId, StatementVote.Disagree);
        SessionProposalCommand From(Guid statementId) =>
            new(world.CommitteeId, ProposalKind.Motion, new ProposalSource(ProposalSourceKind.Statement, statements.Id, StatementId: statementId));

        var whileOpen = await Assert.ThrowsAsync<NotFoundException>(() => session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), From(submitted[0].StatementId)));
        await session.AdvanceAsync(world.Coordinator);
        var disagreed = await Assert.ThrowsAsync<NotFoundException>(() => session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), From(submitted[1].StatementId)));
        var agreed = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), From(submitted[0].StatementId));

        Assert.Equal([LiveSessionErrors.SourceNotFound, LiveSessionErrors.SourceNotFound], [whileOpen.Code, disagreed.Code]);
        Assert.Equal(("Water before mining", submitted[0].StatementId), (agreed.Origin.Quote, agreed.Origin.SourceId));
    }

    [Fact]
    public async Task ProposeAsync_ByAParticipant_ByAFacilitatorWhoCannotProposeThere_OrFromNothing_IsRefused()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 1);
        var (session, plenary, poll, forum) = await SessionAsync(world);
        var participant = await TestData.MemberAsync(_grains, forum, world.Coordinator, SpaceRole.Member, "Participant");
        var seatHolder = world.Seats[0].Representative;
        var invitation = TestData.Token(await forum.InviteAsync(world.Coordinator, new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(7), null)));
        await forum.AcceptInvitationAsync(seatHolder, invitation.InvitationId, invitation.Secret);
        await session.AppointCoFacilitatorAsync(world.Coordinator, seatHolder.PersonId!.Value);
        var outsider = await TestData.MemberAsync(_grains, forum, world.Coordinator, SpaceRole.Coordinator, "Forum coordinator");

        var byParticipant = await Assert.ThrowsAsync<ForbiddenException>(() => session.ProposeAsync(participant, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id)));
        var byMember = await Assert.ThrowsAsync<ForbiddenException>(() => session.ProposeAsync(seatHolder, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id)));
        var byOutsider = await Assert.ThrowsAsync<NotFoundException>(() => session.ProposeAsync(outsider, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id)));
        var noOutcome = await Assert.ThrowsAsync<NotFoundException>(() => session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, poll.Id)));
        var noRoom = await Assert.ThrowsAsync<NotFoundException>(() => session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(),
            new SessionProposalCommand(world.CommitteeId, ProposalKind.Motion, new ProposalSource(ProposalSourceKind.Summary, plenary.Id, RoomId: Guid.NewGuid()))));
        var noItem = await Assert.ThrowsAsync<NotFoundException>(() => session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Poll, Guid.NewGuid())));

        Assert.Equal(LiveSessionErrors.NotFacilitator, byParticipant.Code);
        Assert.Equal(CommitteeErrors.NotRunningMeetings, byMember.Code);
        Assert.Equal(ErrorCodes.SpaceNotFound, byOutsider.Code);
        Assert.Equal([LiveSessionErrors.SourceNotFound, LiveSessionErrors.SourceNotFound, LiveSessionErrors.SourceNotFound], [noOutcome.Code, noRoom.Code, noItem.Code]);
        Assert.Empty(await _grains.GetGrain<IProposalsGrain>(world.CommitteeId).ListAsync(world.Chair));
        Assert.Empty(await session.GetProposalsAsync(world.Coordinator));
    }

    [Fact]
    public async Task ADraftMotion_MovedAndAdopted_CarriesItsOrigin_AndItsNumberReachesTheProposalAndTheSession()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 2);
        var (session, plenary, _, _) = await SessionAsync(world);
        var proposal = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id));
        var (meeting, view) = await world.SittingAsync(_grains);
        var proposals = _grains.GetGrain<IProposalsGrain>(world.CommitteeId);

        var passed = Faults.Watch(proposals, nameof(IProposalsGrain.ProgressAsync), failures: 1);
        var motion = await meeting.ProposeMotionAsync(world.Chair, new MotionDraft(view.Agenda[0].Id, proposal.Title, proposal.Text, world.Seats[0].SeatId, world.Seats[1].SeatId, FromProposal: proposal.ProposalId));
        var pending = await proposals.GetAsync(world.Chair, proposal.ProposalId);
        for (var tick = 0; tick < 20 && !passed.IsCompleted; tick++)
        {
            ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(passed, Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken));
        }

        Assert.True(passed.IsCompleted, "the motion was not handed to its proposal again");
        var moved = await proposals.GetAsync(world.Chair, proposal.ProposalId);
        var twice = await Assert.ThrowsAsync<ConflictException>(() => meeting.ProposeMotionAsync(world.Chair, new MotionDraft(view.Agenda[0].Id, "Again", "Again", world.Seats[0].SeatId, null, FromProposal: proposal.ProposalId)));
        var vote = await meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));
        foreach (var seat in world.Seats)
        {
            await meeting.CastVoteAsync(seat.Representative, vote.VoteId, new CastVoteCommand(seat.SeatId, BallotChoice.Yes, null));
        }

        await meeting.CloseVoteAsync(world.Secretary, vote.VoteId);
        var numbered = (await meeting.GetViewAsync(world.Secretary)).Motions.Single(m => m.MotionId == motion.MotionId);
        var decided = await proposals.GetAsync(world.Chair, proposal.ProposalId);
        await session.CloseAsync(world.Coordinator);
        var record = await session.GetRecordAsync(world.Coordinator);
        var forumMember = await TestData.MemberAsync(_grains, _grains.GetGrain<IForumGrain>(record.Details.ForumId), world.Coordinator, SpaceRole.Member, "Forum member");
        var seenByForumMember = await session.GetRecordAsync(forumMember);

        Assert.Equal((proposal.ProposalId, proposal.Origin), (motion.FromProposal, motion.Origin));
        Assert.Equal(ProposalStatus.Draft, pending.Status);
        Assert.Equal((ProposalStatus.Moved, view.MeetingId, motion.MotionId), (moved.Status, moved.MeetingId, moved.MotionId));
        Assert.Equal(CommitteeErrors.ProposalTaken, twice.Code);
        Assert.StartsWith("SC-", numbered.DecisionNumber);
        Assert.Equal((ProposalStatus.Decided, numbered.DecisionNumber), (decided.Status, decided.DecisionNumber));
        Assert.Equal(numbered.DecisionNumber, Assert.Single(record.Proposals).DecisionNumber);
        Assert.Empty(seenByForumMember.Proposals);
    }

    [Fact]
    public async Task ADraftMotion_VotedDown_LeavesItsProposalRejected_WithoutANumber()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 2);
        var (session, plenary, _, _) = await SessionAsync(world);
        var proposal = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id));
        var (meeting, view) = await world.SittingAsync(_grains);
        var proposals = _grains.GetGrain<IProposalsGrain>(world.CommitteeId);
        var motion = await meeting.ProposeMotionAsync(world.Chair, new MotionDraft(view.Agenda[0].Id, proposal.Title, proposal.Text, world.Seats[0].SeatId, world.Seats[1].SeatId, FromProposal: proposal.ProposalId));

        var vote = await meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));
        foreach (var seat in world.Seats)
        {
            await meeting.CastVoteAsync(seat.Representative, vote.VoteId, new CastVoteCommand(seat.SeatId, BallotChoice.No, null));
        }

        var closed = await meeting.CloseVoteAsync(world.Secretary, vote.VoteId);
        var rejected = await proposals.GetAsync(world.Chair, proposal.ProposalId);

        Assert.Equal(VoteOutcome.Rejected, closed.Result!.Outcome);
        Assert.Equal((ProposalStatus.Rejected, motion.MotionId, (string?)null), (rejected.Status, rejected.MotionId, rejected.DecisionNumber));
    }

    [Fact]
    public async Task WithdrawAsync_DropsADraft_OnlyForThoseWhoPropose_AndNeverOneAMeetingMoved()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 2);
        var (session, plenary, _, _) = await SessionAsync(world);
        var dropped = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id));
        var moving = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(), Motion(world, ProposalSourceKind.Outcome, plenary.Id));
        var (meeting, view) = await world.SittingAsync(_grains);
        var proposals = _grains.GetGrain<IProposalsGrain>(world.CommitteeId);
        await meeting.ProposeMotionAsync(world.Chair, new MotionDraft(view.Agenda[0].Id, moving.Title, moving.Text, world.Seats[0].SeatId, null, FromProposal: moving.ProposalId));

        var byRepresentative = await Assert.ThrowsAsync<ForbiddenException>(() => proposals.WithdrawAsync(world.Seats[0].Representative, dropped.ProposalId));
        var withdrawn = await proposals.WithdrawAsync(world.Chair, dropped.ProposalId);
        var again = await proposals.WithdrawAsync(world.Secretary, dropped.ProposalId);
        var moved = await Assert.ThrowsAsync<ConflictException>(() => proposals.WithdrawAsync(world.Chair, moving.ProposalId));
        var movingWithdrawn = await Assert.ThrowsAsync<ConflictException>(() => meeting.ProposeMotionAsync(world.Chair, new MotionDraft(view.Agenda[0].Id, "Again", "Again", world.Seats[0].SeatId, null, FromProposal: dropped.ProposalId)));

        Assert.Equal(CommitteeErrors.NotRunningMeetings, byRepresentative.Code);
        Assert.Equal((ProposalStatus.Withdrawn, ProposalStatus.Withdrawn), (withdrawn.Status, again.Status));
        Assert.Equal(CommitteeErrors.ProposalTaken, moved.Code);
        Assert.Equal(CommitteeErrors.ProposalTaken, movingWithdrawn.Code);
        Assert.Equal(ProposalStatus.Moved, (await proposals.GetAsync(world.Chair, moving.ProposalId)).Status);
    }

    [Fact]
    public async Task DraftAsync_BeyondTheOpenDraftsBound_IsRefused_AndARepeatReturnsTheProposal()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 0);
        var proposals = _grains.GetGrain<IProposalsGrain>(world.CommitteeId);
        var origin = new ProposalOrigin(Guid.CreateVersion7(), Guid.CreateVersion7(), ProposalSourceKind.Outcome, null, "Agreed.");
        var draft = new ProposalDraft(ProposalKind.Motion, "Motion", "Agreed.", origin);
        var first = await proposals.DraftAsync(world.Coordinator, Guid.CreateVersion7(), draft);
        for (var i = 1; i < CommitteeLimits.ProposalsOpenMax; i++)
        {
            await proposals.DraftAsync(world.Coordinator, Guid.CreateVersion7(), draft);
        }

        var repeated = await proposals.DraftAsync(world.Coordinator, first.ProposalId, draft);
        var taken = await Assert.ThrowsAsync<ConflictException>(() => proposals.DraftAsync(world.Chair, first.ProposalId, draft));
        var beyond = await Assert.ThrowsAsync<ConflictException>(() => proposals.DraftAsync(world.Coordinator, Guid.CreateVersion7(), draft));

        Assert.Equal(first, repeated);
        Assert.Equal([CommitteeErrors.ProposalTaken, CommitteeErrors.TooManyProposals], [taken.Code, beyond.Code]);
        Assert.Equal(CommitteeLimits.ProposalsOpenMax, (await proposals.ListAsync(world.Chair)).Count);
    }

    [Fact]
    public async Task AnActionItemProposal_IsAddedToTheCommitteesItems_WithItsOrigin()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 0);
        var (session, plenary, _, _) = await SessionAsync(world);

        var proposal = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(),
            new SessionProposalCommand(world.CommitteeId, ProposalKind.ActionItem, new ProposalSource(ProposalSourceKind.Outcome, plenary.Id), "Map the wells",
                Assignee: new ActionItemAssignee(world.Secretary.PersonId, null)));
        var item = Assert.Single(await _grains.GetGrain<IActionItemsGrain>(world.CommitteeId).ListAsync(world.Chair, new ActionItemFilter()));

        Assert.Equal((ProposalStatus.ActionItem, proposal.ProposalId), (proposal.Status, proposal.ActionItemId));
        Assert.Equal((proposal.ProposalId, "Map the wells", world.Secretary.PersonId), (item.ItemId, item.Title, item.Assignee.PersonId));
        Assert.Equal(proposal.Origin, item.Origin);
        Assert.Equal("The wells in the north are shared by every village.", item.Notes);
    }

    [Fact]
    public async Task ErasePersonAsync_NamesTheFormerMember_AsProposerAndAsAssignee_AndKeepsTheQuote()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 0);
        var (session, plenary, _, _) = await SessionAsync(world);
        var proposer = world.Coordinator.PersonId!.Value;
        var assignee = world.Secretary.PersonId!.Value;
        var former = Guid.NewGuid();
        var proposal = await session.ProposeAsync(world.Coordinator, Guid.CreateVersion7(),
            new SessionProposalCommand(world.CommitteeId, ProposalKind.ActionItem, new ProposalSource(ProposalSourceKind.Outcome, plenary.Id), "Map the wells",
                Assignee: new ActionItemAssignee(assignee, null)));

        await _grains.GetGrain<IProposalsGrain>(world.CommitteeId).ErasePersonAsync(proposer, former);
        await _grains.GetGrain<IActionItemsGrain>(world.CommitteeId).ErasePersonAsync(assignee, former);
        var erased = Assert.Single(await _grains.GetGrain<IProposalsGrain>(world.CommitteeId).ListAsync(world.Chair));
        var item = Assert.Single(await _grains.GetGrain<IActionItemsGrain>(world.CommitteeId).ListAsync(world.Chair, new ActionItemFilter()));

        Assert.Equal((former, proposal.Origin.Quote), (erased.ProposedBy, erased.Origin.Quote));
        Assert.Equal(former, item.Assignee.PersonId);
    }
}
