using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Coalitions;

/// <summary>What sort of coalition it is; the directory filters by it.</summary>
public enum CoalitionKind
{
    Network = 0,
    Partnership = 1,
    Platform = 2,
    Alliance = 3,
    Campaign = 4,
    Other = 5,
}

/// <summary>
/// The editable part of a coalition; <see cref="Description"/> holds its charter. With
/// <see cref="CoordinatorsSeeChildSpaces"/> the coalition's coordinators observe its working groups and forums
/// (and their sessions) without a personal invitation to each. A null <see cref="Kind"/> or
/// <see cref="CoordinatorsSeeChildSpaces"/> keeps what the coalition has (network and true for a new one), so a
/// client that does not know them never widens access by leaving them out.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.CoalitionProfile")]
public sealed record CoalitionProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Country,
    [property: Id(3)] string? Region,
    [property: Id(4)] IReadOnlyList<string> Topics,
    [property: Id(5)] Visibility Visibility,
    [property: Id(6)] CoalitionKind? Kind = null,
    [property: Id(7)] bool? CoordinatorsSeeChildSpaces = null,
    [property: Id(8)] bool? RequireTwoFactor = null);

/// <summary>
/// The role the people of a member organisation hold through it: in the coalition, and in those of its working groups
/// and forums that are open to member organisations. Never coordinator: coordinating is personal.
/// </summary>
public enum MemberOrganisationRole
{
    None = 0,
    Observer = 1,
    Member = 2,
}

public enum CoalitionOrganisationStatus
{
    Invited = 0,
    Active = 1,
    Left = 2,
}

/// <summary>A member organisation as the caller may see it: one they may not see shows no name, kind or place.</summary>
[GenerateSerializer, Alias("NetworkHub.CoalitionOrganisation")]
public sealed record CoalitionOrganisation(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] string Name,
    [property: Id(2)] CoalitionOrganisationStatus Status,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] MemberOrganisationRole PeopleRole,
    [property: Id(5)] OrganisationKind? Kind,
    [property: Id(6)] string? Country,
    [property: Id(7)] string? Region);

/// <summary>Filters are exact (case-insensitive); only organisations the caller may see match a country, region or kind.</summary>
[GenerateSerializer, Alias("NetworkHub.CoalitionOrganisationQuery")]
public sealed record CoalitionOrganisationQuery(
    [property: Id(0)] CoalitionOrganisationStatus? Status,
    [property: Id(1)] string? Country,
    [property: Id(2)] string? Region,
    [property: Id(3)] OrganisationKind? Kind,
    [property: Id(4)] string? Cursor,
    [property: Id(5)] int Limit);

[GenerateSerializer, Alias("NetworkHub.CoalitionOrganisationPage")]
public sealed record CoalitionOrganisationPage(
    [property: Id(0)] IReadOnlyList<CoalitionOrganisation> Items,
    [property: Id(1)] string? NextCursor);

/// <summary>What a coalition keeps of a member organisation for listing it, kept current by the organisation.</summary>
[GenerateSerializer, Alias("NetworkHub.MemberOrganisationListing")]
public sealed record MemberOrganisationListing(
    [property: Id(0)] string Name,
    [property: Id(1)] OrganisationKind Kind,
    [property: Id(2)] string Country,
    [property: Id(3)] string? Region,
    [property: Id(4)] Visibility Visibility);

[GenerateSerializer, Alias("NetworkHub.CoalitionDetails")]
public sealed record CoalitionDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string? Country,
    [property: Id(4)] string? Region,
    [property: Id(5)] IReadOnlyList<string> Topics,
    [property: Id(6)] Visibility Visibility,
    [property: Id(7)] int Version,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] SpaceRole? YourRole,
    [property: Id(11)] CoalitionKind Kind,
    [property: Id(12)] bool CoordinatorsSeeChildSpaces,
    [property: Id(13)] bool RequireTwoFactor = false);
