using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.People;

namespace NetworkHub.Contracts.Spaces;

/// <summary>
/// What every space (organisation, coalition, working group, forum) does with people: roles, invitations,
/// join requests, leaving and removal, and the audit log. Every method checks the caller itself;
/// a space the caller may not see answers <c>space.not-found</c> as if it did not exist.
/// </summary>
[Alias("NetworkHub.ISpaceGrain")]
public interface ISpaceGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The caller's access; throws not-found when the space is invisible to the caller. Interleaves, so live sessions
    /// can re-check their people while this space is delivering the access change that asked them to.
    /// </summary>
    [AlwaysInterleave] Task<SpaceAccess> GetAccessAsync(Caller caller);

    /// <summary>Name, kind and the caller's role; throws not-found when the space is invisible to the caller.</summary>
    [ReadOnly] Task<SpaceSummary> GetSummaryAsync(Caller caller);

    /// <summary>Working groups and forums inside this space that the caller may see.</summary>
    [ReadOnly] Task<IReadOnlyList<SpaceRef>> GetChildrenAsync(Caller caller);

    /// <summary>
    /// Called by a new working group or forum before it persists itself: checks that the caller holds at least
    /// <paramref name="required"/> here, records the child, and returns this space's visibility.
    /// </summary>
    Task<Visibility> AdoptChildAsync(Caller caller, SpaceRef child, SpaceRole required);

    /// <summary>
    /// For the space's own children only (never exposed by the API): the visibility that applies here now. Interleaves,
    /// because a child may ask while this space is telling it of a change.
    /// </summary>
    [AlwaysInterleave] Task<Visibility> GetVisibilityAsync();

    /// <summary>The parent's visibility changed; the child shows no more than <paramref name="parentVisibility"/> from now on.</summary>
    Task ParentVisibilityChangedAsync(Visibility parentVisibility);

    /// <summary>
    /// Someone's access (or, for null, anyone's) may have changed above this space: in its parent coalition, or in an
    /// organisation whose people hold roles through it. The space passes it on to its children and live sessions,
    /// which check again. Delivered from the outbox of the space where the change happened, which retries it.
    /// </summary>
    Task AccessChangedAboveAsync(Guid? personId);

    /// <summary>Members, for members of the space, or for signed-in callers when the space is public.</summary>
    [ReadOnly] Task<IReadOnlyList<SpaceMember>> GetMembersAsync(Caller caller);

    /// <summary>Coordinators only. The token in the result is the only copy.</summary>
    Task<InvitationCreated> InviteAsync(Caller caller, InviteCommand command);

    [ReadOnly] Task<IReadOnlyList<InvitationSummary>> GetInvitationsAsync(Caller caller);

    Task RevokeInvitationAsync(Caller caller, Guid invitationId);

    /// <summary>What an invitation link leads to, for the person deciding whether to accept it.</summary>
    [ReadOnly] Task<InvitationPreview> PreviewInvitationAsync(Guid invitationId, string secret);

    /// <summary>Single use: the invitation is spent once accepted or declined.</summary>
    Task<SpaceAccess> AcceptInvitationAsync(Caller caller, Guid invitationId, string secret);

    Task DeclineInvitationAsync(Guid invitationId, string secret);

    /// <summary>Public and members-only spaces only; a coordinator approves or rejects.</summary>
    Task RequestToJoinAsync(Caller caller, string? message);

    [ReadOnly] Task<IReadOnlyList<JoinRequestSummary>> GetJoinRequestsAsync(Caller caller);

    Task DecideJoinRequestAsync(Caller caller, Guid personId, bool approve);

    /// <summary>The last coordinator cannot leave (<c>space.last-coordinator</c>).</summary>
    Task LeaveAsync(Caller caller);

    Task RemoveMemberAsync(Caller caller, Guid personId);

    Task ChangeRoleAsync(Caller caller, Guid personId, SpaceRole role);

    /// <summary>Coordinators only; oldest first, entries after <paramref name="after"/>.</summary>
    [ReadOnly] Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit);

    /// <summary>What this space holds about the person, for their own export; null when it holds nothing. Never exposed to others.</summary>
    [ReadOnly] Task<PersonInSpace?> GetPersonDataAsync(Guid personId);

    /// <summary>
    /// Erasure: the person leaves the roster (even as its last coordinator: the API refuses that case beforehand) and
    /// their join request goes; in invitations and audit lines their id becomes <paramref name="formerId"/>. Repeatable.
    /// </summary>
    Task ErasePersonAsync(Guid personId, Guid formerId);
}
