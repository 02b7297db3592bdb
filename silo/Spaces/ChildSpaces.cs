using NetworkHub.Contracts.Access;
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
