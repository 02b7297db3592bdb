using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.People;

[GenerateSerializer, Alias("NetworkHub.PersonProfile")]
public sealed record PersonProfile(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string? Pseudonym,
    [property: Id(2)] string? Country,
    [property: Id(3)] IReadOnlyList<string> Languages);

/// <summary>
/// A person as the caller may see them. The person themself sees everything; anyone else sees the pseudonym
/// (when one is set) in place of the real name, and never the e-mail address.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.PersonDetails")]
public sealed record PersonDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] string? Pseudonym,
    [property: Id(4)] string? Email,
    [property: Id(5)] string? Country,
    [property: Id(6)] IReadOnlyList<string> Languages,
    [property: Id(7)] int Version);

/// <summary>A space the person holds a role in.</summary>
[GenerateSerializer, Alias("NetworkHub.PersonSpace")]
public sealed record PersonSpace(
    [property: Id(0)] SpaceRef Space,
    [property: Id(1)] SpaceRole Role);
