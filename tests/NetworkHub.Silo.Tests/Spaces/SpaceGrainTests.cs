using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;

namespace NetworkHub.Silo.Tests.Spaces;

public sealed class SpaceGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AcceptInvitationAsync_Twice_SecondIsConflict()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var invitation = await coalition.InviteAsync(coordinator, new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(3), "welcome"));
        var token = TestData.Token(invitation);
        var first = await TestData.PersonAsync(_grains);
        var second = await TestData.PersonAsync(_grains);

        var access = await coalition.AcceptInvitationAsync(first, token.InvitationId, token.Secret);
        var error = await Assert.ThrowsAsync<ConflictException>(() => coalition.AcceptInvitationAsync(second, token.InvitationId, token.Secret));

        Assert.Equal(SpaceRole.Member, access.Role);
        Assert.Equal(ErrorCodes.InvitationUsed, error.Code);
    }

    [Fact]
    public async Task AcceptInvitationAsync_WrongSecret_IsNotFound()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var invitation = await coalition.InviteAsync(coordinator, new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(3), null));
        var person = await TestData.PersonAsync(_grains);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => coalition.AcceptInvitationAsync(person, invitation.InvitationId, "not-the-secret-at-all"));

        Assert.Equal(ErrorCodes.InvitationNotFound, error.Code);
    }

    [Fact]
    public async Task GetAccessAsync_PrivateSpace_IsNotFoundForOutsiderAndVisibleToMember()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains, Visibility.Private);
        var outsider = await TestData.PersonAsync(_grains);
        var member = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Observer);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => coalition.GetAccessAsync(outsider));
        var access = await coalition.GetAccessAsync(member);

        Assert.Equal(ErrorCodes.SpaceNotFound, error.Code);
        Assert.Equal(SpaceRole.Observer, access.Role);
    }

    [Fact]
    public async Task LeaveAsync_LastCoordinator_IsConflictUntilAnotherIsAppointed()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var member = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Member);

        var error = await Assert.ThrowsAsync<ConflictException>(() => coalition.LeaveAsync(coordinator));
        await coalition.ChangeRoleAsync(coordinator, member.PersonId!.Value, SpaceRole.Coordinator);
        await coalition.LeaveAsync(coordinator);

        Assert.Equal(ErrorCodes.LastCoordinator, error.Code);
        var members = await coalition.GetMembersAsync(member);
        Assert.Equal([member.PersonId.Value], members.Select(m => m.PersonId));
    }

    [Fact]
    public async Task Membership_IsTrackedOnThePerson()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var member = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Member);
        var person = _grains.GetGrain<IPersonGrain>(member.PersonId!.Value);

        var whileMember = await person.GetSpacesAsync();
        await coalition.RemoveMemberAsync(coordinator, member.PersonId.Value);
        var afterRemoval = await person.GetSpacesAsync();

        Assert.Contains(whileMember, s => s.Space.Id == coalition.GetPrimaryKey() && s.Role == SpaceRole.Member);
        Assert.DoesNotContain(afterRemoval, s => s.Space.Id == coalition.GetPrimaryKey());
    }

    [Fact]
    public async Task GetAuditAsync_RecordsWhoDidWhatInOrder()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var member = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Member);
        await coalition.ChangeRoleAsync(coordinator, member.PersonId!.Value, SpaceRole.Observer);
        await coalition.UpdateAsync(coordinator, TestData.Coalition() with { Name = "Renamed" }, expectedVersion: 1);

        var audit = await coalition.GetAuditAsync(coordinator, after: null, limit: 100);

        Assert.Equal(
            [AuditActions.Created, AuditActions.Invited, AuditActions.MemberJoined, AuditActions.RoleChanged, AuditActions.Updated],
            audit.Entries.Select(e => e.Action));
        Assert.Equal([1L, 2, 3, 4, 5], audit.Entries.Select(e => e.Sequence));
        Assert.Equal(member.PersonId, audit.Entries[3].SubjectId);
        Assert.Equal(coordinator.PersonId, audit.Entries[3].ActorPersonId);
        await Assert.ThrowsAsync<ForbiddenException>(() => coalition.GetAuditAsync(member, null, 10));
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_FailsAndKeepsState()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        await coalition.UpdateAsync(coordinator, TestData.Coalition() with { Name = "First" }, expectedVersion: 1);

        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            coalition.UpdateAsync(coordinator, TestData.Coalition() with { Name = "Second" }, expectedVersion: 1));

        Assert.Equal(ErrorCodes.VersionMismatch, error.Code);
        var current = await coalition.GetAsync(coordinator);
        Assert.Equal(("First", 2), (current.Name, current.Version));
    }

    [Fact]
    public async Task JoinRequest_ApprovedByCoordinator_MakesMember()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains, Visibility.Public);
        var applicant = await TestData.PersonAsync(_grains, "Applicant", pseudonym: "Fox");

        await coalition.RequestToJoinAsync(applicant, "We work on land rights");
        var requests = await coalition.GetJoinRequestsAsync(coordinator);
        await coalition.DecideJoinRequestAsync(coordinator, applicant.PersonId!.Value, approve: true);

        var request = Assert.Single(requests);
        Assert.Equal("Fox", request.Name);
        Assert.Equal(SpaceRole.Member, (await coalition.GetAccessAsync(applicant)).Role);
        Assert.Empty(await coalition.GetJoinRequestsAsync(coordinator));
    }

    [Fact]
    public async Task GetMembersAsync_ShowsRealNamesToFellowMembersAndPseudonymsToOthers()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains, Visibility.Public);
        var defender = await TestData.PersonAsync(_grains, "Real Name", pseudonym: "Heron");
        var invitation = await coalition.InviteAsync(coordinator, new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(1), null));
        var token = TestData.Token(invitation);
        await coalition.AcceptInvitationAsync(defender, token.InvitationId, token.Secret);
        var outsider = await TestData.PersonAsync(_grains);

        var toFellow = await coalition.GetMembersAsync(coordinator);
        var toOutsider = await coalition.GetMembersAsync(outsider);

        Assert.Equal("Real Name", toFellow.Single(m => m.PersonId == defender.PersonId).Name);
        Assert.Equal("Heron", toOutsider.Single(m => m.PersonId == defender.PersonId).Name);
        await Assert.ThrowsAsync<ForbiddenException>(() => coalition.GetMembersAsync(Caller.Anonymous));
    }

    [Fact]
    public async Task WorkingGroup_MoreVisibleThanParent_IsRejectedAndNotAdopted()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains, Visibility.Private);
        var group = _grains.GetGrain<IWorkingGroupGrain>(Guid.CreateVersion7());

        var error = await Assert.ThrowsAsync<RejectedException>(() =>
            group.CreateAsync(coordinator, new SpaceRef(SpaceKind.Coalition, coalition.GetPrimaryKey()), new WorkingGroupProfile("Legal", null, Visibility.Public)));

        Assert.Equal(ErrorCodes.VisibilityWiderThanParent, error.Code);
        Assert.Empty(await coalition.GetChildrenAsync(coordinator));
    }

    [Fact]
    public async Task WorkingGroup_ObserverOfParent_IsForbidden_MemberMayCreate()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var observer = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Observer);
        var member = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Member);
        var parent = new SpaceRef(SpaceKind.Coalition, coalition.GetPrimaryKey());
        var profile = new WorkingGroupProfile("Chapter 3 feedback", "Comments on the draft plan", Visibility.MembersOnly);

        await Assert.ThrowsAsync<ForbiddenException>(() => _grains.GetGrain<IWorkingGroupGrain>(Guid.CreateVersion7()).CreateAsync(observer, parent, profile));
        var created = await _grains.GetGrain<IWorkingGroupGrain>(Guid.CreateVersion7()).CreateAsync(member, parent, profile);

        Assert.Equal(SpaceRole.Coordinator, created.YourRole);
        Assert.Equal([created.Id], (await coalition.GetChildrenAsync(member)).Select(c => c.Id));
    }
}
