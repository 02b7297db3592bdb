using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.WorkingGroups;

namespace NetworkHub.Contracts.Spaces;

public static class SpaceGrains
{
    /// <summary>The grain behind a space reference, through the membership interface all spaces share.</summary>
    public static ISpaceGrain GetSpace(this IGrainFactory grains, SpaceRef space) => space.Kind switch
    {
        SpaceKind.Organisation => grains.GetGrain<IOrganisationGrain>(space.Id),
        SpaceKind.Coalition => grains.GetGrain<ICoalitionGrain>(space.Id),
        SpaceKind.WorkingGroup => grains.GetGrain<IWorkingGroupGrain>(space.Id),
        SpaceKind.Forum => grains.GetGrain<IForumGrain>(space.Id),
        SpaceKind.Committee => grains.GetGrain<ICommitteeGrain>(space.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(space), space.Kind, "Unknown kind of space."),
    };
}
