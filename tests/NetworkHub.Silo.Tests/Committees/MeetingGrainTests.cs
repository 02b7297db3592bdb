using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Committees;
using NetworkHub.Silo.Storage;
using NetworkHub.Silo.Tests.Documents;
using Orleans.Storage;
using Orleans.TestingHost;

namespace NetworkHub.Silo.Tests.Committees;

/// <summary>A held seat of a meeting's world and the people who act for it.</summary>
public sealed record HeldSeat(Guid SeatId, Caller Representative, Caller Alternate);

/// <summary>A committee with a chair, a secretary, a coordinator who holds no office, an outsider and voting seats.</summary>
public sealed record MeetingWorld(ICommitteeGrain Committee, Caller Coordinator, Caller Chair, Caller Secretary, Caller Outsider, IReadOnlyList<HeldSeat> Seats)
{
    public Guid CommitteeId => Committee.GetPrimaryKey();

    public static async Task<MeetingWorld> BuildAsync(IGrainFactory grains, int seats = 3, CommitteeRules? rules = null, int allotment = 1)
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(grains, Visibility.Private);
        var committee = grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7());
        await committee.CreateAsync(coordinator, new SpaceRef(SpaceKind.Coalition, coalition.GetPrimaryKey()),
            new CommitteeProfile("Steering Committee", null, Visibility.Private, rules ?? CommitteeRules.Default, Code: "SC"));
        var chair = await TestData.MemberAsync(grains, committee, coordinator, SpaceRole.Member, "Chair");
        var secretary = await TestData.MemberAsync(grains, committee, coordinator, SpaceRole.Member, "Secretary");
        var held = new List<HeldSeat>();
        for (var i = 0; i < seats; i++)
        {
            var organisationCoordinator = await TestData.PersonAsync(grains, "Organisation coordinator");
            var organisation = grains.GetGrain<IOrganisationGrain>(Guid.CreateVersion7());
            await organisation.CreateAsync(organisationCoordinator, new OrganisationProfile($"Partner {i}", OrganisationKind.CivilSocietyOrganisation, "SN", null, [], null, null, Visibility.Public));
            var representative = await TestData.MemberAsync(grains, organisation, organisationCoordinator, SpaceRole.Member, "Representative");
            var alternate = await TestData.MemberAsync(grains, organisation, organisationCoordinator, SpaceRole.Member, "Alternate");
            var seat = await committee.InviteSeatAsync(coordinator, new SeatInvitation(organisation.GetPrimaryKey(), SeatKind.FoundingPartner, null, null, allotment));
            await committee.AcceptSeatAsync(organisationCoordinator, seat.SeatId, new SeatPeople(representative.PersonId!.Value, alternate.PersonId));
            held.Add(new HeldSeat(seat.SeatId, representative, alternate));
        }

        await committee.SetOfficesAsync(coordinator, new CommitteeOffices(chair.PersonId, [], secretary.PersonId));
        return new MeetingWorld(committee, coordinator, chair, secretary, await TestData.PersonAsync(grains, "Outsider"), held);
    }

    public static MeetingPlan Plan(MeetingType type = MeetingType.Regular, DateTimeOffset? deadline = null) => new(
        "Ordinary meeting", type, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "Africa/Dakar", "Dakar", "https://meet.example.org/sc",
        deadline, [new MeetingAgendaItemDraft(null, "Forum agenda", null, [new MeetingPaper("Draft agenda", "https://docs.example.org/agenda")])]);

    /// <summary>Scheduled, started, every seat recorded present.</summary>
    public async Task<(IMeetingGrain Meeting, MeetingView View)> SittingAsync(IGrainFactory grains)
    {
        var meeting = grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7());
        await meeting.ScheduleAsync(Secretary, CommitteeId, Plan());
        await meeting.StartAsync(Chair);
        MeetingView view = null!;
        foreach (var seat in Seats)
        {
            view = await meeting.RecordAttendanceAsync(Secretary, seat.SeatId, AttendanceStatus.Present);
        }

        return (meeting, view);
    }

    /// <summary>A seconded motion on the first agenda item, moved by seat 0 and seconded by seat 1.</summary>
    public async Task<MotionView> SecondedMotionAsync(IMeetingGrain meeting, MeetingView view, string text = "The forum meets in Dakar.")
    {
        var motion = await meeting.ProposeMotionAsync(Seats[0].Representative, new MotionDraft(view.Agenda[0].Id, "Venue", text, Seats[0].SeatId, null));
        return await meeting.SecondMotionAsync(Seats[1].Representative, motion.MotionId, Seats[1].SeatId);
    }
}

