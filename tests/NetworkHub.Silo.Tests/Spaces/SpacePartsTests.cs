using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Tests.Spaces;

/// <summary>The parts every space holds, without a cluster.</summary>
public sealed class SpacePartsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Roster_LastCoordinator_CannotLeaveOrStepDownUntilAnotherIsAppointed()
    {
        List<MemberRecord> members = [];
        var roster = new Roster(members, SpaceKind.Coalition);
        var first = roster.Join(Guid.NewGuid(), SpaceRole.Coordinator, Now);
        var second = roster.Join(Guid.NewGuid(), SpaceRole.Member, Now);

        Assert.Equal(ErrorCodes.LastCoordinator, Assert.Throws<ConflictException>(() => roster.Remove(first)).Code);
        Assert.Equal(ErrorCodes.LastCoordinator, Assert.Throws<ConflictException>(() => roster.ChangeRole(first.PersonId, SpaceRole.Member)).Code);
        Assert.True(roster.ChangeRole(second.PersonId, SpaceRole.Coordinator));
        roster.Remove(first);

        Assert.Equal([second.PersonId], members.Select(m => m.PersonId));
        Assert.False(roster.ChangeRole(second.PersonId, SpaceRole.Coordinator));
        Assert.Equal(ErrorCodes.NotMember, Assert.Throws<NotFoundException>(() => roster.Require(first.PersonId)).Code);
    }

    [Fact]
    public void Roster_JoinAgainWithALowerRole_KeepsTheHigherOne()
    {
        var roster = new Roster([], SpaceKind.Forum);
        var person = Guid.NewGuid();

        roster.Join(person, SpaceRole.Member, Now);
        roster.Join(person, SpaceRole.Observer, Now);

        Assert.Equal(SpaceRole.Member, roster.RoleOf(person));
    }

    [Fact]
    public void Invitations_ManyUsedAndExpired_ArePrunedToTheMostRecentClosedOnes()
    {
        List<InvitationRecord> list = [];
        var invitations = new Invitations(list);
        for (var i = 0; i < 120; i++)
        {
            var invitation = invitations.Create(Secrets.Hash($"secret-{i}"), new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(1), null), Guid.NewGuid(), Now.AddMinutes(i));
            if (i % 2 == 0)
            {
                invitation.Status = InvitationStatus.Accepted;
            }
        }

        // Two days on, every one of them is closed: the open ones have expired.
        invitations.Create(Secrets.Hash("fresh"), new InviteCommand(SpaceRole.Observer, TimeSpan.FromDays(1), null), Guid.NewGuid(), Now.AddDays(2));

        Assert.Equal(Invitations.ClosedKept + 1, list.Count);
        Assert.Single(list, i => i.StatusAt(Now.AddDays(2)) == InvitationStatus.Open);
        Assert.Equal(Now.AddMinutes(70), list.Where(i => i.Role == SpaceRole.Member).Min(i => i.CreatedAt));
    }

    [Fact]
    public void Invitations_OpenOnesAreCapped()
    {
        var invitations = new Invitations([]);
        var command = new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(7), null);
        for (var i = 0; i < Invitations.OpenMax; i++)
        {
            invitations.Create(Secrets.Hash($"s{i}"), command, Guid.NewGuid(), Now);
        }

        var error = Assert.Throws<ConflictException>(() => invitations.Create(Secrets.Hash("one more"), command, Guid.NewGuid(), Now));

        Assert.Equal(ErrorCodes.TooManyInvitations, error.Code);
    }

    [Fact]
    public void Invitations_WrongSecretOrUsed_AreTold()
    {
        var invitations = new Invitations([]);
        var invitation = invitations.Create(Secrets.Hash("the secret"), new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(1), null), Guid.NewGuid(), Now);

        Assert.Equal(ErrorCodes.InvitationNotFound, Assert.Throws<NotFoundException>(() => invitations.Usable(invitation.Id, "not the secret", Now)).Code);
        Assert.Same(invitation, invitations.Usable(invitation.Id, "the secret", Now));
        Assert.Equal(ErrorCodes.InvitationExpired, Assert.Throws<RejectedException>(() => invitations.Usable(invitation.Id, "the secret", Now.AddDays(2))).Code);
        invitation.Status = InvitationStatus.Revoked;
        Assert.Equal(ErrorCodes.InvitationUsed, Assert.Throws<ConflictException>(() => invitations.Usable(invitation.Id, "the secret", Now)).Code);
    }

    [Fact]
    public void JoinRequests_OnePerPerson_TakenOnce()
    {
        var requests = new JoinRequests([], SpaceKind.Coalition);
        var person = Guid.NewGuid();

        requests.Add(person, "hola", Now);

        Assert.Equal(ErrorCodes.JoinRequestPending, Assert.Throws<ConflictException>(() => requests.Add(person, null, Now)).Code);
        Assert.Equal("hola", requests.Take(person).Message);
        Assert.Equal(ErrorCodes.JoinRequestNotFound, Assert.Throws<NotFoundException>(() => requests.Take(person)).Code);
    }

    [Theory]
    [InlineData(Visibility.Public, false, false, true, true)]
    [InlineData(Visibility.Public, true, false, true, true)]
    [InlineData(Visibility.MembersOnly, false, false, false, false)]
    [InlineData(Visibility.MembersOnly, true, false, true, false)]
    [InlineData(Visibility.MembersOnly, true, true, true, true)]
    [InlineData(Visibility.Private, true, false, false, false)]
    [InlineData(Visibility.Private, true, true, true, true)]
    public void AccessDecision_ByVisibilityAndRole(Visibility visibility, bool signedIn, bool hasRole, bool visible, bool seesInside)
    {
        var caller = signedIn ? Caller.Person(Guid.NewGuid()) : Caller.Anonymous;
        var decision = new AccessDecision(new SpaceRef(SpaceKind.Forum, Guid.NewGuid()), true, visibility, hasRole ? SpaceRole.Observer : null);

        Assert.Equal((visible, seesInside), (decision.Visible(caller), decision.SeesInside));
        if (!visible)
        {
            Assert.Equal(ErrorCodes.SpaceNotFound, Assert.Throws<NotFoundException>(() => decision.RequireRole(caller, SpaceRole.Observer)).Code);
        }
    }

    [Fact]
    public void AccessDecision_SpaceThatDoesNotExist_IsNotFoundEvenWhenPublic()
    {
        var decision = new AccessDecision(new SpaceRef(SpaceKind.Coalition, Guid.NewGuid()), false, Visibility.Public, null);

        Assert.Equal(ErrorCodes.SpaceNotFound, Assert.Throws<NotFoundException>(() => decision.RequireVisible(Caller.Anonymous)).Code);
    }

    [Theory]
    [InlineData(Visibility.Public)]
    [InlineData(Visibility.Private)]
    public void AccessDecision_SecondFactorMissing_ShowsTheSpaceButNothingInside(Visibility visibility)
    {
        var caller = Caller.Person(Guid.NewGuid());
        var decision = new AccessDecision(new SpaceRef(SpaceKind.Coalition, Guid.NewGuid()), true, visibility, SpaceRole.Coordinator) { SecondFactorMissing = true };

        decision.RequireVisible(caller);

        Assert.True(decision.Visible(caller));
        Assert.False(decision.SeesInside);
        Assert.False(decision.SeesMembers(caller));
        Assert.False(decision.ToAccess().CanSeeInside);
        Assert.Equal(ErrorCodes.TwoFactorRequired, Assert.Throws<ForbiddenException>(() => decision.RequireRole(caller, SpaceRole.Observer)).Code);
        Assert.Equal(ErrorCodes.TwoFactorRequired, Assert.Throws<ForbiddenException>(decision.RequireSecondFactor).Code);
    }

    [Fact]
    public void AuditLog_Overflow_IsWhatLiesBeyondTheWindow_AndNumberingGoesOn()
    {
        List<AuditEntry> log = [];
        for (var i = 0; i < AuditLog.MaxEntries + 100; i++)
        {
            AuditLog.Append(log, Now, Caller.Anonymous, AuditActions.Updated, null, null);
        }

        Assert.Equal(100, AuditLog.Overflow(log));
        log.RemoveRange(0, AuditLog.Overflow(log));
        AuditLog.Append(log, Now, Caller.Anonymous, AuditActions.Updated, null, null);

        Assert.Equal(101, AuditLog.WindowStart(log));
        Assert.Equal(AuditLog.MaxEntries + 101, log[^1].Sequence);
        Assert.Equal(1, AuditLog.Overflow(log));
    }

    [Fact]
    public void AuditLog_Page_ContinuesFromTheArchiveIntoTheWindow_TakingEachLineOnce()
    {
        // Lines 1-6 were archived; 5 and 6 are still in the window too (a write after the archive insert failed).
        var archived = Lines(1, 6);
        var window = Lines(5, 9);
        List<long> seen = [];
        long? after = null;
        do
        {
            var page = AuditLog.Page([.. archived.Where(e => e.Sequence > (after ?? 0)).Take(3)], window, after, 2);
            seen.AddRange(page.Entries.Select(e => e.Sequence));
            after = page.NextAfter;
        }
        while (after is not null);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], seen);
        Assert.Equal([8, 9], AuditLog.Page([], window, 7, 10).Entries.Select(e => e.Sequence));
        Assert.Null(AuditLog.Page([], window, 7, 10).NextAfter);
    }

    private static List<AuditEntry> Lines(long first, long last) =>
        [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(s => new AuditEntry(s, Now, null, null, AuditActions.Updated, null, null))];
}
