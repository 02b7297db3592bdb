using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Spaces;

internal static class SpaceLists
{
    /// <summary>Summaries of the spaces the caller may see, in the given order; the others are left out silently.</summary>
    public static async Task<IReadOnlyList<SpaceSummary>> VisibleSummariesAsync(IGrainFactory grains, Caller caller, IEnumerable<SpaceRef> spaces)
    {
        var summaries = await Task.WhenAll(spaces.Select(async space =>
        {
            try
            {
                return await grains.GetSpace(space).GetSummaryAsync(caller);
            }
            catch (NotFoundException)
            {
                return null;
            }
        }));
        return [.. summaries.OfType<SpaceSummary>()];
    }
}

internal static class ChildSpaces
{
    /// <summary>The working groups or forums inside a space that the caller may see.</summary>
    public static async Task<Ok<IReadOnlyList<SpaceSummary>>> ListAsync(IGrainFactory grains, Caller caller, SpaceRef parent, SpaceKind kind)
    {
        var children = await grains.GetSpace(parent).GetChildrenAsync(caller);
        return TypedResults.Ok(await SpaceLists.VisibleSummariesAsync(grains, caller, children.Where(c => c.Kind == kind)));
    }
}
