using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Forums;

[GenerateSerializer, Alias("NetworkHub.ForumState")]
public sealed class ForumState : SpaceState
{
    [Id(0)] public string? Description { get; set; }
    [Id(1)] public List<string> Themes { get; set; } = [];
}

public sealed class ForumGrain(
    [PersistentState("forum", StorageNames.Default)] IPersistentState<ForumState> state,
    TimeProvider clock, ILogger<ForumGrain> logger)
    : SpaceGrain<ForumState>(state, clock, logger), IForumGrain
{
    protected override SpaceKind Kind => SpaceKind.Forum;

    public async Task<ForumDetails> CreateAsync(Caller caller, SpaceRef? parent, ForumProfile profile)
    {
        if (parent is { Kind: not SpaceKind.Coalition })
        {
            throw new RejectedException(ErrorCodes.ParentRequired, "A forum belongs to a coalition, or stands alone.");
        }

        Visibility? parentVisibility = null;
        if (parent is not null && !State.Exists)
        {
            parentVisibility = await ChildSpaces.AdoptAsync(GrainFactory, caller, parent, Ref, profile.Visibility, SpaceRole.Coordinator);
        }

        await CreateCoreAsync(caller, profile.Name, profile.Visibility, parent, parentVisibility, s => Apply(s, profile));
        return Details(caller);
    }

    public Task<ForumDetails> GetAsync(Caller caller)
    {
        RequireVisible(caller);
        return Task.FromResult(Details(caller));
    }

    public async Task<ForumDetails> UpdateAsync(Caller caller, ForumProfile profile, int? expectedVersion)
    {
        await UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => Apply(s, profile));
        return Details(caller);
    }

    /// <summary>The forum's live sessions drop connections that lost access (see IForumSessionsGrain).</summary>
    protected override void AccessNarrowed(Guid? personId) => Effect(new AccessChangedEffect(this.GetPrimaryKey(), personId));

    private static void Apply(ForumState s, ForumProfile profile)
    {
        s.Description = profile.Description;
        s.Themes = [.. profile.Themes];
    }

    private ForumDetails Details(Caller caller) => new(
        this.GetPrimaryKey(), State.Parent, State.Name, State.Description, [.. State.Themes], State.EffectiveVisibility,
        State.Version, State.CreatedAt, State.UpdatedAt, RoleOf(caller));
}
