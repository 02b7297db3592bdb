using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Coalitions;

/// <summary>The editable part of a coalition; <see cref="Description"/> holds its charter.</summary>
[GenerateSerializer, Alias("NetworkHub.CoalitionProfile")]
public sealed record CoalitionProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Country,
    [property: Id(3)] string? Region,
    [property: Id(4)] IReadOnlyList<string> Topics,
    [property: Id(5)] Visibility Visibility,
    [property: Id(6)] bool? RequireTwoFactor = null);

public enum CoalitionOrganisationStatus
{
    Invited = 0,
    Active = 1,
    Left = 2,
}

[GenerateSerializer, Alias("NetworkHub.CoalitionOrganisation")]
public sealed record CoalitionOrganisation(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] string Name,
    [property: Id(2)] CoalitionOrganisationStatus Status,
    [property: Id(3)] DateTimeOffset Since);

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
    [property: Id(11)] bool RequireTwoFactor = false);
