using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Organisations;

public sealed class OrganisationGrain(
    [PersistentState("organisation", StorageNames.Default)] IPersistentState<OrganisationState> state,
    TimeProvider clock, ILogger<OrganisationGrain> logger)
    : SpaceGrain<OrganisationState>(state, clock, logger), IOrganisationGrain
{
    /// <summary>API keys start with this, so they can be told from session tokens (and found by secret scanners).</summary>
    public const string KeyPrefix = "nhk_";

    protected override SpaceKind Kind => SpaceKind.Organisation;

    /// <summary>An organisation's own API key sees it as a member would.</summary>
    protected override SpaceRole? KeyRole(Guid organisationId) =>
        organisationId == this.GetPrimaryKey() ? SpaceRole.Member : null;

    public async Task<OrganisationDetails> CreateAsync(Caller caller, OrganisationProfile profile)
    {
        await CreateCoreAsync(caller, profile.Name, profile.Visibility, null, null, s => Apply(s, profile));
        return Details(caller);
    }

    public Task<OrganisationDetails> GetAsync(Caller caller)
    {
        RequireVisible(caller);
        return Task.FromResult(Details(caller));
    }

    public async Task<OrganisationDetails> UpdateAsync(Caller caller, OrganisationProfile profile, int? expectedVersion)
    {
        await UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => Apply(s, profile), allowOwnKey: true);
        return Details(caller);
    }

    public async Task<ApiKeyCreated> CreateApiKeyAsync(Caller caller, string name, ApiKeyScope scope)
    {
        var person = RequireRole(caller, SpaceRole.Coordinator);
        var key = KeyPrefix + Secrets.New();
        var record = new ApiKeyRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Scope = scope,
            Prefix = key[..10],
            CredentialKey = Secrets.CredentialKey(key),
            CreatedAt = Now,
            CreatedBy = person,
        };
        State.ApiKeys.Add(record);
        Audit(caller, AuditActions.ApiKeyCreated, record.Id, scope.ToString());

        // The record is written before the credential exists, so every working key can be revoked from here.
        await SaveAsync();
        await GrainFactory.GetGrain<ICredentialGrain>(record.CredentialKey)
            .IssueAsync(new IssueCredentialCommand(Caller.ApiKey(this.GetPrimaryKey(), scope), null));
        return new ApiKeyCreated(record.Id, name, scope, key, record.CreatedAt);
    }

    public Task<IReadOnlyList<ApiKeySummary>> GetApiKeysAsync(Caller caller)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        IReadOnlyList<ApiKeySummary> keys = [.. State.ApiKeys.Select(k =>
            new ApiKeySummary(k.Id, k.Name, k.Scope, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt))];
        return Task.FromResult(keys);
    }

    public async Task RevokeApiKeyAsync(Caller caller, Guid keyId)
    {
        RequireRole(caller, SpaceRole.Coordinator);
        var record = State.ApiKeys.Find(k => k.Id == keyId)
            ?? throw new NotFoundException(ErrorCodes.ApiKeyNotFound, "No such API key.");
        if (record.RevokedAt is null)
        {
            record.RevokedAt = Now;
            Audit(caller, AuditActions.ApiKeyRevoked, keyId);
            await SaveAsync();
        }

        await GrainFactory.GetGrain<ICredentialGrain>(record.CredentialKey).RevokeAsync();
    }

    public Task<IReadOnlyList<OrganisationCoalition>> GetCoalitionsAsync(Caller caller)
    {
        RequireVisible(caller);
        if (RoleOf(caller) is null)
        {
            throw new ForbiddenException(ErrorCodes.NotMember, "Only the organisation's people see its coalition invitations.");
        }

        return Task.FromResult<IReadOnlyList<OrganisationCoalition>>([.. State.Coalitions]);
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
        await SaveAsync();
    }

    protected override void Publish() =>
        Effect(new DirectoryEffect(DirectoryKeys.Organisations, new DirectoryEntry(
            this.GetPrimaryKey(), State.Name, KindName(State.Kind), State.Country, State.Region,
            [.. State.Topics], State.Visibility, State.Description is { Length: > 200 } d ? d[..200] : State.Description)));

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

    private OrganisationDetails Details(Caller caller) => new(
        this.GetPrimaryKey(), State.Name, State.Kind, State.Country, State.Region, [.. State.Topics],
        State.Description, State.Website, State.Visibility, State.Version, State.CreatedAt, State.UpdatedAt, RoleOf(caller));
}
