using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Forums;

[GenerateSerializer, Alias("NetworkHub.ForumProfile")]
public sealed record ForumProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<string> Themes,
    [property: Id(3)] Visibility Visibility,
    [property: Id(4)] bool? RequireTwoFactor = null);

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
    [property: Id(10)] bool RequireTwoFactor = false);
