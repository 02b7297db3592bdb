using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// Roles, invitations, join requests and the audit log, shared by every kind of space. Each method checks
/// the caller, changes the state, writes it (with its audit line), and only then tells anyone else.
/// </summary>
public abstract class SpaceGrain<TState>(IPersistentState<TState> state, TimeProvider clock, ILogger logger)
    : Grain, ISpaceGrain where TState : SpaceState, new()
{
    protected abstract SpaceKind Kind { get; }

    protected TState State => state.State;

    protected SpaceRef Ref => new(Kind, this.GetPrimaryKey());

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected ILogger Logger => logger;

    /// <summary>What an organisation's API key may do here; none unless a space says otherwise.</summary>
    protected virtual SpaceRole? KeyRole(Guid organisationId) => null;

    /// <summary>Called after every persisted change of the profile, e.g. to update the directory.</summary>
    protected virtual Task PublishAsync() => Task.CompletedTask;

    protected SpaceRole? RoleOf(Caller caller) => caller switch
    {
        { PersonId: { } person } => State.FindMember(person)?.Role,
        { KeyOrganisationId: { } organisation } => KeyRole(organisation),
        _ => null,
    };

    protected bool IsVisibleTo(Caller caller) => State.Exists && State.Visibility switch
    {
        Visibility.Public => true,
        Visibility.MembersOnly => !caller.IsAnonymous,
        _ => RoleOf(caller) is not null,
    };

    protected bool CanSeeInside(Caller caller) => State.Visibility == Visibility.Public || RoleOf(caller) is not null;

    protected void RequireVisible(Caller caller)
    {
        if (!IsVisibleTo(caller))
        {
            throw new NotFoundException(ErrorCodes.SpaceNotFound, $"No {Kind} with id {this.GetPrimaryKey()}.");
        }
    }

    protected static Guid RequirePerson(Caller caller) => caller.RequirePerson();

    /// <summary>The caller's person id, when they hold at least <paramref name="minimum"/>.</summary>
    protected Guid RequireRole(Caller caller, SpaceRole minimum)
    {
        RequireVisible(caller);
        var person = RequirePerson(caller);
        if (RoleOf(caller) is not { } role || role < minimum)
        {
            throw minimum == SpaceRole.Coordinator
                ? new ForbiddenException(ErrorCodes.NotCoordinator, $"Only coordinators of this {Kind} can do this.")
                : new ForbiddenException(ErrorCodes.NotMember, $"Only members of this {Kind} can do this.");
        }

        return person;
    }

    protected void Audit(Caller caller, string action, Guid? subject = null, string? detail = null) =>
        AuditLog.Append(State.Audit, Now, caller, action, subject, detail);

    /// <summary>
    /// Writes the state. If the write fails the in-memory state holds a change the database does not, so the
    /// activation is dropped and the next call starts again from what was stored.
    /// </summary>
    protected async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Creates the space with the caller as its first coordinator. Repeating a create by the same person is a no-op,
    /// so a client may retry with the same id.</summary>
    protected async Task CreateCoreAsync(Caller caller, string name, Visibility visibility, SpaceRef? parent, Action<TState> apply)
    {
        var person = RequirePerson(caller);
        if (State.Exists)
        {
            if (State.CreatedBy == person)
            {
                return;
            }

            throw new ConflictException(ErrorCodes.SpaceExists, $"A {Kind} with id {this.GetPrimaryKey()} already exists.");
        }

        State.Exists = true;
        State.Name = name;
        State.Visibility = visibility;
        State.Parent = parent;
        State.Version = 1;
        State.CreatedAt = State.UpdatedAt = Now;
        State.CreatedBy = person;
        State.Members.Add(new MemberRecord { PersonId = person, Role = SpaceRole.Coordinator, Since = Now });
        apply(State);
        Audit(caller, AuditActions.Created);
        await SaveAsync();
        SpaceLog.Created(logger, Ref, person);
        await TrackAsync(person, SpaceRole.Coordinator);
        await PublishAsync();
    }

    /// <summary>Coordinators change the profile; <paramref name="allowOwnKey"/> also admits the organisation's read-write key.</summary>
    protected async Task UpdateCoreAsync(Caller caller, int? expectedVersion, string name, Visibility visibility, Action<TState> apply, bool allowOwnKey = false)
    {
        RequireVisible(caller);
        if (caller.IsApiKey && allowOwnKey && KeyRole(caller.KeyOrganisationId!.Value) is not null)
        {
            if (caller.KeyScope != ApiKeyScope.ReadWrite)
            {
                throw new ForbiddenException(ErrorCodes.ReadOnlyKey, "This API key may only read.");
            }
        }
        else
        {
            RequireRole(caller, SpaceRole.Coordinator);
        }

        if (expectedVersion is { } expected && expected != State.Version)
        {
            throw new PreconditionFailedException(ErrorCodes.VersionMismatch,
                $"The {Kind} changed since version {expected}; it is now at version {State.Version}.");
        }

        var narrower = visibility > State.Visibility;
        State.Name = name;
        State.Visibility = visibility;
        apply(State);
        State.Version++;
        State.UpdatedAt = Now;
        Audit(caller, AuditActions.Updated, detail: $"version {State.Version}");
        await SaveAsync();
        if (narrower)
        {
            await AccessChangedAsync(null);
        }

        await PublishAsync();
    }

    public Task<SpaceAccess> GetAccessAsync(Caller caller)
    {
        RequireVisible(caller);
        return Task.FromResult(new SpaceAccess(Ref, State.Visibility, RoleOf(caller), CanSeeInside(caller)));
    }

    public Task<SpaceSummary> GetSummaryAsync(Caller caller)
    {
        RequireVisible(caller);
        return Task.FromResult(new SpaceSummary(Ref, State.Name, State.Visibility, RoleOf(caller), State.Parent));
    }

    public Task<IReadOnlyList<SpaceRef>> GetChildrenAsync(Caller caller)
    {
        RequireVisible(caller);
        IReadOnlyList<SpaceRef> children = CanSeeInside(caller) ? [.. State.Children] : [];
        return Task.FromResult(children);
    }

    public async Task<Visibility> AdoptChildAsync(Caller caller, SpaceRef child, SpaceRole required)
    {
        RequireRole(caller, required);
        if (!State.Children.Contains(child))
        {
            State.Children.Add(child);
            Audit(caller, AuditActions.ChildCreated, child.Id, child.Kind.ToString());
            await SaveAsync();
        }

        return State.Visibility;
    }

    public async Task<IReadOnlyList<SpaceMember>> GetMembersAsync(Caller caller)
    {
        RequireVisible(caller);
        var role = RoleOf(caller);
        if (role is null && (State.Visibility != Visibility.Public || caller.IsAnonymous))
        {
            throw new ForbiddenException(ErrorCodes.MembersHidden, $"Only members see who belongs to this {Kind}.");
        }

        // Real names are for fellow members; everyone else sees pseudonyms where people chose one.
        var fellow = caller.PersonId is not null && role is not null;
        var names = await Task.WhenAll(State.Members.Select(m => NameOf(m.PersonId, fellow)));
        return [.. State.Members.Select((m, i) => new SpaceMember(m.PersonId, names[i], m.Role, m.Since))];
    }

    public async Task<InvitationCreated> InviteAsync(Caller caller, InviteCommand command)
    {
        var person = RequireRole(caller, SpaceRole.Coordinator);
        if (command.Lifetime <= TimeSpan.Zero || command.Lifetime > Limits.InvitationMaxLifetime)
        {
            throw new RejectedException(ErrorCodes.InvalidLifetime,
                $"An invitation lasts between a minute and {Limits.InvitationMaxLifetime.TotalDays} days.");
        }

        var secret = Secrets.New();
        var invitation = new InvitationRecord
        {
            Id = Guid.CreateVersion7(),
            SecretHash = Secrets.Hash(secret),
            Role = command.Role,
            CreatedAt = Now,
            ExpiresAt = Now + command.Lifetime,
            CreatedBy = person,
            Status = InvitationStatus.Open,
            Note = command.Note,
        };
        State.Invitations.Add(invitation);
        Audit(caller, AuditActions.Invited, invitation.Id, command.Role.ToString());
        await SaveAsync();
        var token = new InvitationToken(Ref, invitation.Id, secret).ToString();
        return new InvitationCreated(invitation.Id, token, invitation.Role, invitation.ExpiresAt);
    }

    public Task<IReadOnlyList<InvitationSummary>> GetInvitationsAsync(Caller caller)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        IReadOnlyList<InvitationSummary> invitations = [.. State.Invitations.Select(i => new InvitationSummary(
            i.Id, i.Role, i.StatusAt(Now), i.CreatedAt, i.ExpiresAt, i.CreatedBy, i.UsedBy, i.Note))];
        return Task.FromResult(invitations);
    }

    public async Task RevokeInvitationAsync(Caller caller, Guid invitationId)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        var invitation = State.Invitations.Find(i => i.Id == invitationId)
            ?? throw new NotFoundException(ErrorCodes.InvitationNotFound, "No such invitation.");
        if (invitation.StatusAt(Now) == InvitationStatus.Open)
        {
            invitation.Status = InvitationStatus.Revoked;
            Audit(caller, AuditActions.InvitationRevoked, invitationId);
            await SaveAsync();
        }
    }

    public Task<InvitationPreview> PreviewInvitationAsync(Guid invitationId, string secret)
    {
        var invitation = UsableInvitation(invitationId, secret);
        return Task.FromResult(new InvitationPreview(Ref, State.Name, invitation.Role, invitation.ExpiresAt));
    }

    public async Task<SpaceAccess> AcceptInvitationAsync(Caller caller, Guid invitationId, string secret)
    {
        var person = RequirePerson(caller);
        var invitation = UsableInvitation(invitationId, secret);
        invitation.Status = InvitationStatus.Accepted;
        invitation.UsedBy = person;
        State.JoinRequests.RemoveAll(r => r.PersonId == person);
        var member = State.FindMember(person);
        if (member is null)
        {
            member = new MemberRecord { PersonId = person, Role = invitation.Role, Since = Now };
            State.Members.Add(member);
        }
        else if (member.Role < invitation.Role)
        {
            member.Role = invitation.Role;
        }

        Audit(caller, AuditActions.MemberJoined, person, $"invitation {invitationId}, role {member.Role}");
        await SaveAsync();
        await TrackAsync(person, member.Role);
        return new SpaceAccess(Ref, State.Visibility, member.Role, true);
    }

    public async Task DeclineInvitationAsync(Guid invitationId, string secret)
    {
        var invitation = UsableInvitation(invitationId, secret);
        invitation.Status = InvitationStatus.Declined;
        Audit(Caller.Anonymous, AuditActions.InvitationDeclined, invitationId);
        await SaveAsync();
    }

    public async Task RequestToJoinAsync(Caller caller, string? message)
    {
        RequireVisible(caller);
        var person = RequirePerson(caller);
        if (State.FindMember(person) is not null)
        {
            throw new ConflictException(ErrorCodes.AlreadyMember, $"You already belong to this {Kind}.");
        }

        if (State.JoinRequests.Exists(r => r.PersonId == person))
        {
            throw new ConflictException(ErrorCodes.JoinRequestPending, "Your request to join is waiting for a coordinator.");
        }

        State.JoinRequests.Add(new JoinRequestRecord { PersonId = person, Message = message, RequestedAt = Now });
        Audit(caller, AuditActions.JoinRequested, person);
        await SaveAsync();
    }

    public async Task<IReadOnlyList<JoinRequestSummary>> GetJoinRequestsAsync(Caller caller)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        var names = await Task.WhenAll(State.JoinRequests.Select(r => NameOf(r.PersonId, fellow: false)));
        return [.. State.JoinRequests.Select((r, i) => new JoinRequestSummary(r.PersonId, names[i], r.Message, r.RequestedAt))];
    }

    public async Task DecideJoinRequestAsync(Caller caller, Guid personId, bool approve)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        var request = State.JoinRequests.Find(r => r.PersonId == personId)
            ?? throw new NotFoundException(ErrorCodes.JoinRequestNotFound, "No pending request to join from that person.");
        State.JoinRequests.Remove(request);
        if (approve)
        {
            State.Members.Add(new MemberRecord { PersonId = personId, Role = SpaceRole.Member, Since = Now });
            Audit(caller, AuditActions.MemberJoined, personId, "join request approved");
        }
        else
        {
            Audit(caller, AuditActions.JoinRejected, personId);
        }

        await SaveAsync();
        if (approve)
        {
            await TrackAsync(personId, SpaceRole.Member);
        }
    }

    public async Task LeaveAsync(Caller caller)
    {
        var person = RequirePerson(caller);
        var member = State.FindMember(person)
            ?? throw new ConflictException(ErrorCodes.NotMember, $"You do not belong to this {Kind}.");
        EnsureNotLastCoordinator(member);
        State.Members.Remove(member);
        Audit(caller, AuditActions.MemberLeft, person);
        await SaveAsync();
        await AccessChangedAsync(person);
        await TrackAsync(person, null);
    }

    public async Task RemoveMemberAsync(Caller caller, Guid personId)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        var member = RequireMember(personId);
        EnsureNotLastCoordinator(member);
        State.Members.Remove(member);
        Audit(caller, AuditActions.MemberRemoved, personId);
        await SaveAsync();
        await AccessChangedAsync(personId);
        await TrackAsync(personId, null);
    }

    public async Task ChangeRoleAsync(Caller caller, Guid personId, SpaceRole role)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        var member = RequireMember(personId);
        if (member.Role == role)
        {
            return;
        }

        if (role < SpaceRole.Coordinator)
        {
            EnsureNotLastCoordinator(member);
        }

        Audit(caller, AuditActions.RoleChanged, personId, $"{member.Role} -> {role}");
        member.Role = role;
        await SaveAsync();
        await AccessChangedAsync(personId);
        await TrackAsync(personId, role);
    }

    public Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        return Task.FromResult(AuditLog.Page(State.Audit, after, limit));
    }

    private InvitationRecord UsableInvitation(Guid invitationId, string secret)
    {
        var invitation = State.Exists ? State.Invitations.Find(i => i.Id == invitationId) : null;
        if (invitation is null || !Secrets.Matches(secret, invitation.SecretHash))
        {
            throw new NotFoundException(ErrorCodes.InvitationNotFound, "This invitation does not exist.");
        }

        return invitation.StatusAt(Now) switch
        {
            InvitationStatus.Open => invitation,
            InvitationStatus.Expired => throw new RejectedException(ErrorCodes.InvitationExpired, "This invitation has expired."),
            _ => throw new ConflictException(ErrorCodes.InvitationUsed, "This invitation has already been used or withdrawn."),
        };
    }

    private MemberRecord RequireMember(Guid personId) => State.FindMember(personId)
        ?? throw new NotFoundException(ErrorCodes.NotMember, $"That person does not belong to this {Kind}.");

    private void EnsureNotLastCoordinator(MemberRecord member)
    {
        if (member.Role == SpaceRole.Coordinator && State.CoordinatorCount == 1)
        {
            throw new ConflictException(ErrorCodes.LastCoordinator,
                $"The last coordinator cannot leave; make someone else coordinator of this {Kind} first.");
        }
    }

    private Task<string> NameOf(Guid personId, bool fellow) =>
        GrainFactory.GetGrain<IPersonGrain>(personId).GetNameAsync(fellow);

    /// <summary>
    /// A forum's live sessions check again who may stay, before the change returns. They ask this grain for each
    /// person, while it waits on them, hence call-chain reentrancy (only for this call chain).
    /// </summary>
    private async Task AccessChangedAsync(Guid? personId)
    {
        if (Kind == SpaceKind.Forum)
        {
            using var reentrant = RequestContext.AllowCallChainReentrancy();
            await GrainFactory.GetGrain<IForumSessionsGrain>(this.GetPrimaryKey()).AccessChangedAsync(personId);
        }
    }

    private async Task TrackAsync(Guid personId, SpaceRole? role)
    {
        await GrainFactory.GetGrain<IPersonGrain>(personId).TrackSpaceAsync(Ref, role);
        SpaceLog.RoleChanged(logger, Ref, personId, role);
    }
}
