using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// What every space does with people, held by each space's grain (which passes the calls of <see cref="ISpaceGrain"/>
/// on to it): it wires the plain parts (<see cref="Roster"/>, <see cref="Invitations"/>, <see cref="JoinRequests"/>,
/// <see cref="AuditLog"/>, <see cref="AccessDecision"/>, <see cref="Outbox"/>) to the grain's state. Each method
/// checks the caller, changes the state, and writes it with its audit line and its effects on other grains; the
/// effects are delivered right after the write, retried by a timer, and by a reminder after a crash.
/// </summary>
public sealed class Space<TState>(IGrainBase grain, IGrainFactory grains, IPersistentState<TState> state, TimeProvider clock, ILogger logger, SpaceKind kind)
    where TState : SpaceState, new()
{
    private const string OutboxReminder = "space-outbox";
    private static readonly TimeSpan OutboxReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);
    private const int TimerRetries = 10;

    private bool _reminderRegistered;
    private bool _storedOutboxStale;
    private IGrainTimer? _retryTimer;
    private int _retries;

    private SpaceKind Kind => kind;

    public TState State => state.State;

    public Guid Id => grain.GrainContext.GrainId.GetGuidKey();

    public SpaceRef Ref => new(Kind, Id);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Where the space's audit lines older than its window are kept.</summary>
    private AuditArchive Archive => grain.GrainContext.ActivationServices.GetRequiredService<AuditArchive>();

    /// <summary>The space's lines in the archive.</summary>
    private string AuditOwner => $"{Kind}/{Id}";

    /// <summary>What an organisation's API key may do here; none unless a space says otherwise.</summary>
    public Func<Guid, SpaceRole?> KeyRole { get; init; } = _ => null;

    /// <summary>Queues what every change of the profile causes elsewhere, e.g. the directory's entry.</summary>
    public Action Publish { get; init; } = () => { };

    /// <summary>Someone (or, for null, everyone) may have lost access: spaces with live sessions tell them.</summary>
    public Action<Guid?> AccessNarrowed { get; init; } = _ => { };

    /// <summary>
    /// The role a person holds here through something above the space rather than its roster: through a member
    /// organisation of a coalition, or as an observing coordinator of the parent coalition. At most member.
    /// </summary>
    public Func<Guid, Task<SpaceRole?>>? InheritedRole { get; init; }

    /// <summary>Someone's access changed above this space (see <see cref="ISpaceGrain.AccessChangedAboveAsync"/>).</summary>
    public Func<Guid?, Task>? AccessChangedAbove { get; init; }

    /// <summary>
    /// Someone (or, for null, everyone) may have lost access here: the kind's own hook, and the space's documents that
    /// someone watches live, through the outbox in the same write.
    /// </summary>
    public void NarrowAccess(Guid? personId)
    {
        AccessNarrowed(personId);
        Effect(new DocumentsAccessEffect(Id, personId));
    }

    /// <summary>The caller's role from the roster, or what an organisation's API key stands for; nothing inherited.</summary>
    private SpaceRole? DirectRoleOf(Caller caller) => caller switch
    {
        { PersonId: { } person } => Roster.RoleOf(person),
        { KeyOrganisationId: { } organisation } => KeyRole(organisation),
        _ => null,
    };

    /// <summary>The caller's role here: the higher of the roster's and an inherited one.</summary>
    public async Task<SpaceRole?> RoleOfAsync(Caller caller)
    {
        var direct = DirectRoleOf(caller);
        if (InheritedRole is null || caller.PersonId is not { } person || !State.Exists || direct >= SpaceRole.Member)
        {
            return direct;
        }

        var inherited = await InheritedRole(person);
        return inherited > direct || direct is null ? inherited : direct;
    }

    public async Task ActivateAsync()
    {
        // Spaces stored before the parent's visibility was kept learn it once from the parent.
        if (State.Exists && State.Parent is { } parent && State.ParentVisibility is null)
        {
            State.ParentVisibility = await grains.GetSpace(parent).GetVisibilityAsync();
        }

        // Whatever a crash left between a write and its delivery goes out now.
        if (State.Outbox.Count > 0)
        {
            _reminderRegistered = true;
            await DeliverOutboxAsync();
        }
    }

    public Roster Roster => new(State.Members, Kind);

    private Invitations Invitations => new(State.Invitations);

    private JoinRequests JoinRequests => new(State.JoinRequests, Kind);

    /// <summary>What this caller may see and do here, decided in one place for every kind of space.</summary>
    public async Task<AccessDecision> AccessAsync(Caller caller)
    {
        var role = await RoleOfAsync(caller);
        return new(Ref, State.Exists, State.EffectiveVisibility, role)
        {
            SecondFactorMissing = State.RequireTwoFactor && role is not null && caller is { PersonId: not null, SecondFactor: false },
        };
    }

    /// <summary>The caller's access, once they may see the space.</summary>
    public async Task<AccessDecision> RequireVisibleAsync(Caller caller)
    {
        var access = await AccessAsync(caller);
        access.RequireVisible(caller);
        return access;
    }

    /// <summary>The caller's person id, when they hold at least <paramref name="minimum"/>.</summary>
    public async Task<Guid> RequireRoleAsync(Caller caller, SpaceRole minimum) => (await AccessAsync(caller)).RequireRole(caller, minimum);

    /// <summary>Lists of what is inside (members, sessions, child spaces) say so when the caller may not see them, rather than answering empty.</summary>
    public async Task<AccessDecision> RequireInsideAsync(Caller caller, string what)
    {
        var access = await RequireVisibleAsync(caller);
        access.RequireSecondFactor();
        if (!access.SeesInside)
        {
            throw new ForbiddenException(ErrorCodes.ContentsHidden, $"Only members see the {what} of this {Kind}.");
        }

        return access;
    }

    public void Audit(Caller caller, string action, Guid? subject = null, string? detail = null) =>
        AuditLog.Append(State.Audit, Now, caller, action, subject, detail);

    /// <summary>Queues an effect on another grain; it is written with the next <see cref="SaveAsync"/> and delivered after it.</summary>
    public void Effect(SpaceEffect effect) => Outbox.Add(State.Outbox, effect);

    /// <summary>
    /// Writes the state with its outbox, then delivers the outbox. If the write fails the in-memory state holds a
    /// change the database does not, so the activation is dropped and the next call starts again from what was stored.
    /// A failed delivery does not fail the call: the change is stored, and the effect follows by retry.
    /// </summary>
    public async Task SaveAsync()
    {
        try
        {
            // The reminder exists before the effects are stored, so a crash right after the write still has them delivered.
            if (State.Outbox.Count > 0 && !_reminderRegistered)
            {
                await grain.RegisterOrUpdateReminder(OutboxReminder, OutboxReminderPeriod, OutboxReminderPeriod);
                _reminderRegistered = true;
            }

            // Audit lines leaving the window are archived before the write that drops them: never in neither place.
            await Archive.MoveOverflowAsync(AuditOwner, State.Audit);
            await state.WriteStateAsync();
            _storedOutboxStale = false;
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }

        grain.GrainContext.ActivationServices.GetRequiredService<CrashAfterSpaceWrite>().AfterWrite(Kind, State.Outbox.Count);
        await DeliverOutboxAsync();
    }

    /// <summary>
    /// Delivers what is pending. Delivered effects stay in the stored copy until the next write: delivering them
    /// again after a reactivation only sets their targets to what they already are.
    /// </summary>
    private async Task DeliverOutboxAsync()
    {
        if (State.Outbox.Count == 0)
        {
            return;
        }

        var pending = State.Outbox.Count;
        var failures = await Outbox.DeliverAsync(State.Outbox, grains, (effect, e) => SpaceLog.EffectFailed(logger, e, Ref, effect.Target));
        _storedOutboxStale |= failures < pending;
        if (failures > 0 && _retryTimer is null)
        {
            _retries = 0;
            _retryTimer = grain.RegisterGrainTimer(RetryOutboxAsync, RetryPeriod, RetryPeriod);
        }
    }

    private async Task RetryOutboxAsync(CancellationToken cancellationToken)
    {
        await DeliverOutboxAsync();
        if (State.Outbox.Count == 0 || ++_retries >= TimerRetries)
        {
            // Beyond a few quick retries the reminder takes over.
            _retryTimer?.Dispose();
            _retryTimer = null;
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OutboxReminder)
        {
            return;
        }

        await DeliverOutboxAsync();
        if (State.Outbox.Count == 0)
        {
            if (_storedOutboxStale)
            {
                await state.WriteStateAsync();
                _storedOutboxStale = false;
            }

            if (await grain.GetReminder(OutboxReminder) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }

            _reminderRegistered = false;
        }
    }

    /// <summary>Creates the space with the caller as its first coordinator. Repeating a create by the same person is a no-op,
    /// so a client may retry with the same id.</summary>
    public async Task CreateCoreAsync(Caller caller, string name, Visibility visibility, SpaceRef? parent, Visibility? parentVisibility, Action<TState> apply, bool? requireTwoFactor = null)
    {
        var person = caller.RequirePerson();
        if (State.Exists)
        {
            // A creator who was removed is an outsider like any other: the space must not reappear for them.
            await RequireVisibleAsync(caller);
            if (State.CreatedBy == person)
            {
                // A retry after a lost answer: the follow-ups of the first call go out if they have not yet.
                await DeliverOutboxAsync();
                return;
            }

            throw new ConflictException(ErrorCodes.SpaceExists, $"A {Kind} with id {Id} already exists.");
        }

        State.Exists = true;
        State.Name = name;
        State.Visibility = visibility;
        State.Parent = parent;
        State.ParentVisibility = parentVisibility;
        State.Version = 1;
        State.CreatedAt = State.UpdatedAt = Now;
        State.CreatedBy = person;
        if (requireTwoFactor == true)
        {
            RequireOwnSecondFactor(caller);
            State.RequireTwoFactor = true;
        }

        Roster.Join(person, SpaceRole.Coordinator, Now);
        apply(State);
        Audit(caller, AuditActions.Created);
        Track(person, SpaceRole.Coordinator);
        Publish();
        await SaveAsync();
        SpaceLog.Created(logger, Ref, person);
    }

    /// <summary>Coordinators change the profile; <paramref name="allowOwnKey"/> also admits the organisation's read-write key.</summary>
    public async Task UpdateCoreAsync(Caller caller, int? expectedVersion, string name, Visibility visibility, Action<TState> apply, bool allowOwnKey = false,
        bool? requireTwoFactor = null)
    {
        var access = await RequireVisibleAsync(caller);
        if (caller.IsApiKey && allowOwnKey && KeyRole(caller.KeyOrganisationId!.Value) is not null)
        {
            access.RequireWritingKey(caller);
        }
        else
        {
            access.RequireRole(caller, SpaceRole.Coordinator);
        }

        if (expectedVersion is { } expected && expected != State.Version)
        {
            throw new PreconditionFailedException(ErrorCodes.VersionMismatch,
                $"The {Kind} changed since version {expected}; it is now at version {State.Version}.");
        }

        if (State.Parent is { } parent)
        {
            // Asked afresh: a child must never be wider than its parent is now.
            State.ParentVisibility = await grains.GetSpace(parent).GetVisibilityAsync();
            if (visibility < State.ParentVisibility)
            {
                throw new RejectedException(ErrorCodes.VisibilityWiderThanParent,
                    $"A space inside a {State.ParentVisibility} {parent.Kind} cannot be {visibility}.");
            }
        }

        var turnsOnTwoFactor = requireTwoFactor == true && !State.RequireTwoFactor;
        if (requireTwoFactor is { } required && required != State.RequireTwoFactor)
        {
            RequireOwnSecondFactor(caller);
            State.RequireTwoFactor = required;
        }

        var before = State.EffectiveVisibility;
        State.Name = name;
        State.Visibility = visibility;
        apply(State);
        State.Version++;
        State.UpdatedAt = Now;
        Audit(caller, AuditActions.Updated, detail: $"version {State.Version}");
        Publish();
        VisibilityChanged(before);
        if (turnsOnTwoFactor)
        {
            // Open live connections of members who signed in without a second factor end now, like a narrower visibility.
            NarrowAccess(null);
        }

        await SaveAsync();
    }

    /// <summary>
    /// Changing the two-factor requirement takes a person whose own sign-in used a second factor: a coordinator turning it
    /// on without one would lock themselves out, and an API key has no sign-in to speak for.
    /// </summary>
    private static void RequireOwnSecondFactor(Caller caller)
    {
        if (!caller.SecondFactor)
        {
            throw new RejectedException(ErrorCodes.TwoFactorNeededToRequire,
                "Only a coordinator who signed in with two-factor sign-in can change this requirement. Turn it on under Security and sign in again.");
        }
    }

    /// <summary>Children follow this space's visibility; a narrower one also makes live sessions re-check everyone.</summary>
    private void VisibilityChanged(Visibility before)
    {
        if (State.EffectiveVisibility == before)
        {
            return;
        }

        foreach (var child in State.Children)
        {
            Effect(new ParentVisibilityEffect(child, State.EffectiveVisibility));
        }

        Effect(new DocumentsVisibilityEffect(Ref, State.EffectiveVisibility));

        if (State.EffectiveVisibility > before)
        {
            NarrowAccess(null);
        }
    }



    public Task<Visibility> GetVisibilityAsync() => Task.FromResult(State.EffectiveVisibility);

    public async Task ParentVisibilityChangedAsync(Visibility parentVisibility)
    {
        if (!State.Exists || State.ParentVisibility == parentVisibility)
        {
            return;
        }

        var before = State.EffectiveVisibility;
        State.ParentVisibility = parentVisibility;
        VisibilityChanged(before);
        await SaveAsync();
    }

    public async Task<SpaceAccess> GetAccessAsync(Caller caller)
    {
        // Live sessions and child spaces ask here, so a member without the required second factor gets 403 there too.
        var access = await RequireVisibleAsync(caller);
        access.RequireSecondFactor();
        return access.ToAccess();
    }

    public async Task<SpaceSummary> GetSummaryAsync(Caller caller)
    {
        var access = await RequireVisibleAsync(caller);
        return new SpaceSummary(Ref, State.Name, State.EffectiveVisibility, access.Role, State.Parent);
    }

    public async Task<IReadOnlyList<SpaceRef>> GetChildrenAsync(Caller caller)
    {
        await RequireInsideAsync(caller, "working groups and forums");
        return [.. State.Children];
    }

    public async Task<Visibility> AdoptChildAsync(Caller caller, SpaceRef child, SpaceRole required)
    {
        await RequireRoleAsync(caller, required);
        if (!State.Children.Contains(child))
        {
            State.Children.Add(child);
            Audit(caller, AuditActions.ChildCreated, child.Id, child.Kind.ToString());
            await SaveAsync();
        }

        return State.EffectiveVisibility;
    }

    public async Task<IReadOnlyList<SpaceMember>> GetMembersAsync(Caller caller)
    {
        var access = await RequireVisibleAsync(caller);
        access.RequireSecondFactor();
        if (!access.SeesMembers(caller))
        {
            throw new ForbiddenException(ErrorCodes.MembersHidden, $"Only members see who belongs to this {Kind}.");
        }

        // Real names are for fellow members; everyone else sees pseudonyms where people chose one.
        var fellow = caller.PersonId is not null && access.Role is not null;
        var names = await Task.WhenAll(State.Members.Select(m => NameOf(m.PersonId, fellow)));
        return [.. State.Members.Select((m, i) => new SpaceMember(m.PersonId, names[i], m.Role, m.Since))];
    }

    public async Task<InvitationCreated> InviteAsync(Caller caller, InviteCommand command)
    {
        var person = await RequireRoleAsync(caller, SpaceRole.Coordinator);
        var secret = Secrets.New();
        var invitation = Invitations.Create(Secrets.Hash(secret), command, person, Now);
        Audit(caller, AuditActions.Invited, invitation.Id, command.Role.ToString());
        await SaveAsync();
        var token = new InvitationToken(Ref, invitation.Id, secret).ToString();
        return new InvitationCreated(invitation.Id, token, invitation.Role, invitation.ExpiresAt);
    }

    public async Task<IReadOnlyList<InvitationSummary>> GetInvitationsAsync(Caller caller)
    {
        await RequireRoleAsync(caller, SpaceRole.Coordinator);
        return [.. State.Invitations.Select(i => new InvitationSummary(
            i.Id, i.Role, i.StatusAt(Now), i.CreatedAt, i.ExpiresAt, i.CreatedBy, i.UsedBy, i.Note))];
    }

    public async Task RevokeInvitationAsync(Caller caller, Guid invitationId)
    {
        await RequireRoleAsync(caller, SpaceRole.Coordinator);
        var invitation = Invitations.Require(invitationId);
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
        var person = caller.RequirePerson();
        var invitation = UsableInvitation(invitationId, secret);
        invitation.Status = InvitationStatus.Accepted;
        invitation.UsedBy = person;
        JoinRequests.Withdraw(person);
        var member = Roster.Join(person, invitation.Role, Now);
        Invitations.Prune(Now);

        Audit(caller, AuditActions.MemberJoined, person, $"invitation {invitationId}, role {member.Role}");
        Track(person, member.Role);
        await SaveAsync();
        return (await AccessAsync(caller)).ToAccess();
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
        await RequireVisibleAsync(caller);
        var person = caller.RequirePerson();
        if (Roster.Find(person) is not null)
        {
            throw new ConflictException(ErrorCodes.AlreadyMember, $"You already belong to this {Kind}.");
        }

        JoinRequests.Add(person, message, Now);
        Audit(caller, AuditActions.JoinRequested, person);
        Effect(new NoteSpaceEffect(person, Ref));
        await SaveAsync();
    }

    public async Task<IReadOnlyList<JoinRequestSummary>> GetJoinRequestsAsync(Caller caller)
    {
        await RequireRoleAsync(caller, SpaceRole.Coordinator);
        var names = await Task.WhenAll(State.JoinRequests.Select(r => NameOf(r.PersonId, fellow: false)));
        return [.. State.JoinRequests.Select((r, i) => new JoinRequestSummary(r.PersonId, names[i], r.Message, r.RequestedAt))];
    }

    public async Task DecideJoinRequestAsync(Caller caller, Guid personId, bool approve)
    {
        await RequireRoleAsync(caller, SpaceRole.Coordinator);
        JoinRequests.Take(personId);
        if (approve)
        {
            Roster.Join(personId, SpaceRole.Member, Now);
            Audit(caller, AuditActions.MemberJoined, personId, "join request approved");
            Track(personId, SpaceRole.Member);
        }
        else
        {
            Audit(caller, AuditActions.JoinRejected, personId);
        }

        await SaveAsync();
    }

    public async Task LeaveAsync(Caller caller)
    {
        await RequireVisibleAsync(caller);
        var person = caller.RequirePerson();
        var member = Roster.Find(person)
            ?? throw new ConflictException(ErrorCodes.NotMember, $"You do not belong to this {Kind}.");
        Roster.Remove(member);
        Audit(caller, AuditActions.MemberLeft, person);
        Track(person, null);
        NarrowAccess(person);
        await SaveAsync();
    }

    public async Task RemoveMemberAsync(Caller caller, Guid personId)
    {
        await RequireRoleAsync(caller, SpaceRole.Coordinator);
        Roster.Remove(Roster.Require(personId));
        Audit(caller, AuditActions.MemberRemoved, personId);
        Track(personId, null);
        NarrowAccess(personId);
        await SaveAsync();
    }

    public async Task ChangeRoleAsync(Caller caller, Guid personId, SpaceRole role)
    {
        await RequireRoleAsync(caller, SpaceRole.Coordinator);
        var previous = Roster.Require(personId).Role;
        if (!Roster.ChangeRole(personId, role))
        {
            return;
        }

        Audit(caller, AuditActions.RoleChanged, personId, $"{previous} -> {role}");
        Track(personId, role);
        NarrowAccess(personId);
        await SaveAsync();
    }

    /// <summary>Older lines come from the archive, then the window's; <paramref name="after"/> pages across both alike.</summary>
    public async Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit)
    {
        await RequireRoleAsync(caller, SpaceRole.Coordinator);
        return await Archive.PageAsync(AuditOwner, State.Audit, after, limit);
    }

    /// <summary>Passes an access change from above on to this space's own children and live sessions.</summary>
    public async Task AccessChangedAboveAsync(Guid? personId)
    {
        if (!State.Exists)
        {
            return;
        }

        // Within the call, as the kind's own hook: the sender's outbox retries a failure.
        await Task.WhenAll(
            AccessChangedAbove?.Invoke(personId) ?? Task.CompletedTask,
            new DocumentsAccessEffect(Id, personId).DeliverAsync(grains));
    }

    /// <summary>The children hear of it at once; a failure fails the call, so the outbox that sent it retries.</summary>
    public Task TellChildrenAsync(Guid? personId) =>
        Task.WhenAll(State.Children.Select(child => grains.GetSpace(child).AccessChangedAboveAsync(personId)));

    public Task<PersonInSpace?> GetPersonDataAsync(Guid personId) =>
        Task.FromResult(PersonData.Export(State, Ref, personId, Now));

    /// <summary>
    /// Erasure of a person (see <see cref="PersonData.Erase"/>); <paramref name="eraseMore"/> covers what a kind of
    /// space keeps besides. Live sessions of a forum drop the person's connections through the outbox as on a removal.
    /// </summary>
    public async Task ErasePersonAsync(Guid personId, Guid formerId, Func<bool>? eraseMore = null)
    {
        var wasMember = Roster.Find(personId) is not null;
        var changed = PersonData.Erase(State, personId, formerId);
        changed |= eraseMore?.Invoke() ?? false;
        if (!changed)
        {
            return;
        }

        if (wasMember)
        {
            NarrowAccess(personId);
        }

        await SaveAsync();
        SpaceLog.PersonErased(logger, Ref);
    }

    private InvitationRecord UsableInvitation(Guid invitationId, string secret)
    {
        if (!State.Exists)
        {
            throw new NotFoundException(ErrorCodes.InvitationNotFound, "This invitation does not exist.");
        }

        return Invitations.Usable(invitationId, secret, Now);
    }

    private Task<string> NameOf(Guid personId, bool fellow) =>
        grains.GetGrain<IPersonGrain>(personId).GetNameAsync(fellow);

    private void Track(Guid personId, SpaceRole? role)
    {
        Effect(new TrackSpaceEffect(personId, Ref, role));
        SpaceLog.RoleChanged(logger, Ref, personId, role);
    }
}
