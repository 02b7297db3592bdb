using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Directory;

/// <summary>What the directory knows of an organisation or coalition, for listing and filtering.</summary>
[GenerateSerializer, Alias("NetworkHub.DirectoryEntry")]
public sealed record DirectoryEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Kind,
    [property: Id(3)] string? Country,
    [property: Id(4)] string? Region,
    [property: Id(5)] IReadOnlyList<string> Topics,
    [property: Id(6)] Visibility Visibility,
    [property: Id(7)] string? Summary);

/// <summary>
/// Filters are exact (case-insensitive) except <see cref="Text"/>, which matches anywhere in the name.
/// <see cref="MemberOf"/> lists the private spaces the caller belongs to, which they may also see; <see cref="Only"/>,
/// when set, limits the answer to those ids.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DirectoryQuery")]
public sealed record DirectoryQuery(
    [property: Id(0)] string? Country,
    [property: Id(1)] string? Region,
    [property: Id(2)] string? Topic,
    [property: Id(3)] string? Kind,
    [property: Id(4)] string? Text,
    [property: Id(5)] string? Cursor,
    [property: Id(6)] int Limit,
    [property: Id(7)] bool SignedIn,
    [property: Id(8)] IReadOnlySet<Guid> MemberOf,
    [property: Id(9)] IReadOnlySet<Guid>? Only = null);

[GenerateSerializer, Alias("NetworkHub.DirectoryPage")]
public sealed record DirectoryPage(
    [property: Id(0)] IReadOnlyList<DirectoryEntry> Items,
    [property: Id(1)] string? NextCursor);
