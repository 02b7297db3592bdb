using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Organisations;

/// <summary>A civil-society organisation, municipality, funder, ... Keyed by organisation id.</summary>
[Alias("NetworkHub.IOrganisationGrain")]
public interface IOrganisationGrain : ISpaceGrain
{
    /// <summary>The creating person becomes its first coordinator (admin). Repeating the same create is a no-op.</summary>
    Task<OrganisationDetails> CreateAsync(Caller caller, OrganisationProfile profile);

    [ReadOnly] Task<OrganisationDetails> GetAsync(Caller caller);

    /// <summary>Coordinators, or the organisation's own read-write API key. A stale <paramref name="expectedVersion"/> fails with 412.</summary>
    Task<OrganisationDetails> UpdateAsync(Caller caller, OrganisationProfile profile, int? expectedVersion);

    /// <summary>Coordinators only. The key in the result is the only copy; it is stored hashed.</summary>
    Task<ApiKeyCreated> CreateApiKeyAsync(Caller caller, string name, ApiKeyScope scope);

    [ReadOnly] Task<IReadOnlyList<ApiKeySummary>> GetApiKeysAsync(Caller caller);

    Task RevokeApiKeyAsync(Caller caller, Guid keyId);

    /// <summary>
    /// Coalitions that invited the organisation or that it belongs to, for its members and its own API keys, so its
    /// coordinators can find and answer invitations (the coalition's name is shown even when the coalition is private).
    /// </summary>
    [ReadOnly] Task<IReadOnlyList<OrganisationCoalition>> GetCoalitionsAsync(Caller caller);

    /// <summary>
    /// The coalitions the organisation belongs to, for anyone who may see the organisation: which of them the caller may
    /// see is for each coalition to decide.
    /// </summary>
    [ReadOnly] Task<IReadOnlyList<Guid>> GetActiveCoalitionIdsAsync(Caller caller);

    /// <summary>For coalitions (never exposed by the API): what they show of the organisation in their member list.</summary>
    [ReadOnly, AlwaysInterleave] Task<MemberOrganisationListing> GetListingAsync();

    /// <summary>Kept up to date by the coalitions after each change of the organisation's status there.</summary>
    Task TrackCoalitionAsync(OrganisationCoalition coalition);

    /// <summary>
    /// Kept up to date by committees (never exposed by the API): whether the organisation is offered or holds a seat in
    /// the committee, so that someone leaving the organisation is re-checked there too.
    /// </summary>
    Task TrackCommitteeSeatAsync(Guid committeeId, bool holdsSeat);
}
