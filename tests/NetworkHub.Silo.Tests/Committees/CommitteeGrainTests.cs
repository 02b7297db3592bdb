using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Committees;

namespace NetworkHub.Silo.Tests.Committees;

/// <summary>A coalition's coordinator, a committee of it, and an organisation with its own coordinator and two of its people.</summary>
public sealed record CommitteeWorld(
    ICommitteeGrain Committee, Caller Coordinator, IOrganisationGrain Organisation, Caller OrganisationCoordinator, Caller Representative, Caller Alternate)
{
    public Guid OrganisationId => Organisation.GetPrimaryKey();

    public SeatPeople People => new(Representative.PersonId!.Value, Alternate.PersonId!.Value);

    public static async Task<CommitteeWorld> BuildAsync(IGrainFactory grains, Visibility visibility = Visibility.Private)
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(grains, visibility);
        var committee = grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7());
        await committee.CreateAsync(coordinator, new SpaceRef(SpaceKind.Coalition, coalition.GetPrimaryKey()), Profile(visibility));
        var (organisation, organisationCoordinator) = await OrganisationAsync(grains);
        var representative = await TestData.MemberAsync(grains, organisation, organisationCoordinator, SpaceRole.Member, "Representative");
        var alternate = await TestData.MemberAsync(grains, organisation, organisationCoordinator, SpaceRole.Member, "Alternate");
        return new CommitteeWorld(committee, coordinator, organisation, organisationCoordinator, representative, alternate);
    }

    public static CommitteeProfile Profile(Visibility visibility = Visibility.Private, string? code = null, CommitteeRules? rules = null) =>
        new("Steering Committee", "Steers the forum", visibility, rules ?? CommitteeRules.Default, Code: code);

    public static async Task<(IOrganisationGrain Organisation, Caller Coordinator)> OrganisationAsync(IGrainFactory grains, string name = "Red Sahel")
    {
        var coordinator = await TestData.PersonAsync(grains, "Organisation coordinator");
        var organisation = grains.GetGrain<IOrganisationGrain>(Guid.CreateVersion7());
        await organisation.CreateAsync(coordinator, new OrganisationProfile(name, OrganisationKind.CivilSocietyOrganisation, "SN", null, [], null, null, Visibility.Public));
        return (organisation, coordinator);
    }

    public async Task<Seat> ActiveSeatAsync(DateTimeOffset? termEnd = null)
    {
        var seat = await Committee.InviteSeatAsync(Coordinator, new SeatInvitation(OrganisationId, SeatKind.FoundingPartner, null, termEnd, 2));
        return await Committee.AcceptSeatAsync(OrganisationCoordinator, seat.SeatId, People);
    }
}

