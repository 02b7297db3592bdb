using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Coalitions;

public sealed class CoalitionGrain : Grain, ICoalitionGrain, IRemindable
{
    private readonly Space<CoalitionState> _space;

    public CoalitionGrain(
        [PersistentState("coalition", StorageNames.Default)] IPersistentState<CoalitionState> state,
        IGrainFactory grains, TimeProvider clock, ILogger<CoalitionGrain> logger)
    {
        _space = new Space<CoalitionState>(this, grains, state, clock, logger, SpaceKind.Coalition) { KeyRole = KeyRole, Publish = Publish };
    }

    private CoalitionState State => _space.State;

    /// <summary>Shown in place of a member organisation the caller may not see.</summary>
    public const string HiddenOrganisationName = "(private organisation)";

    /// <summary>The API key of an active member organisation watches the coalition as an observer.</summary>
    private SpaceRole? KeyRole(Guid organisationId) =>
        State.Organisations.Exists(o => o.OrganisationId == organisationId && o.Status == CoalitionOrganisationStatus.Active)
            ? SpaceRole.Observer
            : null;

    public async Task<CoalitionDetails> CreateAsync(Caller caller, CoalitionProfile profile)
    {
        await _space.CreateCoreAsync(caller, profile.Name, profile.Visibility, null, null, s => Apply(s, profile), profile.RequireTwoFactor);
        return Details(caller);
    }

    public Task<CoalitionDetails> GetAsync(Caller caller)
    {
        _space.RequireVisible(caller);
        return Task.FromResult(Details(caller));
    }

