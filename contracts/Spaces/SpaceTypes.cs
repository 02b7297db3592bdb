namespace NetworkHub.Contracts.Spaces;

/// <summary>The kinds of space people can hold roles in.</summary>
public enum SpaceKind
{
    Organisation = 0,
    Coalition = 1,
    WorkingGroup = 2,
    Forum = 3,
    Committee = 4,
}

/// <summary>
/// Who can see a space. Public: everyone. Members-only: signed-in people and API keys see that it exists
/// and its profile, only members see inside. Private: it does not exist for anyone without a role (404).
/// </summary>
public enum Visibility
{
    Public = 0,
    MembersOnly = 1,
    Private = 2,
}

/// <summary>A person's role in a space. Ordered: a higher role can do everything a lower one can.
/// In an organisation the coordinator role is what people call an admin.</summary>
public enum SpaceRole
{
    Observer = 0,
    Member = 1,
    Coordinator = 2,
}

/// <summary>Points at a space of any kind.</summary>
[GenerateSerializer, Alias("NetworkHub.SpaceRef")]
public sealed record SpaceRef([property: Id(0)] SpaceKind Kind, [property: Id(1)] Guid Id);

/// <summary>A space as a list shows it.</summary>
[GenerateSerializer, Alias("NetworkHub.SpaceSummary")]
public sealed record SpaceSummary(
    [property: Id(0)] SpaceRef Space,
    [property: Id(1)] string Name,
    [property: Id(2)] Visibility Visibility,
    [property: Id(3)] SpaceRole? YourRole,
    [property: Id(4)] SpaceRef? Parent);

/// <summary>A person in a space, as the caller may see them: real name to fellow members, pseudonym otherwise.</summary>
[GenerateSerializer, Alias("NetworkHub.SpaceMember")]
public sealed record SpaceMember(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] SpaceRole Role,
    [property: Id(3)] DateTimeOffset Since);

/// <summary>What the caller may do in a space.</summary>
[GenerateSerializer, Alias("NetworkHub.SpaceAccess")]
public sealed record SpaceAccess(
    [property: Id(0)] SpaceRef Space,
    [property: Id(1)] Visibility Visibility,
    [property: Id(2)] SpaceRole? Role,
    [property: Id(3)] bool CanSeeInside);

[GenerateSerializer, Alias("NetworkHub.InviteCommand")]
public sealed record InviteCommand(
    [property: Id(0)] SpaceRole Role,
    [property: Id(1)] TimeSpan Lifetime,
    [property: Id(2)] string? Note);

/// <summary>A new invitation. <see cref="Token"/> is shown this once; only its hash is kept.</summary>
[GenerateSerializer, Alias("NetworkHub.InvitationCreated")]
public sealed record InvitationCreated(
    [property: Id(0)] Guid InvitationId,
    [property: Id(1)] string Token,
    [property: Id(2)] SpaceRole Role,
    [property: Id(3)] DateTimeOffset ExpiresAt);

public enum InvitationStatus
{
    Open = 0,
    Accepted = 1,
    Declined = 2,
    Revoked = 3,
    Expired = 4,
}

[GenerateSerializer, Alias("NetworkHub.InvitationSummary")]
public sealed record InvitationSummary(
    [property: Id(0)] Guid InvitationId,
    [property: Id(1)] SpaceRole Role,
    [property: Id(2)] InvitationStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] Guid CreatedBy,
    [property: Id(6)] Guid? UsedBy,
    [property: Id(7)] string? Note);

/// <summary>What someone holding an invitation link may learn before accepting it.</summary>
[GenerateSerializer, Alias("NetworkHub.InvitationPreview")]
public sealed record InvitationPreview(
    [property: Id(0)] SpaceRef Space,
    [property: Id(1)] string SpaceName,
    [property: Id(2)] SpaceRole Role,
    [property: Id(3)] DateTimeOffset ExpiresAt);

[GenerateSerializer, Alias("NetworkHub.JoinRequestSummary")]
public sealed record JoinRequestSummary(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateTimeOffset RequestedAt);

/// <summary>One line of a space's audit log: who did what, when. Ids only; names are resolved on read.</summary>
[GenerateSerializer, Alias("NetworkHub.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Guid? ActorPersonId,
    [property: Id(3)] Guid? ActorOrganisationId,
    [property: Id(4)] string Action,
    [property: Id(5)] Guid? SubjectId,
    [property: Id(6)] string? Detail);

[GenerateSerializer, Alias("NetworkHub.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Entries,
    [property: Id(1)] long? NextAfter);

/// <summary>Audit actions. Stable strings, shown to coordinators and integrators.</summary>
public static class AuditActions
{
    public const string Created = "space.created";
    public const string Updated = "space.updated";
    public const string Invited = "invitation.created";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationDeclined = "invitation.declined";
    public const string MemberJoined = "member.joined";
    public const string JoinRequested = "join-request.created";
    public const string JoinRejected = "join-request.rejected";
    public const string MemberLeft = "member.left";
    public const string MemberRemoved = "member.removed";
    public const string RoleChanged = "member.role-changed";
    public const string OrganisationInvited = "organisation.invited";
    public const string OrganisationJoined = "organisation.joined";
    public const string OrganisationLeft = "organisation.left";
    public const string OrganisationRoleChanged = "organisation.role-changed";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string ChildCreated = "space.child-created";
}
