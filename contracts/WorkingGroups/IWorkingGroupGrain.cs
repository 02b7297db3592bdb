using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.WorkingGroups;

/// <summary>A working group inside a coalition or an organisation. Keyed by working group id.</summary>
[Alias("NetworkHub.IWorkingGroupGrain")]
public interface IWorkingGroupGrain : ISpaceGrain
{
    /// <summary>Members of the parent (not observers) may start one and become its lead.
    /// It may not be more visible than its parent.</summary>
    Task<WorkingGroupDetails> CreateAsync(Caller caller, SpaceRef parent, WorkingGroupProfile profile);

    [ReadOnly] Task<WorkingGroupDetails> GetAsync(Caller caller);

    Task<WorkingGroupDetails> UpdateAsync(Caller caller, WorkingGroupProfile profile, int? expectedVersion);
}
