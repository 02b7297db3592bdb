using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>Working groups and forums are created inside a parent space that must agree first.</summary>
internal static class ChildSpaces
{
    /// <summary>
    /// Checks the caller's role in the parent and that the child is not more visible than the parent
    /// (a public working group must not reveal a private coalition), then registers the child there.
    /// </summary>
    public static async Task<Visibility> AdoptAsync(IGrainFactory grains, Caller caller, SpaceRef parent, SpaceRef child, Visibility visibility, SpaceRole required)
    {
        var parentGrain = grains.GetSpace(parent);
        var access = await parentGrain.GetAccessAsync(caller);
        if (visibility < access.Visibility)
        {
            throw new RejectedException(ErrorCodes.VisibilityWiderThanParent,
                $"A space inside a {access.Visibility} {parent.Kind} cannot be {visibility}.");
        }

        return await parentGrain.AdoptChildAsync(caller, child, required);
    }
}

/// <summary>What a working group or forum inside a coalition grants through the coalition.</summary>
internal static class CoalitionChildRole
{
    public static Task<SpaceRole?> OfAsync(IGrainFactory grains, SpaceRef? parent, Guid personId, bool openToMemberOrganisations) =>
        parent is { Kind: SpaceKind.Coalition, Id: var coalition }
            ? grains.GetGrain<ICoalitionGrain>(coalition).GetChildRoleAsync(personId, openToMemberOrganisations)
            : Task.FromResult<SpaceRole?>(null);
}
