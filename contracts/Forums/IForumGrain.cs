using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Forums;

/// <summary>A forum of a coalition, or standalone. Keyed by forum id.</summary>
[Alias("NetworkHub.IForumGrain")]
public interface IForumGrain : ISpaceGrain
{
    /// <summary>In a coalition only its coordinators may open a forum; a standalone forum anyone signed in.</summary>
    Task<ForumDetails> CreateAsync(Caller caller, SpaceRef? parent, ForumProfile profile);

    [ReadOnly] Task<ForumDetails> GetAsync(Caller caller);

    Task<ForumDetails> UpdateAsync(Caller caller, ForumProfile profile, int? expectedVersion);
}
