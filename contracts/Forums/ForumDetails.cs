using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Forums;

/// <summary>
/// The editable part of a forum. <see cref="OpenToMemberOrganisations"/>: the people of the parent coalition's member
/// organisations hold their organisation's role here; null keeps what the forum has (for a new one: open unless private),
/// so a client that does not know it never widens access by leaving it out.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.ForumProfile")]
public sealed record ForumProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<string> Themes,
    [property: Id(3)] Visibility Visibility,
    [property: Id(4)] bool? OpenToMemberOrganisations = null,
    [property: Id(5)] bool? RequireTwoFactor = null);

/// <summary>A space for dialogue; its members are its participants. Live sessions hang off a forum.</summary>
[GenerateSerializer, Alias("NetworkHub.ForumDetails")]
public sealed record ForumDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] SpaceRef? Parent,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Description,
    [property: Id(4)] IReadOnlyList<string> Themes,
    [property: Id(5)] Visibility Visibility,
    [property: Id(6)] int Version,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] SpaceRole? YourRole,
    [property: Id(10)] bool OpenToMemberOrganisations,
    [property: Id(11)] bool RequireTwoFactor = false);