    public async Task<CoalitionDetails> UpdateAsync(Caller caller, CoalitionProfile profile, int? expectedVersion)
    {
        await _space.UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => Apply(s, profile), requireTwoFactor: profile.RequireTwoFactor);
        return Details(caller);
    }

    public async Task<IReadOnlyList<CoalitionOrganisation>> GetOrganisationsAsync(Caller caller)
    {
        _space.RequireInside(caller);
        if (!_space.CanSeeInside(caller))
        {
            throw new ForbiddenException(ErrorCodes.MembersHidden, "Only members see which organisations belong to this coalition.");
        }

        var names = await Task.WhenAll(State.Organisations.Select(o => VisibleNameAsync(caller, o.OrganisationId)));
        return [.. State.Organisations.Select((o, i) => new CoalitionOrganisation(o.OrganisationId, names[i], o.Status, o.Since))];
    }

    public async Task InviteOrganisationAsync(Caller caller, Guid organisationId)
    {
        _space.RequireRole(caller, SpaceRole.Coordinator);

        // Fails with not-found for an organisation the coordinator may not see: nobody invites what they cannot know of.
        await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetSummaryAsync(caller);
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId);
        if (record is { Status: not CoalitionOrganisationStatus.Left })
        {
            throw new ConflictException(ErrorCodes.OrganisationAlreadyMember, "That organisation is already invited or a member.");
        }

        if (record is null)
        {
            record = new CoalitionOrganisationRecord { OrganisationId = organisationId };
            State.Organisations.Add(record);
        }

        record.Status = CoalitionOrganisationStatus.Invited;
        record.Since = _space.Now;
        _space.Audit(caller, AuditActions.OrganisationInvited, organisationId);
        TrackInOrganisation(organisationId);
        await _space.SaveAsync();
    }

    public async Task RespondForOrganisationAsync(Caller caller, Guid organisationId, bool accept)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId && o.Status == CoalitionOrganisationStatus.Invited);
        if (record is null)
        {
            _space.RequireVisible(caller);
            throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation has no open invitation to this coalition.");
        }

        await RequireOrganisationCoordinatorAsync(caller, organisationId);
        if (accept)
        {
            record.Status = CoalitionOrganisationStatus.Active;
            record.Since = _space.Now;
            _space.Audit(caller, AuditActions.OrganisationJoined, organisationId);
        }
        else
        {
            State.Organisations.Remove(record);
            _space.Audit(caller, AuditActions.OrganisationLeft, organisationId, "declined");
        }

        TrackInOrganisation(organisationId);
        await _space.SaveAsync();
    }

    public async Task RemoveOrganisationAsync(Caller caller, Guid organisationId)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId && o.Status != CoalitionOrganisationStatus.Left);
        if (_space.RoleOf(caller) != SpaceRole.Coordinator || caller.PersonId is null)
        {
            if (record is null)
            {
                _space.RequireVisible(caller);
                throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation does not belong to this coalition.");
            }

            await RequireOrganisationCoordinatorAsync(caller, organisationId);
        }
        else
        {
            // A coordinator still needs the space's second factor where it is required.
            _space.RequireRole(caller, SpaceRole.Coordinator);
            if (record is null)
            {
                throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation does not belong to this coalition.");
            }
        }

        record.Status = CoalitionOrganisationStatus.Left;
        record.Since = _space.Now;
        _space.Audit(caller, AuditActions.OrganisationLeft, organisationId);
        TrackInOrganisation(organisationId);
        await _space.SaveAsync();
    }

    private void Publish() =>
        _space.Effect(new DirectoryEffect(DirectoryKeys.Coalitions, new DirectoryEntry(
            this.GetPrimaryKey(), State.Name, null, State.Country, State.Region,
            [.. State.Topics], State.Visibility, State.Description is { Length: > 200 } d ? d[..200] : State.Description)));

    /// <summary>Tells the organisation its status here; a declined invitation disappears from its list as "left".</summary>
    private void TrackInOrganisation(Guid organisationId)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId);
        var status = record?.Status ?? CoalitionOrganisationStatus.Left;
        _space.Effect(new TrackCoalitionEffect(organisationId, new OrganisationCoalition(this.GetPrimaryKey(), State.Name, status, record?.Since ?? _space.Now)));
    }

    /// <summary>
    /// The organisation's coordinators answer for it even when this coalition is private to them. Anyone else who may not
    /// see the coalition gets the same not-found as for an id that does not exist, so the route reveals nothing.
    /// </summary>
    private async Task RequireOrganisationCoordinatorAsync(Caller caller, Guid organisationId)
    {
        if (await IsOrganisationCoordinatorAsync(caller, organisationId))
        {
            return;
        }

        _space.RequireVisible(caller);
        caller.RequirePerson();
        throw new ForbiddenException(ErrorCodes.NotCoordinator, "Only the organisation's coordinators can answer for it.");
    }

    private async Task<bool> IsOrganisationCoordinatorAsync(Caller caller, Guid organisationId)
    {
        if (caller.PersonId is null)
        {
            return false;
        }

        try
        {
            return (await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetAccessAsync(caller)).Role == SpaceRole.Coordinator;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private async Task<string> VisibleNameAsync(Caller caller, Guid organisationId)
    {
        try
        {
            return (await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetSummaryAsync(caller)).Name;
        }
        catch (NotFoundException)
        {
            return HiddenOrganisationName;
        }
    }

    private static void Apply(CoalitionState s, CoalitionProfile profile)
    {
        s.Description = profile.Description;
        s.Country = profile.Country;
        s.Region = profile.Region;
        s.Topics = [.. profile.Topics];
    }

    private CoalitionDetails Details(Caller caller) => new(
        this.GetPrimaryKey(), State.Name, State.Description, State.Country, State.Region, [.. State.Topics],
        State.Visibility, State.Version, State.CreatedAt, State.UpdatedAt, _space.RoleOf(caller), State.RequireTwoFactor);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _space.ActivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _space.ReceiveReminder(reminderName, status);

    public Task<SpaceAccess> GetAccessAsync(Caller caller) => _space.GetAccessAsync(caller);

    public Task<SpaceSummary> GetSummaryAsync(Caller caller) => _space.GetSummaryAsync(caller);

    public Task<IReadOnlyList<SpaceRef>> GetChildrenAsync(Caller caller) => _space.GetChildrenAsync(caller);

    public Task<Visibility> AdoptChildAsync(Caller caller, SpaceRef child, SpaceRole required) => _space.AdoptChildAsync(caller, child, required);

    public Task<Visibility> GetVisibilityAsync() => _space.GetVisibilityAsync();

    public Task ParentVisibilityChangedAsync(Visibility parentVisibility) => _space.ParentVisibilityChangedAsync(parentVisibility);

    public Task<IReadOnlyList<SpaceMember>> GetMembersAsync(Caller caller) => _space.GetMembersAsync(caller);

    public Task<InvitationCreated> InviteAsync(Caller caller, InviteCommand command) => _space.InviteAsync(caller, command);

    public Task<IReadOnlyList<InvitationSummary>> GetInvitationsAsync(Caller caller) => _space.GetInvitationsAsync(caller);

    public Task RevokeInvitationAsync(Caller caller, Guid invitationId) => _space.RevokeInvitationAsync(caller, invitationId);

    public Task<InvitationPreview> PreviewInvitationAsync(Guid invitationId, string secret) => _space.PreviewInvitationAsync(invitationId, secret);

    public Task<SpaceAccess> AcceptInvitationAsync(Caller caller, Guid invitationId, string secret) => _space.AcceptInvitationAsync(caller, invitationId, secret);

    public Task DeclineInvitationAsync(Guid invitationId, string secret) => _space.DeclineInvitationAsync(invitationId, secret);

    public Task RequestToJoinAsync(Caller caller, string? message) => _space.RequestToJoinAsync(caller, message);

    public Task<IReadOnlyList<JoinRequestSummary>> GetJoinRequestsAsync(Caller caller) => _space.GetJoinRequestsAsync(caller);

    public Task DecideJoinRequestAsync(Caller caller, Guid personId, bool approve) => _space.DecideJoinRequestAsync(caller, personId, approve);

    public Task LeaveAsync(Caller caller) => _space.LeaveAsync(caller);

    public Task RemoveMemberAsync(Caller caller, Guid personId) => _space.RemoveMemberAsync(caller, personId);

    public Task ChangeRoleAsync(Caller caller, Guid personId, SpaceRole role) => _space.ChangeRoleAsync(caller, personId, role);

    public Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit) => _space.GetAuditAsync(caller, after, limit);
}