public sealed class CommitteeGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Seat_InvitedAcceptedSteppedDown_GivesAndTakesTheRepresentativesStanding()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        var committee = world.Committee;

        var invited = await committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.FoundingPartner, null, null, 2));
        var outsiderBefore = await Assert.ThrowsAsync<NotFoundException>(() => committee.GetStandingAsync(world.Representative));
        var accepted = await committee.AcceptSeatAsync(world.OrganisationCoordinator, invited.SeatId, world.People);
        var representative = await committee.GetStandingAsync(world.Representative);
        var alternate = await committee.GetStandingAsync(world.Alternate);
        var roll = await committee.GetRollAsync();
        var steppedDown = await committee.StepDownAsync(world.OrganisationCoordinator, invited.SeatId);
        var after = await Assert.ThrowsAsync<NotFoundException>(() => committee.GetStandingAsync(world.Representative));

        Assert.Equal(SeatStatus.Invited, invited.Status);
        Assert.Equal("Red Sahel", invited.OrganisationName);
        Assert.Equal(ErrorCodes.SpaceNotFound, outsiderBefore.Code);
        Assert.Equal((SeatStatus.Active, world.Representative.PersonId, world.Alternate.PersonId), (accepted.Status, accepted.Representative, accepted.Alternate));
        Assert.Equal(SpaceRole.Member, representative.Role);
        Assert.Equal([new SeatStanding(invited.SeatId, true, false)], representative.Seats);
        Assert.Equal([new SeatStanding(invited.SeatId, false, true)], alternate.Seats);
        Assert.Equal(2, roll.VotingAllotments);
        Assert.Equal(SeatStatus.SteppedDown, steppedDown.Status);
        Assert.Equal(ErrorCodes.SpaceNotFound, after.Code);
        var audit = (await committee.GetAuditAsync(world.Coordinator, null, 100)).Entries.Select(e => e.Action);
        Assert.Equal([AuditActions.Created, CommitteeAuditActions.SeatInvited, CommitteeAuditActions.SeatAccepted, CommitteeAuditActions.SeatSteppedDown], audit);
    }

    [Fact]
    public async Task Representative_WhoLeavesTheOrganisation_LosesTheSeatAtOnce_AndTheCommitteeIsTold()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        var seat = await world.ActiveSeatAsync();
        var before = await world.Committee.GetStandingAsync(world.Representative);
        _ = Faults.Watch(world.Committee, nameof(ICommitteeGrain.AccessChangedAboveAsync));

        await world.Organisation.LeaveAsync(world.Representative);
        var gone = await Assert.ThrowsAsync<NotFoundException>(() => world.Committee.GetStandingAsync(world.Representative));
        var alternate = await world.Committee.GetStandingAsync(world.Alternate);

        Assert.Equal([seat.SeatId], before.Seats.Select(s => s.SeatId));
        Assert.Equal(ErrorCodes.SpaceNotFound, gone.Code);
        Assert.Equal([seat.SeatId], alternate.Seats.Select(s => s.SeatId));
        Assert.Equal([world.Representative.PersonId], Faults.Arguments(world.Committee, nameof(ICommitteeGrain.AccessChangedAboveAsync)));
    }

    [Fact]
    public async Task Representative_InAPublicCommittee_WhoLeavesTheOrganisation_HoldsNoSeatAndNoRole()
    {
        var world = await CommitteeWorld.BuildAsync(_grains, Visibility.Public);
        await world.ActiveSeatAsync();

        await world.Organisation.LeaveAsync(world.Representative);
        var standing = await world.Committee.GetStandingAsync(world.Representative);

        Assert.Null(standing.Role);
        Assert.Empty(standing.Seats);
    }

    [Fact]
    public async Task Seat_AnsweredBySomeoneElse_IsRefused_AndPeopleMustBelongToTheOrganisation()
    {
        var world = await CommitteeWorld.BuildAsync(_grains, Visibility.MembersOnly);
        var seat = await world.Committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.Invited, null, null));
        var stranger = await TestData.PersonAsync(_grains, "Stranger");

        var notCoordinator = await Assert.ThrowsAsync<ForbiddenException>(() => world.Committee.AcceptSeatAsync(world.Representative, seat.SeatId, world.People));
        var committeeCoordinator = await Assert.ThrowsAsync<ForbiddenException>(() => world.Committee.DeclineSeatAsync(world.Coordinator, seat.SeatId));
        var strangerNamed = await Assert.ThrowsAsync<RejectedException>(() =>
            world.Committee.AcceptSeatAsync(world.OrganisationCoordinator, seat.SeatId, new SeatPeople(stranger.PersonId!.Value, null)));
        var alternateStranger = await Assert.ThrowsAsync<RejectedException>(() =>
            world.Committee.AcceptSeatAsync(world.OrganisationCoordinator, seat.SeatId, new SeatPeople(world.Representative.PersonId!.Value, stranger.PersonId!.Value)));
        var twice = await Assert.ThrowsAsync<ConflictException>(() =>
            world.Committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.Observer, null, null, 0)));

        Assert.Equal(CommitteeErrors.NotOrganisationCoordinator, notCoordinator.Code);
        Assert.Equal(CommitteeErrors.NotOrganisationCoordinator, committeeCoordinator.Code);
        Assert.Equal(CommitteeErrors.NotOrganisationPerson, strangerNamed.Code);
        Assert.Equal(CommitteeErrors.NotOrganisationPerson, alternateStranger.Code);
        Assert.Equal(CommitteeErrors.SeatTaken, twice.Code);
        Assert.Equal(SeatStatus.Invited, Assert.Single(await world.Committee.GetSeatsAsync(world.Coordinator)).Status);
    }

    [Fact]
    public async Task OrganisationCoordinator_SeesAPrivateCommitteeWhileOffered_AndNotAfterDeclining()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        var before = await Assert.ThrowsAsync<NotFoundException>(() => world.Committee.GetAsync(world.OrganisationCoordinator));
        var seat = await world.Committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.Invited, null, null));

        var whileOffered = await world.Committee.GetAsync(world.OrganisationCoordinator);
        var seats = await world.Committee.GetSeatsAsync(world.OrganisationCoordinator);
        var changeTerms = await Assert.ThrowsAsync<ForbiddenException>(() =>
            world.Committee.UpdateSeatAsync(world.OrganisationCoordinator, seat.SeatId, new SeatTerms(SeatKind.Invited, DateTimeOffset.UtcNow, null, 3)));
        await world.Committee.DeclineSeatAsync(world.OrganisationCoordinator, seat.SeatId);
        var after = await Assert.ThrowsAsync<NotFoundException>(() => world.Committee.GetAsync(world.OrganisationCoordinator));

        Assert.Equal(ErrorCodes.SpaceNotFound, before.Code);
        Assert.Equal(SpaceRole.Observer, whileOffered.YourRole);
        Assert.Equal([seat.SeatId], seats.Select(s => s.SeatId));
        Assert.Equal(ErrorCodes.NotCoordinator, changeTerms.Code);
        Assert.Equal(ErrorCodes.SpaceNotFound, after.Code);
        Assert.Equal(SeatStatus.Declined, Assert.Single(await world.Committee.GetSeatsAsync(world.Coordinator)).Status);
    }

    [Fact]
    public async Task Seat_RulesOfAllotmentAndTerm_AreEnforced()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        var now = DateTimeOffset.UtcNow;

        var noVotes = await Assert.ThrowsAsync<RejectedException>(() =>
            world.Committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.Invited, null, null, 0)));
        var tooMany = await Assert.ThrowsAsync<RejectedException>(() =>
            world.Committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.Invited, null, null, 101)));
        var backwards = await Assert.ThrowsAsync<RejectedException>(() =>
            world.Committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.Invited, now, now.AddDays(-1))));
        var observer = await world.Committee.InviteSeatAsync(world.Coordinator, new SeatInvitation(world.OrganisationId, SeatKind.Observer, null, null, 0));
        var changed = await world.Committee.UpdateSeatAsync(world.Coordinator, observer.SeatId, new SeatTerms(SeatKind.Invited, now, null, 3));
        var ended = await world.Committee.EndSeatAsync(world.Coordinator, observer.SeatId);
        var endedAgain = await Assert.ThrowsAsync<ConflictException>(() => world.Committee.EndSeatAsync(world.Coordinator, observer.SeatId));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => world.Committee.EndSeatAsync(world.Coordinator, Guid.NewGuid()));

        Assert.All([noVotes, tooMany, backwards], e => Assert.Equal(CommitteeErrors.InvalidSeat, e.Code));
        Assert.Equal((SeatKind.Invited, 3), (changed.Kind, changed.Allotment));
        Assert.Equal(SeatStatus.Vacant, ended.Status);
        Assert.Equal(CommitteeErrors.SeatNotOpen, endedAgain.Code);
        Assert.Equal(CommitteeErrors.SeatNotFound, unknown.Code);
    }

    [Fact]
    public async Task Create_TakesTheParentsRules_AndDefaultsTheCodeToTheInitials()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains, Visibility.MembersOnly);
        var parent = new SpaceRef(SpaceKind.Coalition, coalition.GetPrimaryKey());
        var (organisation, organisationCoordinator) = await CommitteeWorld.OrganisationAsync(_grains);
        var member = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Member);

        var created = await _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7()).CreateAsync(coordinator, parent, CommitteeWorld.Profile(Visibility.MembersOnly));
        var wider = await Assert.ThrowsAsync<RejectedException>(() =>
            _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7()).CreateAsync(coordinator, parent, CommitteeWorld.Profile(Visibility.Public)));
        var byMember = await Assert.ThrowsAsync<ForbiddenException>(() =>
            _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7()).CreateAsync(member, parent, CommitteeWorld.Profile(Visibility.MembersOnly)));
        var underOrganisation = await Assert.ThrowsAsync<RejectedException>(() =>
            _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7()).CreateAsync(organisationCoordinator, new SpaceRef(SpaceKind.Organisation, organisation.GetPrimaryKey()), CommitteeWorld.Profile()));
        var badQuorum = await Assert.ThrowsAsync<RejectedException>(() => _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7()).CreateAsync(coordinator, parent,
            CommitteeWorld.Profile(Visibility.MembersOnly, rules: new CommitteeRules(new QuorumRule(QuorumKind.AtLeastPercent, 101), VotingMethod.SimpleMajority))));
        var badProxies = await Assert.ThrowsAsync<RejectedException>(() => _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7()).CreateAsync(coordinator, parent,
            CommitteeWorld.Profile(Visibility.MembersOnly, rules: CommitteeRules.Default with { MaxProxiesPerHolder = 11 })));
        var badCode = await Assert.ThrowsAsync<RejectedException>(() => _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7()).CreateAsync(coordinator, parent,
            CommitteeWorld.Profile(Visibility.MembersOnly, code: "sc")));
        var children = await coalition.GetChildrenAsync(coordinator);

        Assert.Equal(("SC", SpaceRole.Coordinator, parent), (created.Code, created.YourRole, created.Parent));
        Assert.Equal(ErrorCodes.VisibilityWiderThanParent, wider.Code);
        Assert.Equal(ErrorCodes.NotCoordinator, byMember.Code);
        Assert.Equal(ErrorCodes.ParentRequired, underOrganisation.Code);
        Assert.Equal(CommitteeErrors.InvalidRules, badQuorum.Code);
        Assert.Equal(CommitteeErrors.InvalidRules, badProxies.Code);
        Assert.Equal(CommitteeErrors.InvalidCode, badCode.Code);
        Assert.Contains(new SpaceRef(SpaceKind.Committee, created.Id), children);
    }

    [Theory]
    [InlineData("Steering Committee", "SC")]
    [InlineData("Board", "BOARD")]
    [InlineData("Comité de pilotage élargi", "CDPE")]
    [InlineData("A", "CM")]
    [InlineData("one two three four five six seven eight nine ten eleven", "OTTFFSSENT")]
    public void DefaultCode_IsTheInitials(string name, string code) => Assert.Equal(code, CommitteeGrain.DefaultCode(name));

    [Fact]
    public void PruneSeats_AtTheLimit_DropsTheSeatsThatEndedFirst_AndNeverALiveOne()
    {
        var start = DateTimeOffset.UnixEpoch;
        SeatRecord Seat(SeatStatus status, int day) => new() { SeatId = Guid.NewGuid(), Status = status, ChangedAt = start.AddDays(day) };
        List<SeatRecord> seats =
        [
            Seat(SeatStatus.Active, 0), Seat(SeatStatus.Vacant, 5), Seat(SeatStatus.Declined, 2), Seat(SeatStatus.Invited, 1), Seat(SeatStatus.SteppedDown, 3),
        ];
        var live = seats.Where(s => s.Live).ToList();

        CommitteeGrain.PruneSeats(seats, max: 4);
        var afterOne = seats.ToList();
        CommitteeGrain.PruneSeats(seats, max: 2);

        Assert.Equal(4 - 1, afterOne.Count);
        Assert.DoesNotContain(afterOne, s => s.Status == SeatStatus.Declined);
        Assert.Equal(live, seats);
    }

    [Fact]
    public async Task Offices_HeldByPeopleOfTheCommittee_RunMeetings()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        await world.ActiveSeatAsync();
        var stranger = await TestData.PersonAsync(_grains, "Stranger");
        var representative = world.Representative.PersonId!.Value;

        var strangerChair = await Assert.ThrowsAsync<RejectedException>(() =>
            world.Committee.SetOfficesAsync(world.Coordinator, new CommitteeOffices(stranger.PersonId, [], null)));
        var byRepresentative = await Assert.ThrowsAsync<ForbiddenException>(() =>
            world.Committee.SetOfficesAsync(world.Representative, new CommitteeOffices(representative, [], null)));
        var details = await world.Committee.SetOfficesAsync(world.Coordinator,
            new CommitteeOffices(representative, [world.Alternate.PersonId!.Value], world.Coordinator.PersonId));
        var chair = await world.Committee.GetStandingAsync(world.Representative);
        var coChair = await world.Committee.GetStandingAsync(world.Alternate);
        var secretary = await world.Committee.GetStandingAsync(world.Coordinator);

        Assert.Equal(CommitteeErrors.NotInCommittee, strangerChair.Code);
        Assert.Equal(ErrorCodes.NotCoordinator, byRepresentative.Code);
        Assert.Equal(2, details.Version);
        Assert.Equal((true, false), (chair.Chair, chair.Secretary));
        Assert.True(coChair.Chair);
        Assert.True(secretary is { Secretary: true, RunsMeetings: true });
    }

    [Fact]
    public async Task Meetings_AreAdoptedBySomeoneWhoRunsThem_AndTheListKeepsTheMostRecent()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        await world.ActiveSeatAsync();
        var start = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
        MeetingSummary Meeting(int day) => new(world.Committee.GetPrimaryKey(), Guid.CreateVersion7(), $"Meeting {day}", MeetingType.Regular, MeetingStatus.Scheduled, start.AddDays(day), null);

        var byRepresentative = await Assert.ThrowsAsync<ForbiddenException>(() => world.Committee.AdoptMeetingAsync(world.Representative, Meeting(0)));
        var meetings = Enumerable.Range(0, CommitteeLimits.MeetingsKept + 1).Select(Meeting).ToList();
        foreach (var meeting in meetings)
        {
            await world.Committee.AdoptMeetingAsync(world.Coordinator, meeting);
        }

        await world.Committee.MeetingChangedAsync(meetings[^1] with { Status = MeetingStatus.InProgress });
        var listed = await world.Committee.GetMeetingsAsync(world.Representative);

        Assert.Equal(CommitteeErrors.NotSecretary, byRepresentative.Code);
        Assert.Equal(CommitteeLimits.MeetingsKept, listed.Count);
        Assert.DoesNotContain(meetings[0].MeetingId, listed.Select(m => m.MeetingId));
        Assert.Equal(meetings[^1] with { Status = MeetingStatus.InProgress }, listed[0]);
    }

    [Fact]
    public async Task PersonData_NamesTheSeat_AndErasureTakesThePersonOffIt()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        var seat = await world.ActiveSeatAsync();
        var representative = world.Representative.PersonId!.Value;
        var spaces = await _grains.GetGrain<IPersonGrain>(representative).GetSpacesAsync();

        var data = await world.Committee.GetPersonDataAsync(representative);
        await world.Committee.ErasePersonAsync(representative, Guid.NewGuid());
        var after = Assert.Single(await world.Committee.GetSeatsAsync(world.Coordinator));

        Assert.Contains(new PersonSpace(new SpaceRef(SpaceKind.Committee, world.Committee.GetPrimaryKey()), SpaceRole.Member), spaces);
        Assert.Equal([$"representative of seat {seat.SeatId} (Red Sahel, Active)"], data?.Positions);
        Assert.Null(after.Representative);
        Assert.Equal(world.Alternate.PersonId, after.Alternate);
    }
}

