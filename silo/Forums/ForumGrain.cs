using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Forums;

[GenerateSerializer, Alias("NetworkHub.ForumState")]
public sealed class ForumState : SpaceState
{
    [Id(0)] public string? Description { get; set; }
    [Id(1)] public List<string> Themes { get; set; } = [];

    /// <summary>People of the parent coalition's member organisations hold their organisation's role here.</summary>
    [Id(2)] public bool OpenToMemberOrganisations { get; set; }
}

public sealed class ForumGrain : Grain, IForumGrain, IRemindable
{
    private readonly Space<ForumState> _space;

    public ForumGrain(
        [PersistentState("forum", StorageNames.Default)] IPersistentState<ForumState> state,
        IGrainFactory grains, TimeProvider clock, ILogger<ForumGrain> logger)
    {
        _space = new Space<ForumState>(this, grains, state, clock, logger, SpaceKind.Forum)
        {
            AccessNarrowed = AccessNarrowed,
            InheritedRole = person => CoalitionChildRole.OfAsync(GrainFactory, State.Parent, person, State.OpenToMemberOrganisations),
            AccessChangedAbove = person => GrainFactory.GetGrain<IForumSessionsGrain>(this.GetPrimaryKey()).AccessChangedAsync(person),
        };
    }

    private ForumState State => _space.State;

    public async Task<ForumDetails> CreateAsync(Caller caller, SpaceRef? parent, ForumProfile profile)
    {
        if (parent is { Kind: not SpaceKind.Coalition })
        {
            throw new RejectedException(ErrorCodes.ParentRequired, "A forum belongs to a coalition, or stands alone.");
        }

        Visibility? parentVisibility = null;
        if (parent is not null && !State.Exists)
        {
            parentVisibility = await ChildSpaces.AdoptAsync(GrainFactory, caller, parent, _space.Ref, profile.Visibility, SpaceRole.Coordinator);
        }

        await _space.CreateCoreAsync(caller, profile.Name, profile.Visibility, parent, parentVisibility, s =>
        {
            s.OpenToMemberOrganisations = profile.Visibility != Visibility.Private;
            Apply(s, profile);
        }, profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<ForumDetails> GetAsync(Caller caller)
    {
        var access = await _space.RequireVisibleAsync(caller);
        return Details(access.Role);
    }

    public async Task<ForumDetails> UpdateAsync(Caller caller, ForumProfile profile, int? expectedVersion)
    {
        var wasOpen = State.OpenToMemberOrganisations;
        await _space.UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s =>
        {
            Apply(s, profile);
            if (wasOpen && !s.OpenToMemberOrganisations)
            {
                _space.NarrowAccess(null);
            }
        }, requireTwoFactor: profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    /// <summary>The forum's live sessions drop connections that lost access (see IForumSessionsGrain).</summary>
    private void AccessNarrowed(Guid? personId) => _space.Effect(new AccessChangedEffect(this.GetPrimaryKey(), personId));

    private static void Apply(ForumState s, ForumProfile profile)
    {
        s.Description = profile.Description;
        s.Themes = [.. profile.Themes];
        s.OpenToMemberOrganisations = profile.OpenToMemberOrganisations ?? s.OpenToMemberOrganisations;
    }

    private async Task<ForumDetails> DetailsAsync(Caller caller) => Details(await _space.RoleOfAsync(caller));

    private ForumDetails Details(SpaceRole? role) => new(
        this.GetPrimaryKey(), State.Parent, State.Name, State.Description, [.. State.Themes], State.EffectiveVisibility,
        State.Version, State.CreatedAt, State.UpdatedAt, role, State.OpenToMemberOrganisations, State.RequireTwoFactor);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _space.ActivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _space.ReceiveReminder(reminderName, status);

    public Task<SpaceAccess> GetAccessAsync(Caller caller) => _space.GetAccessAsync(caller);

    public Task<SpaceSummary> GetSummaryAsync(Caller caller) => _space.GetSummaryAsync(caller);

    public Task<IReadOnlyList<SpaceRef>> GetChildrenAsync(Caller caller) => _space.GetChildrenAsync(caller);

    public Task<Visibility> AdoptChildAsync(Caller caller, SpaceRef child, SpaceRole required) => _space.AdoptChildAsync(caller, child, required);

    public Task<Visibility> GetVisibilityAsync() => _space.GetVisibilityAsync();

    public Task ParentVisibilityChangedAsync(Visibility parentVisibility) => _space.ParentVisibilityChangedAsync(parentVisibility);

    public Task AccessChangedAboveAsync(Guid? personId) => _space.AccessChangedAboveAsync(personId);

    public Task<IReadOnlyList<SpaceMember>> GetMembersAsync(Caller caller) => _space.GetMembersAsync(caller);

    public Task<InvitationCreated> InviteAsync(Caller caller, InviteCommand command) => _space.InviteAsync(caller, command);

    public Task<IReadOnlyList<InvitationSummary>> GetInvitationsAsync(Caller caller) => _space.GetInvitationsAsync(caller);

    public Task RevokeInvitationAsync(Caller caller, Guid invitationId) => _space.RevokeInvitationAsync(caller, invitationId);

    public Task<InvitationPreview> PreviewInvitationAsync(Guid invitationId, string secret) => _space.PreviewInvitationAsync(invitationId, secret);

    public Task<SpaceAccess> AcceptInvitationAsync(Caller caller, Guid invitationId, string secret) => _space.AcceptInvitationAsync(caller, invitationId, secret);

    public Task DeclineInvitationAsync(Guid invitationId, string secret) => _space.DeclineInvitationAsync(invitationId, secret);

    public Task RequestToJoinAsync(Caller caller, string? message) => _space.RequestToJoinAsync(caller, message);

    public Task<IReadOnlyList<JoinRequestSummary>> GetJoinRequestsAsync(Caller caller) => _space.GetJoinRequestsAsync(caller);

    public Task DecideJoinRequestAsync(Caller caller, Guid personId, bool approve) => _space.DecideJoinRequestAsync(caller, personId, approve);

    public Task LeaveAsync(Caller caller) => _space.LeaveAsync(caller);

    public Task RemoveMemberAsync(Caller caller, Guid personId) => _space.RemoveMemberAsync(caller, personId);

    public Task ChangeRoleAsync(Caller caller, Guid personId, SpaceRole role) => _space.ChangeRoleAsync(caller, personId, role);

    public Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit) => _space.GetAuditAsync(caller, after, limit);

    public Task<PersonInSpace?> GetPersonDataAsync(Guid personId) => _space.GetPersonDataAsync(personId);

    public Task ErasePersonAsync(Guid personId, Guid formerId) => _space.ErasePersonAsync(personId, formerId);
}
