using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Organisations;

/// <summary>Whether a caller answers for an organisation elsewhere (its coalition membership, its committee seats).</summary>
internal static class OrganisationCoordinators
{
    /// <summary>
    /// Asked with the caller's own sign-in, so an organisation that requires two-factor sign-in is answered for only by
    /// coordinators who used it; an organisation the caller cannot see has no coordinator for them.
    /// </summary>
    public static async Task<bool> IsAsync(IGrainFactory grains, Caller caller, Guid organisationId)
    {
        if (caller.PersonId is null)
        {
            return false;
        }

        try
        {
            return (await grains.GetGrain<IOrganisationGrain>(organisationId).GetAccessAsync(caller)).Role == SpaceRole.Coordinator;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