/// <summary>In the clock's collection: the decision hand-off retries on a grain timer, which runs on the fake clock.</summary>
[Collection(nameof(ClockCollection))]
public sealed class MeetingGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Schedule_ByTheSecretary_IsListedAndSeenOnlyByPeopleInside()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 1);
        var meeting = _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7());

        var byRepresentative = await Assert.ThrowsAsync<ForbiddenException>(() => meeting.ScheduleAsync(world.Seats[0].Representative, world.CommitteeId, MeetingWorld.Plan()));
        var view = await meeting.ScheduleAsync(world.Secretary, world.CommitteeId, MeetingWorld.Plan());
        var again = await meeting.ScheduleAsync(world.Secretary, world.CommitteeId, MeetingWorld.Plan());
        var listed = await world.Committee.GetMeetingsAsync(world.Coordinator);
        var seenByRepresentative = await meeting.GetViewAsync(world.Seats[0].Representative);
        var outsider = await Assert.ThrowsAsync<NotFoundException>(() => meeting.GetViewAsync(world.Outsider));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7()).GetViewAsync(world.Secretary));
        var outsiderVotes = await Assert.ThrowsAsync<NotFoundException>(() => meeting.CastVoteAsync(world.Outsider, Guid.NewGuid(), new CastVoteCommand(world.Seats[0].SeatId, BallotChoice.Yes, null)));

        Assert.Equal(CommitteeErrors.NotSecretary, byRepresentative.Code);
        Assert.Equal((MeetingStatus.Scheduled, "Africa/Dakar", 1), (view.Status, view.TimeZone, view.Agenda.Count));
        Assert.Equal(view.MeetingId, again.MeetingId);
        var entry = Assert.Single(listed);
        Assert.Equal((view.MeetingId, "Africa/Dakar"), (entry.MeetingId, entry.TimeZone));
        Assert.Equal("Draft agenda", seenByRepresentative.Agenda[0].Papers[0].Title);
        Assert.Equal([CommitteeErrors.MeetingNotFound, CommitteeErrors.MeetingNotFound, CommitteeErrors.MeetingNotFound], [outsider.Code, unknown.Code, outsiderVotes.Code]);
    }

    [Theory]
    [InlineData("time-zone")]
    [InlineData("http-link")]
    [InlineData("no-deadline")]
    [InlineData("too-many-items")]
    [InlineData("javascript-paper")]
    public async Task Schedule_WithBadInput_IsRefusedWithItsCode(string fault)
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 0);
        var plan = MeetingWorld.Plan();
        plan = fault switch
        {
            "time-zone" => plan with { TimeZone = "Mars/Olympus" },
            "http-link" => plan with { OnlineLink = "http://meet.example.org" },
            "no-deadline" => plan with { Type = MeetingType.WrittenProcedure },
            "too-many-items" => plan with { Agenda = [.. Enumerable.Range(0, 51).Select(i => new MeetingAgendaItemDraft(null, $"Item {i}", null, null))] },
            _ => plan with { Agenda = [new MeetingAgendaItemDraft(null, "Item", null, [new MeetingPaper("Paper", "javascript:alert(1)")])] },
        };

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7()).ScheduleAsync(world.Secretary, world.CommitteeId, plan));

        Assert.Equal(MeetingErrors.InvalidInput, refused.Code);
    }

    [Fact]
    public async Task Papers_NameDocumentsTheirAuthorMaySee_AndAnyOtherIsNotFound()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 0);
        var paper = _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7());
        await paper.CreateAsync(world.Coordinator, new SpaceRef(SpaceKind.Committee, world.CommitteeId), DocumentTestData.Profile("Draft action plan"));
        var (elsewhere, _, _, _) = await DocumentTestData.DocumentAsync(_grains, Visibility.Private);
        static MeetingPlan With(params MeetingPaper[] papers) => MeetingWorld.Plan() with { Agenda = [new MeetingAgendaItemDraft(null, "Action plan", null, papers)] };

        var meeting = _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7());
        var view = await meeting.ScheduleAsync(world.Coordinator, world.CommitteeId, With(new MeetingPaper("Draft action plan", null, paper.GetPrimaryKey())));
        var hidden = await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7())
            .ScheduleAsync(world.Coordinator, world.CommitteeId, With(new MeetingPaper("Their plan", null, elsewhere.GetPrimaryKey()))));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => meeting.UpdateAgendaAsync(world.Secretary,
            [new MeetingAgendaItemDraft(view.Agenda[0].Id, "Action plan", null, [new MeetingPaper("Nothing", null, Guid.CreateVersion7())])], null));
        var both = await Assert.ThrowsAsync<InvalidInputException>(() => meeting.UpdateAgendaAsync(world.Secretary,
            [new MeetingAgendaItemDraft(view.Agenda[0].Id, "Action plan", null, [new MeetingPaper("Both", "https://docs.example.org/plan", paper.GetPrimaryKey())])], null));
        var neither = await Assert.ThrowsAsync<InvalidInputException>(() => meeting.UpdateAgendaAsync(world.Secretary,
            [new MeetingAgendaItemDraft(view.Agenda[0].Id, "Action plan", null, [new MeetingPaper("Neither", null)])], null));

        Assert.Equal(new MeetingPaper("Draft action plan", null, paper.GetPrimaryKey()), Assert.Single(view.Agenda[0].Papers));
        Assert.Equal([DocumentErrors.NotFound, DocumentErrors.NotFound], [hidden.Code, unknown.Code]);
        Assert.Equal([MeetingErrors.InvalidInput, MeetingErrors.InvalidInput], [both.Code, neither.Code]);
        Assert.Equal(paper.GetPrimaryKey(), (await meeting.GetViewAsync(world.Secretary)).Agenda[0].Papers[0].DocumentId);
    }

    [Fact]
    public async Task Attendance_RecordedByChairOrSecretaryOnly_MakesTheQuorum()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 3);
        var meeting = _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7());
        await meeting.ScheduleAsync(world.Coordinator, world.CommitteeId, MeetingWorld.Plan());

        var byCoordinator = await Assert.ThrowsAsync<ForbiddenException>(() => meeting.RecordAttendanceAsync(world.Coordinator, world.Seats[0].SeatId, AttendanceStatus.Present));
        var byRepresentative = await Assert.ThrowsAsync<ForbiddenException>(() => meeting.RecordAttendanceAsync(world.Seats[0].Representative, world.Seats[0].SeatId, AttendanceStatus.Present));
        var one = await meeting.RecordAttendanceAsync(world.Secretary, world.Seats[0].SeatId, AttendanceStatus.Present);
        var two = await meeting.RecordAttendanceAsync(world.Chair, world.Seats[1].SeatId, AttendanceStatus.RepresentedByAlternate);
        var apologies = await meeting.RecordAttendanceAsync(world.Secretary, world.Seats[2].SeatId, AttendanceStatus.Apologies);
        var unknownSeat = await Assert.ThrowsAsync<NotFoundException>(() => meeting.RecordAttendanceAsync(world.Secretary, Guid.NewGuid(), AttendanceStatus.Present));

        Assert.Equal([CommitteeErrors.NotSecretary, CommitteeErrors.NotSecretary], [byCoordinator.Code, byRepresentative.Code]);
        Assert.Equal(new QuorumState(1, 3, 2, false), one.Quorum);
        Assert.Equal(new QuorumState(2, 3, 2, true), two.Quorum);
        Assert.Equal(new QuorumState(2, 3, 2, true), apologies.Quorum);
        Assert.Equal(3, apologies.Attendance.Count);
        Assert.Equal(CommitteeErrors.SeatNotFound, unknownSeat.Code);
    }

    [Fact]
    public async Task Proxies_AreBoundedWithoutChainsAndFixedOnceVotingOpens()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 4);
        var meeting = _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7());
        var view = await meeting.ScheduleAsync(world.Secretary, world.CommitteeId, MeetingWorld.Plan());
        var s = world.Seats;

        var notTheirs = await Assert.ThrowsAsync<ForbiddenException>(() => meeting.GiveProxyAsync(s[1].Representative, s[0].SeatId, s[1].SeatId));
        var given = await meeting.GiveProxyAsync(s[0].Representative, s[0].SeatId, s[1].SeatId);
        var tooMany = await Assert.ThrowsAsync<ConflictException>(() => meeting.GiveProxyAsync(s[2].Representative, s[2].SeatId, s[1].SeatId));
        var toAGiver = await Assert.ThrowsAsync<ConflictException>(() => meeting.GiveProxyAsync(s[2].Representative, s[2].SeatId, s[0].SeatId));
        var fromAHolder = await Assert.ThrowsAsync<ConflictException>(() => meeting.GiveProxyAsync(s[1].Representative, s[1].SeatId, s[3].SeatId));
        await meeting.GiveProxyAsync(world.Secretary, s[2].SeatId, s[3].SeatId);
        await meeting.RevokeProxyAsync(s[2].Representative, s[2].SeatId);
        await meeting.StartAsync(world.Secretary);
        await meeting.RecordAttendanceAsync(world.Secretary, s[1].SeatId, AttendanceStatus.Present);
        var present = await meeting.RecordAttendanceAsync(world.Secretary, s[0].SeatId, AttendanceStatus.ByProxy);
        var motion = await world.SecondedMotionAsync(meeting, view);
        var vote = await meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));
        var revokeLate = await Assert.ThrowsAsync<ConflictException>(() => meeting.RevokeProxyAsync(s[0].Representative, s[0].SeatId));
        var byProxy = await meeting.CastVoteAsync(s[1].Representative, vote.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.Yes, null));

        Assert.Equal(MeetingErrors.NotSeatRepresentative, notTheirs.Code);
        Assert.Equal(new MeetingProxy(s[0].SeatId, s[1].SeatId, given.Proxies[0].GivenAt), Assert.Single(given.Proxies));
        Assert.Equal([MeetingErrors.TooManyProxies, MeetingErrors.ProxyChain, MeetingErrors.ProxyChain], [tooMany.Code, toAGiver.Code, fromAHolder.Code]);
        Assert.Equal(2, present.Quorum.PresentAllotments);
        Assert.Equal(MeetingErrors.VotingStarted, revokeLate.Code);
        Assert.Equal([new VotedSeat(s[0].SeatId, true)], byProxy.Tally.Voted);
    }

    [Fact]
    public async Task OpenBallot_AmendmentFirst_ThenTheAmendedMotionIsAdoptedAndHandedToTheRegister()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 3);
        var (meeting, view) = await world.SittingAsync(_grains);
        var s = world.Seats;
        var motion = await world.SecondedMotionAsync(meeting, view);
        var amended = await meeting.ProposeAmendmentAsync(s[1].Representative, motion.MotionId, new AmendmentDraft("The forum meets in Saint-Louis.", "Closer to the river", s[1].SeatId, null));
        var amendment = amended.Amendments[0];
        var secondedBySecretary = await meeting.SecondAmendmentAsync(world.Secretary, motion.MotionId, amendment.AmendmentId, s[2].SeatId);

        var motionFirst = await Assert.ThrowsAsync<ConflictException>(() => meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open)));
        var byRepresentative = await Assert.ThrowsAsync<ForbiddenException>(() => meeting.OpenVoteAsync(s[0].Representative, new OpenVoteCommand(motion.MotionId, amendment.AmendmentId, null, BallotKind.Open)));
        var onAmendment = await meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, amendment.AmendmentId, null, BallotKind.Open));
        foreach (var seat in s)
        {
            await meeting.CastVoteAsync(seat.Representative, onAmendment.VoteId, new CastVoteCommand(seat.SeatId, BallotChoice.Yes, null));
        }

        var amendmentResult = await meeting.CloseVoteAsync(world.Secretary, onAmendment.VoteId);
        var onMotion = await meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, null, VotingMethod.TwoThirds, BallotKind.Open));
        await meeting.CastVoteAsync(s[0].Representative, onMotion.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.No, null));
        var changed = await meeting.CastVoteAsync(s[0].Representative, onMotion.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.Yes, null));
        await meeting.CastVoteAsync(s[1].Representative, onMotion.VoteId, new CastVoteCommand(s[1].SeatId, BallotChoice.Yes, null));
        var noSeat = await Assert.ThrowsAsync<ForbiddenException>(() => meeting.CastVoteAsync(world.Secretary, onMotion.VoteId, new CastVoteCommand(s[2].SeatId, BallotChoice.No, null)));
        var alternateWhileRepresentativePresent = await Assert.ThrowsAsync<ForbiddenException>(() => meeting.CastVoteAsync(s[2].Alternate, onMotion.VoteId, new CastVoteCommand(s[2].SeatId, BallotChoice.No, null)));
        await meeting.CastVoteAsync(s[2].Representative, onMotion.VoteId, new CastVoteCommand(s[2].SeatId, BallotChoice.Abstain, null));
        var result = await meeting.CloseVoteAsync(world.Chair, onMotion.VoteId);
        var late = await Assert.ThrowsAsync<ConflictException>(() => meeting.CastVoteAsync(s[2].Representative, onMotion.VoteId, new CastVoteCommand(s[2].SeatId, BallotChoice.Yes, null)));
        var after = await meeting.GetViewAsync(world.Secretary);
        var decided = after.Motions.Single(m => m.MotionId == motion.MotionId);
        var audit = (await meeting.GetAuditAsync(world.Secretary, null, 100)).Entries;

        Assert.Equal(MotionStatus.Seconded, secondedBySecretary.Amendments[0].Status);
        Assert.Equal(MeetingErrors.AmendmentPending, motionFirst.Code);
        Assert.Equal(CommitteeErrors.NotSecretary, byRepresentative.Code);
        Assert.Equal(VoteOutcome.Adopted, amendmentResult.Result!.Outcome);
        Assert.Equal(new VoteTotals(1, 0, 0), changed.Tally.Totals);
        Assert.Equal([CommitteeErrors.NoVotingSeat, CommitteeErrors.NoVotingSeat], [noSeat.Code, alternateWhileRepresentativePresent.Code]);
        Assert.Equal((VoteOutcome.Adopted, new VoteTotals(2, 0, 1), 3, true), (result.Result!.Outcome, result.Result.Totals, result.Result.PresentAllotments, result.Result.QuorumMet));
        Assert.Equal(3, result.Tally.Choices.Count);
        Assert.Equal(CommitteeErrors.VoteClosed, late.Code);
        Assert.Equal(MotionStatus.Adopted, decided.Status);
        Assert.Equal("The forum meets in Saint-Louis.", decided.Text);
        Assert.Equal([(1, (Guid?)null), (2, amendment.AmendmentId)], decided.History.Select(h => (h.Version, h.AmendmentId)));
        Assert.True(decided.DecisionPending || decided.DecisionNumber is not null);
        Assert.DoesNotContain(audit, e => e.Detail is "Yes" or "No" or "Abstain");
    }

    [Fact]
    public async Task SecretBallot_KeepsTotalsAndWhoVoted_NeverWhichSeatChoseWhat()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 3);
        var (meeting, view) = await world.SittingAsync(_grains);
        var s = world.Seats;
        var motion = await world.SecondedMotionAsync(meeting, view);
        var vote = await meeting.OpenVoteAsync(world.Secretary, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Secret));

        var first = await meeting.CastVoteAsync(s[0].Representative, vote.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.Yes, null));
        var changeRefused = await Assert.ThrowsAsync<ConflictException>(() => meeting.CastVoteAsync(s[0].Representative, vote.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.No, null)));
        await meeting.CastVoteAsync(s[1].Representative, vote.VoteId, new CastVoteCommand(s[1].SeatId, BallotChoice.No, null));
        var open = await meeting.CastVoteAsync(s[2].Representative, vote.VoteId, new CastVoteCommand(s[2].SeatId, BallotChoice.Yes, null));
        var closed = await meeting.CloseVoteAsync(world.Chair, vote.VoteId);
        var seen = (await meeting.GetViewAsync(s[0].Representative)).Votes.Single();
        var stored = await StoredAsync(meeting);
        var events = (await meeting.GetEventsAsync(view.Sequence)).Events!.Select(e => e.Change).OfType<TallyChanged>().ToList();

        Assert.Equal(MeetingErrors.SecretVoteFinal, changeRefused.Code);
        Assert.Null(first.Tally.Totals);
        Assert.Null(open.Tally.Totals);
        Assert.Empty(open.Tally.Choices);
        Assert.Equal(3, open.Tally.RespondedAllotments);
        Assert.Equal(s.Select(x => x.SeatId).Order(), open.Tally.Voted.Select(v => v.SeatId));
        Assert.Equal((VoteOutcome.Adopted, new VoteTotals(2, 1, 0)), (closed.Result!.Outcome, closed.Tally.Totals));
        Assert.Empty(closed.Tally.Choices);
        Assert.Empty(seen.Tally.Choices);
        var record = Assert.Single(stored.Votes);
        Assert.Empty(record.Choices);
        Assert.Equal(new VoteTotals(2, 1, 0), record.Totals);
        Assert.Equal(s.Select(x => x.SeatId).Order(), record.Voted.Select(v => v.SeatId));
        Assert.Equal([(s[0].SeatId, 1), (s[1].SeatId, 2), (s[2].SeatId, 3)], events.Select(e => (e.Seat.SeatId, e.RespondedAllotments)));
        Assert.All(events, e => Assert.Equal((null, null), (e.Choice, e.Totals)));
    }

    [Fact]
    public async Task CastVoteAsync_ManySeatsAtOnce_AllCounted_EachEventCarryingItsOneSeat()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 6);
        var (meeting, view) = await world.SittingAsync(_grains);
        var motion = await world.SecondedMotionAsync(meeting, view);
        var vote = await meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));

        await Task.WhenAll(world.Seats.Select((seat, i) =>
            meeting.CastVoteAsync(seat.Representative, vote.VoteId, new CastVoteCommand(seat.SeatId, i < 4 ? BallotChoice.Yes : BallotChoice.No, null))));
        var events = (await meeting.GetEventsAsync(view.Sequence)).Events!.Select(e => e.Change).OfType<TallyChanged>().ToList();
        var closed = await meeting.CloseVoteAsync(world.Chair, vote.VoteId);

        Assert.Equal(world.Seats.Select(x => x.SeatId).Order(), events.Select(e => e.Seat.SeatId).Order());
        Assert.Equal([1, 2, 3, 4, 5, 6], events.Select(e => e.RespondedAllotments));
        Assert.Equal(events.Select(e => e.Seat.SeatId), events.Select(e => e.Choice!.SeatId));
        Assert.Equal(new VoteTotals(4, 2, 0), events[^1].Totals);
        Assert.Equal((VoteOutcome.Adopted, new VoteTotals(4, 2, 0), 6), (closed.Result!.Outcome, closed.Tally.Totals, closed.Tally.Choices.Count));
    }

    [Fact]
    public async Task Consensus_ObjectionNeedsItsReason_AndRejects()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 2);
        var (meeting, view) = await world.SittingAsync(_grains);
        var s = world.Seats;
        var motion = await world.SecondedMotionAsync(meeting, view);
        var vote = await meeting.OpenVoteAsync(world.Secretary, new OpenVoteCommand(motion.MotionId, null, VotingMethod.Consensus, BallotKind.Open));

        var noReason = await Assert.ThrowsAsync<RejectedException>(() => meeting.CastVoteAsync(s[0].Representative, vote.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.No, " ")));
        await meeting.CastVoteAsync(s[0].Representative, vote.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.No, "Too far for the northern partners"));
        await meeting.CastVoteAsync(s[1].Representative, vote.VoteId, new CastVoteCommand(s[1].SeatId, BallotChoice.Yes, null));
        var closed = await meeting.CloseVoteAsync(world.Secretary, vote.VoteId);

        Assert.Equal(MeetingErrors.ObjectionReasonRequired, noReason.Code);
        Assert.Equal(VoteOutcome.Rejected, closed.Result!.Outcome);
        Assert.Equal("Too far for the northern partners", closed.Tally.Choices.Single(c => c.SeatId == s[0].SeatId).Reason);
    }

    [Fact]
    public async Task QuorumMissed_LeavesTheMotionOpenForAnotherVote()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 3);
        var meeting = _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7());
        var view = await meeting.ScheduleAsync(world.Secretary, world.CommitteeId, MeetingWorld.Plan());
        await meeting.StartAsync(world.Secretary);
        await meeting.RecordAttendanceAsync(world.Secretary, world.Seats[0].SeatId, AttendanceStatus.Present);
        await meeting.RecordAttendanceAsync(world.Secretary, world.Seats[1].SeatId, AttendanceStatus.Present);
        var motion = await world.SecondedMotionAsync(meeting, view);
        var vote = await meeting.OpenVoteAsync(world.Secretary, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));
        await meeting.RecordAttendanceAsync(world.Secretary, world.Seats[1].SeatId, AttendanceStatus.Absent);
        var closed = await meeting.CloseVoteAsync(world.Secretary, vote.VoteId);
        var again = await meeting.OpenVoteAsync(world.Secretary, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));

        Assert.Equal((VoteOutcome.NotDecided, 1, 2, false), (closed.Result!.Outcome, closed.Result.PresentAllotments, closed.Result.QuorumRequired, closed.Result.QuorumMet));
        Assert.Equal(VoteStatus.Open, again.Status);
    }

    [Fact]
    public async Task Decision_WhenTheCommitteeFailsOnce_IsPendingThenRetriedAndNumbered()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 2);
        var (meeting, view) = await world.SittingAsync(_grains);
        var motion = await world.SecondedMotionAsync(meeting, view);
        var vote = await meeting.OpenVoteAsync(world.Chair, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));
        foreach (var seat in world.Seats)
        {
            await meeting.CastVoteAsync(seat.Representative, vote.VoteId, new CastVoteCommand(seat.SeatId, BallotChoice.Yes, null));
        }

        var passed = Faults.Watch(world.Committee, nameof(ICommitteeGrain.RecordDecisionAsync), failures: 1);
        await meeting.CloseVoteAsync(world.Secretary, vote.VoteId);
        var pending = (await meeting.GetViewAsync(world.Secretary)).Motions.Single();
        for (var tick = 0; tick < 20 && !passed.IsCompleted; tick++)
        {
            ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(passed, Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken));
        }

        Assert.True(passed.IsCompleted, "the decision was not handed to the committee again");
        var numbered = await EventuallyAsync(async () => (await meeting.GetViewAsync(world.Secretary)).Motions.Single(), m => m.DecisionNumber is not null);

        Assert.Equal((true, (string?)null), (pending.DecisionPending, pending.DecisionNumber));
        Assert.Equal(1, Faults.Failed(world.Committee, nameof(ICommitteeGrain.RecordDecisionAsync)));
        Assert.False(numbered.DecisionPending);
        Assert.StartsWith("SC-", numbered.DecisionNumber);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i == 100)
            {
                return value;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task<MeetingState> StoredAsync(IMeetingGrain meeting)
    {
        var silo = Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary);
        var storage = silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var stored = new GrainState<MeetingState>(new MeetingState());
        await storage.ReadStateAsync("meeting", meeting.GetGrainId(), stored);
        return Assert.IsType<MeetingState>(stored.State);
    }
}

