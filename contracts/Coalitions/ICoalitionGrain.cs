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

    /// <summary>Member organisations, for those who may see inside the coalition.</summary>
    [ReadOnly] Task<IReadOnlyList<CoalitionOrganisation>> GetOrganisationsAsync(Caller caller);

    /// <summary>Coordinators invite an organisation; its coordinators accept or decline.</summary>
    Task InviteOrganisationAsync(Caller caller, Guid organisationId);

    Task RespondForOrganisationAsync(Caller caller, Guid organisationId, bool accept);

    /// <summary>The organisation's coordinators withdraw it, or the coalition's coordinators remove it.</summary>
    Task RemoveOrganisationAsync(Caller caller, Guid organisationId);
}
