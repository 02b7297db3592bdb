using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.WorkingGroups;

[GenerateSerializer, Alias("NetworkHub.WorkingGroupState")]
public sealed class WorkingGroupState : SpaceState
{
    [Id(0)] public string? Purpose { get; set; }
}

public sealed class WorkingGroupGrain(
    [PersistentState("working-group", StorageNames.Default)] IPersistentState<WorkingGroupState> state,
    TimeProvider clock, ILogger<WorkingGroupGrain> logger)
    : SpaceGrain<WorkingGroupState>(state, clock, logger), IWorkingGroupGrain
{
    protected override SpaceKind Kind => SpaceKind.WorkingGroup;

    public async Task<WorkingGroupDetails> CreateAsync(Caller caller, SpaceRef parent, WorkingGroupProfile profile)
    {
        if (parent.Kind is not (SpaceKind.Coalition or SpaceKind.Organisation))
        {
            throw new RejectedException(ErrorCodes.ParentRequired, "A working group belongs to a coalition or an organisation.");
        }

        Visibility? parentVisibility = null;
        if (!State.Exists)
        {
            parentVisibility = await ChildSpaces.AdoptAsync(GrainFactory, caller, parent, Ref, profile.Visibility, SpaceRole.Member);
        }

        await CreateCoreAsync(caller, profile.Name, profile.Visibility, parent, parentVisibility, s => s.Purpose = profile.Purpose);
        return Details(caller);
    }

    public Task<WorkingGroupDetails> GetAsync(Caller caller)
    {
        RequireVisible(caller);
        return Task.FromResult(Details(caller));
    }

    public async Task<WorkingGroupDetails> UpdateAsync(Caller caller, WorkingGroupProfile profile, int? expectedVersion)
    {
        await UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => s.Purpose = profile.Purpose);
        return Details(caller);
    }

    private WorkingGroupDetails Details(Caller caller) => new(
        this.GetPrimaryKey(), State.Parent!, State.Name, State.Purpose, State.EffectiveVisibility, State.Version,
        State.CreatedAt, State.UpdatedAt, RoleOf(caller));
}
