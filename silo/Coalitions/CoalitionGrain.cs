using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Coalitions;

public sealed class CoalitionGrain(
    [PersistentState("coalition", StorageNames.Default)] IPersistentState<CoalitionState> state,
    TimeProvider clock, ILogger<CoalitionGrain> logger)
    : SpaceGrain<CoalitionState>(state, clock, logger), ICoalitionGrain
{
    /// <summary>Shown in place of a member organisation the caller may not see.</summary>
    public const string HiddenOrganisationName = "(private organisation)";

    protected override SpaceKind Kind => SpaceKind.Coalition;

    /// <summary>The API key of an active member organisation watches the coalition as an observer.</summary>
    protected override SpaceRole? KeyRole(Guid organisationId) =>
        State.Organisations.Exists(o => o.OrganisationId == organisationId && o.Status == CoalitionOrganisationStatus.Active)
            ? SpaceRole.Observer
            : null;

    public async Task<CoalitionDetails> CreateAsync(Caller caller, CoalitionProfile profile)
    {
        await CreateCoreAsync(caller, profile.Name, profile.Visibility, null, null, s => Apply(s, profile));
        return Details(caller);
    }

    public Task<CoalitionDetails> GetAsync(Caller caller)
    {
        RequireVisible(caller);
        return Task.FromResult(Details(caller));
    }

    public async Task<CoalitionDetails> UpdateAsync(Caller caller, CoalitionProfile profile, int? expectedVersion)
    {
        await UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => Apply(s, profile));
        return Details(caller);
    }

    public async Task<IReadOnlyList<CoalitionOrganisation>> GetOrganisationsAsync(Caller caller)
    {
        RequireVisible(caller);
        if (!CanSeeInside(caller))
        {
            throw new ForbiddenException(ErrorCodes.MembersHidden, "Only members see which organisations belong to this coalition.");
        }

        var names = await Task.WhenAll(State.Organisations.Select(o => VisibleNameAsync(caller, o.OrganisationId)));
        return [.. State.Organisations.Select((o, i) => new CoalitionOrganisation(o.OrganisationId, names[i], o.Status, o.Since))];
    }

    public async Task InviteOrganisationAsync(Caller caller, Guid organisationId)
    {
        RequireRole(caller, SpaceRole.Coordinator);

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
        record.Since = Now;
        Audit(caller, AuditActions.OrganisationInvited, organisationId);
        TrackInOrganisation(organisationId);
        await SaveAsync();
    }

    public async Task RespondForOrganisationAsync(Caller caller, Guid organisationId, bool accept)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId && o.Status == CoalitionOrganisationStatus.Invited);
        if (record is null)
        {
            RequireVisible(caller);
            throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation has no open invitation to this coalition.");
        }

        await RequireOrganisationCoordinatorAsync(caller, organisationId);
        if (accept)
        {
            record.Status = CoalitionOrganisationStatus.Active;
            record.Since = Now;
            Audit(caller, AuditActions.OrganisationJoined, organisationId);
        }
        else
        {
            State.Organisations.Remove(record);
            Audit(caller, AuditActions.OrganisationLeft, organisationId, "declined");
        }

        TrackInOrganisation(organisationId);
        await SaveAsync();
    }

    public async Task RemoveOrganisationAsync(Caller caller, Guid organisationId)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId && o.Status != CoalitionOrganisationStatus.Left);
        if (RoleOf(caller) != SpaceRole.Coordinator || caller.PersonId is null)
        {
            if (record is null)
            {
                RequireVisible(caller);
                throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation does not belong to this coalition.");
            }

            await RequireOrganisationCoordinatorAsync(caller, organisationId);
        }
        else if (record is null)
        {
            throw new ConflictException(ErrorCodes.OrganisationNotMember, "That organisation does not belong to this coalition.");
        }

        record.Status = CoalitionOrganisationStatus.Left;
        record.Since = Now;
        Audit(caller, AuditActions.OrganisationLeft, organisationId);
        TrackInOrganisation(organisationId);
        await SaveAsync();
    }

    protected override void Publish() =>
        Effect(new DirectoryEffect(DirectoryKeys.Coalitions, new DirectoryEntry(
            this.GetPrimaryKey(), State.Name, null, State.Country, State.Region,
            [.. State.Topics], State.Visibility, State.Description is { Length: > 200 } d ? d[..200] : State.Description)));

    /// <summary>Tells the organisation its status here; a declined invitation disappears from its list as "left".</summary>
    private void TrackInOrganisation(Guid organisationId)
    {
        var record = State.Organisations.Find(o => o.OrganisationId == organisationId);
        var status = record?.Status ?? CoalitionOrganisationStatus.Left;
        Effect(new TrackCoalitionEffect(organisationId, new OrganisationCoalition(this.GetPrimaryKey(), State.Name, status, record?.Since ?? Now)));
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

        RequireVisible(caller);
        RequirePerson(caller);
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
        State.Visibility, State.Version, State.CreatedAt, State.UpdatedAt, RoleOf(caller));
}