[Collection(nameof(ClockCollection))]
public sealed class CommitteeTermTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Term_ThatEnds_LeavesTheSeatVacantByTheReminder()
    {
        var world = await CommitteeWorld.BuildAsync(_grains);
        var seat = await world.ActiveSeatAsync(termEnd: ClusterFixture.Clock.GetUtcNow().AddDays(30));
        var reminder = world.Committee.AsReference<IRemindable>();

        // The tick as the reminder service delivers it; the grain decides by the (fake) clock which terms have ended.
#pragma warning disable xUnit1051

        await reminder.ReceiveReminder("committee-terms", default);
        var early = await world.Committee.GetSeatsAsync(world.Coordinator);
        ClusterFixture.Clock.Advance(TimeSpan.FromDays(31));
        await reminder.ReceiveReminder("committee-terms", default);
#pragma warning restore xUnit1051
        var seats = await world.Committee.GetSeatsAsync(world.Coordinator);
        var standing = await Assert.ThrowsAsync<NotFoundException>(() => world.Committee.GetStandingAsync(world.Representative));
        var audit = (await world.Committee.GetAuditAsync(world.Coordinator, null, 100)).Entries;

        Assert.Equal(SeatStatus.Active, Assert.Single(early).Status);
        Assert.Equal(SeatStatus.Vacant, Assert.Single(seats).Status);
        Assert.Equal(ErrorCodes.SpaceNotFound, standing.Code);
        var line = audit[^1];
        Assert.Equal((CommitteeAuditActions.SeatTermEnded, seat.SeatId, null), (line.Action, line.SubjectId, line.ActorPersonId));
    }
}
