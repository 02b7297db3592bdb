using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// What every space persists about people. Each concrete space state derives from this, so a space's
/// profile, roster and audit log are written together: a change and its audit line are one write.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.SpaceState")]
public class SpaceState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public Visibility Visibility { get; set; }
    [Id(3)] public SpaceRef? Parent { get; set; }
    [Id(4)] public int Version { get; set; }
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(7)] public Guid CreatedBy { get; set; }
    [Id(8)] public List<MemberRecord> Members { get; set; } = [];
    [Id(9)] public List<InvitationRecord> Invitations { get; set; } = [];
    [Id(10)] public List<JoinRequestRecord> JoinRequests { get; set; } = [];
    [Id(11)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(12)] public List<SpaceRef> Children { get; set; } = [];

    /// <summary>The parent's visibility as last heard from it; null for a space without a parent, or one stored before it was kept.</summary>
    [Id(13)] public Visibility? ParentVisibility { get; set; }

    /// <summary>Effects on other grains not yet known to be delivered; written with the change that caused them.</summary>
    [Id(14)] public List<SpaceEffect> Outbox { get; set; } = [];

    /// <summary>Coordinators require people with a role here to have signed in with a second factor (see AccessDecision).</summary>
    [Id(15)] public bool RequireTwoFactor { get; set; }

    /// <summary>What applies: a child never shows more than its parent, whatever its own setting says.</summary>
    public Visibility EffectiveVisibility => ParentVisibility is { } parent && parent > Visibility ? parent : Visibility;

    public MemberRecord? FindMember(Guid personId) => Members.Find(m => m.PersonId == personId);

    public int CoordinatorCount => Members.Count(m => m.Role == SpaceRole.Coordinator);
}

[GenerateSerializer, Alias("NetworkHub.MemberRecord")]
public sealed class MemberRecord
{
    [Id(0)] public Guid PersonId { get; set; }
    [Id(1)] public SpaceRole Role { get; set; }
    [Id(2)] public DateTimeOffset Since { get; set; }
}

[GenerateSerializer, Alias("NetworkHub.InvitationRecord")]
public sealed class InvitationRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public byte[] SecretHash { get; set; } = [];
    [Id(2)] public SpaceRole Role { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(5)] public Guid CreatedBy { get; set; }
    [Id(6)] public InvitationStatus Status { get; set; }
    [Id(7)] public Guid? UsedBy { get; set; }
    [Id(8)] public string? Note { get; set; }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Open && now >= ExpiresAt ? InvitationStatus.Expired : Status;
}

[GenerateSerializer, Alias("NetworkHub.JoinRequestRecord")]
public sealed class JoinRequestRecord
{
    [Id(0)] public Guid PersonId { get; set; }
    [Id(1)] public string? Message { get; set; }
    [Id(2)] public DateTimeOffset RequestedAt { get; set; }
}