[Collection(nameof(ClockCollection))]
public sealed class WrittenProcedureTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Deadline_ClosesEveryOpenVote_CountingQuorumOnResponses()
    {
        var world = await MeetingWorld.BuildAsync(_grains, seats: 3);
        var s = world.Seats;
        var meeting = _grains.GetGrain<IMeetingGrain>(Guid.CreateVersion7());
        var deadline = ClusterFixture.Clock.GetUtcNow().AddDays(7);
        await meeting.ScheduleAsync(world.Secretary, world.CommitteeId, MeetingWorld.Plan(MeetingType.WrittenProcedure, deadline) with { Agenda = [] });
        var motion = await meeting.ProposeMotionAsync(s[0].Representative, new MotionDraft(null, "Statement", "The committee endorses the statement.", s[0].SeatId, null));
        await meeting.SecondMotionAsync(s[1].Representative, motion.MotionId, s[1].SeatId);
        var vote = await meeting.OpenVoteAsync(world.Secretary, new OpenVoteCommand(motion.MotionId, null, null, BallotKind.Open));
        await meeting.CastVoteAsync(s[0].Representative, vote.VoteId, new CastVoteCommand(s[0].SeatId, BallotChoice.Yes, null));
        await meeting.CastVoteAsync(s[1].Alternate, vote.VoteId, new CastVoteCommand(s[1].SeatId, BallotChoice.Yes, null));
        var reminder = meeting.AsReference<IRemindable>();

#pragma warning disable xUnit1051 // the tick as the reminder service delivers it
        await reminder.ReceiveReminder("meeting-deadline", default);
        var early = await meeting.GetViewAsync(world.Secretary);
        ClusterFixture.Clock.Advance(TimeSpan.FromDays(8));
        await reminder.ReceiveReminder("meeting-deadline", default);
#pragma warning restore xUnit1051
        var after = await meeting.GetViewAsync(world.Secretary);
        var result = after.Votes.Single().Result!;

        Assert.Equal((MeetingStatus.Scheduled, VoteStatus.Open), (early.Status, early.Votes.Single().Status));
        Assert.Equal(MeetingStatus.Closed, after.Status);
        Assert.Equal((VoteOutcome.Adopted, 2, 2, true), (result.Outcome, result.PresentAllotments, result.QuorumRequired, result.QuorumMet));
    }
}
