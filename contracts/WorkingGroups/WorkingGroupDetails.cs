using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.WorkingGroups;

/// <summary>The editable part of a working group; <see cref="OpenToMemberOrganisations"/> as for a forum.</summary>
[GenerateSerializer, Alias("NetworkHub.WorkingGroupProfile")]
public sealed record WorkingGroupProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Purpose,
    [property: Id(2)] Visibility Visibility,
    [property: Id(3)] bool? OpenToMemberOrganisations = null,
    [property: Id(4)] bool? RequireTwoFactor = null);

/// <summary>A working group; its coordinators are its leads.</summary>
[GenerateSerializer, Alias("NetworkHub.WorkingGroupDetails")]
public sealed record WorkingGroupDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] SpaceRef Parent,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Purpose,
    [property: Id(4)] Visibility Visibility,
    [property: Id(5)] int Version,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] SpaceRole? YourRole,
    [property: Id(9)] bool OpenToMemberOrganisations,
    [property: Id(10)] bool RequireTwoFactor = false);
