using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.WorkingGroups;

[GenerateSerializer, Alias("NetworkHub.WorkingGroupState")]
public sealed class WorkingGroupState : SpaceState
{
    [Id(0)] public string? Purpose { get; set; }

    /// <summary>People of the parent coalition's member organisations hold their organisation's role here.</summary>
    [Id(1)] public bool OpenToMemberOrganisations { get; set; }
}

public sealed class WorkingGroupGrain : Grain, IWorkingGroupGrain, IRemindable
{
    private readonly Space<WorkingGroupState> _space;

    public WorkingGroupGrain(
        [PersistentState("working-group", StorageNames.Default)] IPersistentState<WorkingGroupState> state,
        IGrainFactory grains, TimeProvider clock, ILogger<WorkingGroupGrain> logger)
    {
        _space = new Space<WorkingGroupState>(this, grains, state, clock, logger, SpaceKind.WorkingGroup)
        {
            InheritedRole = person => CoalitionChildRole.OfAsync(GrainFactory, State.Parent, person, State.OpenToMemberOrganisations),
        };
    }

    private WorkingGroupState State => _space.State;

    public async Task<WorkingGroupDetails> CreateAsync(Caller caller, SpaceRef parent, WorkingGroupProfile profile)
    {
        if (parent.Kind is not (SpaceKind.Coalition or SpaceKind.Organisation))
        {
            throw new RejectedException(ErrorCodes.ParentRequired, "A working group belongs to a coalition or an organisation.");
        }

        Visibility? parentVisibility = null;
        if (!State.Exists)
        {
            parentVisibility = await ChildSpaces.AdoptAsync(GrainFactory, caller, parent, _space.Ref, profile.Visibility, SpaceRole.Member);
        }

        await _space.CreateCoreAsync(caller, profile.Name, profile.Visibility, parent, parentVisibility, s =>
        {
            s.OpenToMemberOrganisations = profile.Visibility != Visibility.Private;
            Apply(s, profile);
        }, profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<WorkingGroupDetails> GetAsync(Caller caller)
    {
        var access = await _space.RequireVisibleAsync(caller);
        return Details(access.Role);
    }

    public async Task<WorkingGroupDetails> UpdateAsync(Caller caller, WorkingGroupProfile profile, int? expectedVersion)
    {
        await _space.UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => Apply(s, profile), requireTwoFactor: profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    private static void Apply(WorkingGroupState s, WorkingGroupProfile profile)
    {
        s.Purpose = profile.Purpose;
        s.OpenToMemberOrganisations = profile.OpenToMemberOrganisations ?? s.OpenToMemberOrganisations;
    }

    private async Task<WorkingGroupDetails> DetailsAsync(Caller caller) => Details(await _space.RoleOfAsync(caller));

    private WorkingGroupDetails Details(SpaceRole? role) => new(
        this.GetPrimaryKey(), State.Parent!, State.Name, State.Purpose, State.EffectiveVisibility, State.Version,
        State.CreatedAt, State.UpdatedAt, role, State.OpenToMemberOrganisations, State.RequireTwoFactor);

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
