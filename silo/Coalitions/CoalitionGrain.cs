using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Organisations;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Coalitions;

public sealed class CoalitionGrain : Grain, ICoalitionGrain, IRemindable
{
    private readonly Space<CoalitionState> _space;

    public CoalitionGrain(
        [PersistentState("coalition", StorageNames.Default)] IPersistentState<CoalitionState> state,
        IGrainFactory grains, TimeProvider clock, ILogger<CoalitionGrain> logger)
    {
        _space = new Space<CoalitionState>(this, grains, state, clock, logger, SpaceKind.Coalition)
        {
            KeyRole = KeyRole,
            Publish = Publish,
            InheritedRole = OrganisationRoleOfAsync,
            // A narrower coalition already tells its children through their parent visibility.
            AccessNarrowed = person =>
            {
                if (person is not null)
                {
                    TellChildren(person);
                }
            },
            AccessChangedAbove = PassOnToChildrenAsync,
        };
    }

    private CoalitionState State => _space.State;

    /// <summary>The API key of an active member organisation watches the coalition as an observer.</summary>
    private SpaceRole? KeyRole(Guid organisationId) =>
        State.Organisations.Exists(o => o.OrganisationId == organisationId && o.Status == CoalitionOrganisationStatus.Active)
            ? SpaceRole.Observer
            : null;

    public async Task<CoalitionDetails> CreateAsync(Caller caller, CoalitionProfile profile)
    {
        await _space.CreateCoreAsync(caller, profile.Name, profile.Visibility, null, null, s =>
        {
            s.CoordinatorsSeeChildSpaces = true;
            Apply(s, profile);
        }, profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<CoalitionDetails> GetAsync(Caller caller)
    {
        var access = await _space.RequireVisibleAsync(caller);
        return Details(access.Role);
    }

    public async Task<CoalitionDetails> UpdateAsync(Caller caller, CoalitionProfile profile, int? expectedVersion)
    {
        var coordinatorsSawChildren = State.CoordinatorsSeeChildSpaces;
        await _space.UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s =>
        {
            Apply(s, profile);
            if (coordinatorsSawChildren && !s.CoordinatorsSeeChildSpaces)
            {
                TellChildren(null);
            }
        }, requireTwoFactor: profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<CoalitionOrganisationPage> GetOrganisationsAsync(Caller caller, CoalitionOrganisationQuery query)
    {
        var access = await _space.RequireVisibleAsync(caller);
        access.RequireSecondFactor();
        if (!access.SeesInside)
        {
            throw new ForbiddenException(ErrorCodes.MembersHidden, "Only members see which organisations belong to this coalition.");
        }

        var records = State.Organisations.Where(o => query.Status is null || o.Status == query.Status).ToList();
        await Task.WhenAll(records.Where(r => r.Listing is null).Select(async r => r.Listing = await ListingOfAsync(r.OrganisationId)));
        var visible = await Task.WhenAll(records.Select(r => MaySeeAsync(caller, r)));
        return MemberOrganisationList.Page(records.Select((r, i) => new MemberOrganisationList.Row(r, visible[i])), query);
    }

    public async Task InviteOrganisationAsync(Caller caller, Guid organisationId, MemberOrganisationRole peopleRole)
    {
        await _space.RequireRoleAsync(caller, SpaceRole.Coordinator);

        // Fails with not-found for an organisation the coordinator may not see: nobody invites what they cannot know of.
        var organisation = GrainFactory.GetGrain<IOrganisationGrain>(organisationId);
        await organisation.GetSummaryAsync(caller);
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
        record.PeopleRole = peopleRole;
        record.Listing = await organisation.GetListingAsync();
        _space.Audit(caller, AuditActions.OrganisationInvited, organisationId, $"people {peopleRole}");
        TrackInOrganisation(organisationId);
        await _space.SaveAsync();
    }

    public async Task SetOrganisationRoleAsync(Caller caller, Guid organisationId, MemberOrganisationRole peopleRole)
    {
        await _space.RequireRoleAsync(caller, SpaceRole.Coordinator);
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId && o.Status != CoalitionOrganisationStatus.Left)
            ?? throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation does not belong to this coalition.");
        if (record.PeopleRole == peopleRole)
        {
            return;
        }

        var lower = peopleRole < record.PeopleRole;
        _space.Audit(caller, AuditActions.OrganisationRoleChanged, organisationId, $"{record.PeopleRole} -> {peopleRole}");
        record.PeopleRole = peopleRole;
        if (lower && record.Status == CoalitionOrganisationStatus.Active)
        {
            TellChildren(null);
        }

        await _space.SaveAsync();
    }

    public async Task RespondForOrganisationAsync(Caller caller, Guid organisationId, bool accept)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId && o.Status == CoalitionOrganisationStatus.Invited);
        if (record is null)
        {
            await _space.RequireVisibleAsync(caller);
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
        var access = await _space.AccessAsync(caller);
        if (access.Role != SpaceRole.Coordinator || caller.PersonId is null)
        {
            if (record is null)
            {
                access.RequireVisible(caller);
                throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation does not belong to this coalition.");
            }

            await RequireOrganisationCoordinatorAsync(caller, organisationId);
        }
        else
        {
            // A coordinator still needs the space's second factor where it is required.
            access.RequireSecondFactor();
            if (record is null)
            {
                throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation does not belong to this coalition.");
            }
        }

        var wasActive = record.Status == CoalitionOrganisationStatus.Active;
        record.Status = CoalitionOrganisationStatus.Left;
        record.Since = _space.Now;
        _space.Audit(caller, AuditActions.OrganisationLeft, organisationId);
        TrackInOrganisation(organisationId);
        if (wasActive && record.PeopleRole != MemberOrganisationRole.None)
        {
            TellChildren(null);
        }

        await _space.SaveAsync();
    }

    public async Task<SpaceRole?> GetChildRoleAsync(Guid personId, bool viaOrganisations)
    {
        if (!State.Exists)
        {
            return null;
        }

        var observing = State.CoordinatorsSeeChildSpaces && _space.Roster.RoleOf(personId) == SpaceRole.Coordinator
            ? SpaceRole.Observer
            : (SpaceRole?)null;
        var throughOrganisation = viaOrganisations ? await OrganisationRoleOfAsync(personId) : null;
        return throughOrganisation > observing || observing is null ? throughOrganisation : observing;
    }

    public async Task OrganisationListingChangedAsync(Guid organisationId, MemberOrganisationListing listing)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId);
        if (record is null || record.Listing == listing)
        {
            return;
        }

