using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Organisations;

public enum OrganisationKind
{
    CivilSocietyOrganisation = 0,
    NetworkSecretariat = 1,
    MunicipalityOrRegion = 2,
    GovernmentBody = 3,
    Funder = 4,
    ResearchInstitute = 5,
    InternationalOrganisation = 6,
}

/// <summary>The editable part of an organisation.</summary>
[GenerateSerializer, Alias("NetworkHub.OrganisationProfile")]
public sealed record OrganisationProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] OrganisationKind Kind,
    [property: Id(2)] string Country,
    [property: Id(3)] string? Region,
    [property: Id(4)] IReadOnlyList<string> Topics,
    [property: Id(5)] string? Description,
    [property: Id(6)] string? Website,
    [property: Id(7)] Visibility Visibility,
    [property: Id(8)] bool? RequireTwoFactor = null);

[GenerateSerializer, Alias("NetworkHub.OrganisationDetails")]
public sealed record OrganisationDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganisationKind Kind,
    [property: Id(3)] string Country,
    [property: Id(4)] string? Region,
    [property: Id(5)] IReadOnlyList<string> Topics,
    [property: Id(6)] string? Description,
    [property: Id(7)] string? Website,
    [property: Id(8)] Visibility Visibility,
    [property: Id(9)] int Version,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] SpaceRole? YourRole,
    [property: Id(13)] bool RequireTwoFactor = false);

[GenerateSerializer, Alias("NetworkHub.ApiKeyCreated")]
public sealed record ApiKeyCreated(
    [property: Id(0)] Guid KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] ApiKeyScope Scope,
    [property: Id(3)] string Key,
    [property: Id(4)] DateTimeOffset CreatedAt);

[GenerateSerializer, Alias("NetworkHub.ApiKeySummary")]
public sealed record ApiKeySummary(
    [property: Id(0)] Guid KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] ApiKeyScope Scope,
    [property: Id(3)] string Prefix,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] Guid CreatedBy,
    [property: Id(6)] DateTimeOffset? RevokedAt);

/// <summary>A coalition the organisation was invited to or belongs to, as the organisation's own people see it.</summary>
[GenerateSerializer, Alias("NetworkHub.OrganisationCoalition")]
public sealed record OrganisationCoalition(
    [property: Id(0)] Guid CoalitionId,
    [property: Id(1)] string Name,
    [property: Id(2)] CoalitionOrganisationStatus Status,
    [property: Id(3)] DateTimeOffset Since);
