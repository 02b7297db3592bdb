using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Coalitions;

/// <summary>A network of organisations with coordinators, working groups and forums. Keyed by coalition id.</summary>
[Alias("NetworkHub.ICoalitionGrain")]
public interface ICoalitionGrain : ISpaceGrain
{
    Task<CoalitionDetails> CreateAsync(Caller caller, CoalitionProfile profile);

    [ReadOnly] Task<CoalitionDetails> GetAsync(Caller caller);

    Task<CoalitionDetails> UpdateAsync(Caller caller, CoalitionProfile profile, int? expectedVersion);

    /// <summary>A page of member organisations, for those who may see inside the coalition (everyone, when it is public).</summary>
    [ReadOnly] Task<CoalitionOrganisationPage> GetOrganisationsAsync(Caller caller, CoalitionOrganisationQuery query);

    /// <summary>
    /// Coordinators invite an organisation, saying what role its people will hold through it; its coordinators accept
    /// or decline.
    /// </summary>
    Task InviteOrganisationAsync(Caller caller, Guid organisationId, MemberOrganisationRole peopleRole);

    /// <summary>Coordinators change the role a member organisation's people hold through it; a lower one applies at once.</summary>
    Task SetOrganisationRoleAsync(Caller caller, Guid organisationId, MemberOrganisationRole peopleRole);

    Task RespondForOrganisationAsync(Caller caller, Guid organisationId, bool accept);

    /// <summary>The organisation's coordinators withdraw it, or the coalition's coordinators remove it.</summary>
    Task RemoveOrganisationAsync(Caller caller, Guid organisationId);

    /// <summary>
    /// For the coalition's own working groups and forums only (never exposed by the API): the role the person holds
    /// in such a child through this coalition, as an observing coordinator or, when <paramref name="viaOrganisations"/>,
    /// through a member organisation. Interleaves, because live sessions of a child ask while this coalition is
    /// telling them of a change.
    /// </summary>
    [AlwaysInterleave] Task<SpaceRole?> GetChildRoleAsync(Guid personId, bool viaOrganisations);

    /// <summary>For member organisations (never exposed by the API): their name, kind and place changed.</summary>
    Task OrganisationListingChangedAsync(Guid organisationId, MemberOrganisationListing listing);
}