        record.Listing = listing;
        await _space.SaveAsync();
    }

    /// <summary>
    /// The role the person holds here through an active member organisation they belong to, the highest of them.
    /// The person's own list of spaces names the candidates; each organisation confirms, so a list that is behind
    /// never grants anything.
    /// </summary>
    private async Task<SpaceRole?> OrganisationRoleOfAsync(Guid personId)
    {
        var grants = State.Organisations
            .Where(o => o.Status == CoalitionOrganisationStatus.Active && o.PeopleRole != MemberOrganisationRole.None)
            .ToDictionary(o => o.OrganisationId, o => o.PeopleRole);
        if (grants.Count == 0)
        {
            return null;
        }

        var spaces = await GrainFactory.GetGrain<IPersonGrain>(personId).GetSpacesAsync();
        var candidates = spaces
            .Where(s => s.Space.Kind == SpaceKind.Organisation && grants.ContainsKey(s.Space.Id))
            .Select(s => s.Space.Id)
            .OrderByDescending(id => grants[id]);
        foreach (var organisationId in candidates)
        {
            if (await IsPersonOfAsync(organisationId, personId))
            {
                return grants[organisationId] == MemberOrganisationRole.Member ? SpaceRole.Member : SpaceRole.Observer;
            }
        }

        return null;
    }

    private async Task<bool> IsPersonOfAsync(Guid organisationId, Guid personId)
    {
        try
        {
            // Whether they belong, not what they may see: an organisation's own two-factor requirement guards its inside, and
            // this coalition applies its own to the caller in its access decision.
            return (await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetAccessAsync(Caller.Person(personId, secondFactor: true))).Role is not null;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>A member organisation lost someone: the children hear of it before the organisation's call returns.</summary>
    private Task PassOnToChildrenAsync(Guid? personId) => _space.TellChildrenAsync(personId);

    /// <summary>Children check again who may be there: someone lost what let them in, or everyone may have.</summary>
    private void TellChildren(Guid? personId)
    {
        foreach (var child in State.Children)
        {
            _space.Effect(new AccessAboveEffect(child, personId));
        }
    }

    private void Publish() =>
        _space.Effect(new DirectoryEffect(DirectoryKeys.Coalitions, new DirectoryEntry(
            this.GetPrimaryKey(), State.Name, KindName(State.Kind), State.Country, State.Region,
            [.. State.Topics], State.Visibility, State.Description is { Length: > 200 } d ? d[..200] : State.Description)));

    /// <summary>The kind as the API spells it ("partnership"), so directory filters use the same words.</summary>
    public static string KindName(CoalitionKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

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
        if (await OrganisationCoordinators.IsAsync(GrainFactory, caller, organisationId))
        {
            return;
        }

        await _space.RequireVisibleAsync(caller);
        caller.RequirePerson();
        throw new ForbiddenException(ErrorCodes.NotCoordinator, "Only the organisation's coordinators can answer for it.");
    }


    /// <summary>Whether the caller may see the organisation itself; only private ones need asking.</summary>
    private async Task<bool> MaySeeAsync(Caller caller, CoalitionOrganisationRecord record)
    {
        switch (record.Listing?.Visibility)
        {
            case Visibility.Public:
                return true;
            case Visibility.MembersOnly when !caller.IsAnonymous:
                return true;
            case null:
            case Visibility.Private when caller.PersonId is not null || caller.KeyOrganisationId == record.OrganisationId:
                try
                {
                    await GrainFactory.GetGrain<IOrganisationGrain>(record.OrganisationId).GetSummaryAsync(caller);
                    return true;
                }
                catch (NotFoundException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private Task<MemberOrganisationListing> ListingOfAsync(Guid organisationId) =>
        GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetListingAsync();

    private static void Apply(CoalitionState s, CoalitionProfile profile)
    {
        s.Kind = profile.Kind ?? s.Kind;
        s.CoordinatorsSeeChildSpaces = profile.CoordinatorsSeeChildSpaces ?? s.CoordinatorsSeeChildSpaces;
        s.Description = profile.Description;
        s.Country = profile.Country;
        s.Region = profile.Region;
        s.Topics = [.. profile.Topics];
    }

    private async Task<CoalitionDetails> DetailsAsync(Caller caller) => Details(await _space.RoleOfAsync(caller));

    private CoalitionDetails Details(SpaceRole? role) => new(
        this.GetPrimaryKey(), State.Name, State.Description, State.Country, State.Region, [.. State.Topics],
        State.Visibility, State.Version, State.CreatedAt, State.UpdatedAt, role, State.Kind, State.CoordinatorsSeeChildSpaces, State.RequireTwoFactor);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _space.ActivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _space.ReceiveReminder(reminderName, status);

    public Task<SpaceAccess> GetAccessAsync(Caller caller) => _space.GetAccessAsync(caller);

    public Task<SpaceSummary> GetSummaryAsync(Caller caller) => _space.GetSummaryAsync(caller);

    public Task<IReadOnlyList<SpaceRef>> GetChildrenAsync(Caller caller) => _space.GetChildrenAsync(caller);

    public Task<Visibility> AdoptChildAsync(Caller caller, SpaceRef child, SpaceRole required) => _space.AdoptChildAsync(caller, child, required);

    public Task<Visibility> GetVisibilityAsync() => _space.GetVisibilityAsync();

    public Task ParentVisibilityChangedAsync(Visibility parentVisibility) => _space.ParentVisibilityChangedAsync(parentVisibility);

    public Task AccessChangedAboveAsync(Guid? personId) => _space.AccessChangedAboveAsync(personId);

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

    public Task<PersonInSpace?> GetPersonDataAsync(Guid personId) => _space.GetPersonDataAsync(personId);

    public Task ErasePersonAsync(Guid personId, Guid formerId) => _space.ErasePersonAsync(personId, formerId);
}
