using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Organisations;

public sealed class OrganisationGrain : Grain, IOrganisationGrain, IRemindable
{
    private readonly Space<OrganisationState> _space;

    public OrganisationGrain(
        [PersistentState("organisation", StorageNames.Default)] IPersistentState<OrganisationState> state,
        IGrainFactory grains, TimeProvider clock, ILogger<OrganisationGrain> logger)
    {
        _space = new Space<OrganisationState>(this, grains, state, clock, logger, SpaceKind.Organisation)
        {
            KeyRole = KeyRole,
            Publish = Publish,
            AccessNarrowed = TellCoalitions,
        };
    }

    private OrganisationState State => _space.State;

    /// <summary>API keys start with this, so they can be told from session tokens (and found by secret scanners).</summary>
    public const string KeyPrefix = "nhk_";

    /// <summary>An organisation's own API key sees it as a member would.</summary>
    private SpaceRole? KeyRole(Guid organisationId) =>
        organisationId == this.GetPrimaryKey() ? SpaceRole.Member : null;

    public async Task<OrganisationDetails> CreateAsync(Caller caller, OrganisationProfile profile)
    {
        await _space.CreateCoreAsync(caller, profile.Name, profile.Visibility, null, null, s => Apply(s, profile), profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<OrganisationDetails> GetAsync(Caller caller)
    {
        await _space.RequireVisibleAsync(caller);
        return await DetailsAsync(caller);
    }

    public async Task<OrganisationDetails> UpdateAsync(Caller caller, OrganisationProfile profile, int? expectedVersion)
    {
        await _space.UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => Apply(s, profile), allowOwnKey: true, profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<ApiKeyCreated> CreateApiKeyAsync(Caller caller, string name, ApiKeyScope scope)
    {
        var person = await _space.RequireRoleAsync(caller, SpaceRole.Coordinator);
        var key = KeyPrefix + Secrets.New();
        var record = new ApiKeyRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Scope = scope,
            Prefix = key[..10],
            CredentialKey = Secrets.CredentialKey(key),
            CreatedAt = _space.Now,
            CreatedBy = person,
        };
        State.ApiKeys.Add(record);
        _space.Audit(caller, AuditActions.ApiKeyCreated, record.Id, scope.ToString());

        // The record is written before the credential exists, so every working key can be revoked from here.
        await _space.SaveAsync();
        await GrainFactory.GetGrain<ICredentialGrain>(record.CredentialKey)
            .IssueAsync(new IssueCredentialCommand(Caller.ApiKey(this.GetPrimaryKey(), scope), null));
        return new ApiKeyCreated(record.Id, name, scope, key, record.CreatedAt);
    }

    public async Task<IReadOnlyList<ApiKeySummary>> GetApiKeysAsync(Caller caller)
    {
        await _space.RequireRoleAsync(caller, SpaceRole.Coordinator);
        return [.. State.ApiKeys.Select(k => new ApiKeySummary(k.Id, k.Name, k.Scope, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt))];
    }

    public async Task RevokeApiKeyAsync(Caller caller, Guid keyId)
    {
        await _space.RequireRoleAsync(caller, SpaceRole.Coordinator);
        var record = State.ApiKeys.Find(k => k.Id == keyId)
            ?? throw new NotFoundException(ErrorCodes.ApiKeyNotFound, "No such API key.");
        if (record.RevokedAt is null)
        {
            record.RevokedAt = _space.Now;
            _space.Audit(caller, AuditActions.ApiKeyRevoked, keyId);
            await _space.SaveAsync();
        }

        await GrainFactory.GetGrain<ICredentialGrain>(record.CredentialKey).RevokeAsync();
    }

    public async Task<IReadOnlyList<OrganisationCoalition>> GetCoalitionsAsync(Caller caller)
    {
        var access = await _space.RequireVisibleAsync(caller);
        access.RequireSecondFactor();
        if (access.Role is null)
        {
            throw new ForbiddenException(ErrorCodes.NotMember, "Only the organisation's people see its coalition invitations.");
        }

        return [.. State.Coalitions];
    }

    public async Task<IReadOnlyList<Guid>> GetActiveCoalitionIdsAsync(Caller caller)
    {
        await _space.RequireVisibleAsync(caller);
        return [.. ActiveCoalitions()];
    }

    public Task<MemberOrganisationListing> GetListingAsync() => Task.FromResult(Listing());

    private MemberOrganisationListing Listing() => new(State.Name, State.Kind, State.Country, State.Region, State.Visibility);

    private IEnumerable<Guid> ActiveCoalitions() =>
        State.Coalitions.Where(c => c.Status == CoalitionOrganisationStatus.Active).Select(c => c.CoalitionId);

    /// <summary>
    /// Someone who left or lost their role here may have held roles through this organisation in its coalitions, or sat
    /// for it in a committee.
    /// </summary>
    private void TellCoalitions(Guid? personId)
    {
        foreach (var coalition in ActiveCoalitions())
        {
            _space.Effect(new AccessAboveEffect(new SpaceRef(SpaceKind.Coalition, coalition), personId));
        }

        foreach (var committee in State.Committees)
        {
            _space.Effect(new AccessAboveEffect(new SpaceRef(SpaceKind.Committee, committee), personId));
        }
    }

    public async Task TrackCommitteeSeatAsync(Guid committeeId, bool holdsSeat)
    {
        // Delivered again after a retry or a crash; what is already true needs no write.
        if (State.Committees.Contains(committeeId) == holdsSeat || !State.Exists)
        {
            return;
        }

        if (holdsSeat)
        {
            State.Committees.Add(committeeId);
        }
        else
        {
            State.Committees.Remove(committeeId);
        }

        await _space.SaveAsync();
    }

    public async Task TrackCoalitionAsync(OrganisationCoalition coalition)
    {
        // Coalitions deliver this again after a retry or a crash; the same status needs no write.
        if (State.Coalitions.Contains(coalition))
        {
            return;
        }

        State.Coalitions.RemoveAll(c => c.CoalitionId == coalition.CoalitionId);
        State.Coalitions.Add(coalition);
        await _space.SaveAsync();
    }

    /// <summary>The directory's entry, and the member lists of the coalitions the organisation was invited to or belongs to.</summary>
    private void Publish()
    {
        _space.Effect(new DirectoryEffect(DirectoryKeys.Organisations, new DirectoryEntry(
            this.GetPrimaryKey(), State.Name, KindName(State.Kind), State.Country, State.Region,
            [.. State.Topics], State.Visibility, State.Description is { Length: > 200 } d ? d[..200] : State.Description)));
        foreach (var coalition in State.Coalitions.Where(c => c.Status != CoalitionOrganisationStatus.Left))
        {
            _space.Effect(new OrganisationListingEffect(coalition.CoalitionId, this.GetPrimaryKey(), Listing()));
        }
    }

    /// <summary>The kind as the API spells it ("civil-society-organisation"), so directory filters use the same words.</summary>
    public static string KindName(OrganisationKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static void Apply(OrganisationState s, OrganisationProfile profile)
    {
        s.Kind = profile.Kind;
        s.Country = profile.Country;
        s.Region = profile.Region;
        s.Topics = [.. profile.Topics];
        s.Description = profile.Description;
        s.Website = profile.Website;
    }

    private async Task<OrganisationDetails> DetailsAsync(Caller caller) => new(
        this.GetPrimaryKey(), State.Name, State.Kind, State.Country, State.Region, [.. State.Topics],
        State.Description, State.Website, State.Visibility, State.Version, State.CreatedAt, State.UpdatedAt, await _space.RoleOfAsync(caller), State.RequireTwoFactor);

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

    /// <summary>API keys keep who made them, as the former member's id.</summary>
    public Task ErasePersonAsync(Guid personId, Guid formerId) => _space.ErasePersonAsync(personId, formerId,
        () => State.ApiKeys.Aggregate(false, (changed, key) => PersonData.Replace(key.CreatedBy, personId, formerId, v => key.CreatedBy = v) | changed));
}
