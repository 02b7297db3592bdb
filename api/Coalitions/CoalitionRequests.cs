using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Coalitions;

/// <summary>Creates or replaces a coalition's profile; the description holds its charter.</summary>
public sealed record CoalitionRequest(
    [property: Required, StringLength(Limits.NameMaxLength), PlainText] string Name,
    [property: StringLength(Limits.DescriptionMaxLength), FreeText] string? Description,
    [property: CountryCode] string? Country,
    [property: StringLength(Limits.ShortTextMaxLength), PlainText] string? Region,
    [property: MaxLength(Limits.MaxTopics), EachLength(Limits.ShortTextMaxLength), PlainText] IReadOnlyList<string>? Topics,
    Visibility Visibility = Visibility.Public,
    CoalitionKind? Kind = null,
    bool? CoordinatorsSeeChildSpaces = null,
    bool? RequireTwoFactor = null)
{
    public CoalitionProfile ToProfile() => new(Name, Description, Country, Region, Topics ?? [], Visibility, Kind, CoordinatorsSeeChildSpaces, RequireTwoFactor);
}

/// <summary>Invites an organisation; its people will hold <see cref="PeopleRole"/> through it once it accepts.</summary>
public sealed record InviteOrganisationRequest(
    [property: Required] Guid? OrganisationId,
    MemberOrganisationRole PeopleRole = MemberOrganisationRole.Observer);

public sealed record OrganisationRoleRequest([property: Required] MemberOrganisationRole? PeopleRole);

/// <summary>Query string of a coalition's member list: ?status=active&amp;country=CO&amp;kind=municipality-or-region&amp;limit=50.</summary>
public sealed class CoalitionOrganisationFilter
{
    [FromQuery(Name = "status")][EnumName(typeof(CoalitionOrganisationStatus))] public string? Status { get; init; }
    [FromQuery(Name = "country")][CountryCode] public string? Country { get; init; }
    [FromQuery(Name = "region")][StringLength(Limits.ShortTextMaxLength)] public string? Region { get; init; }
    [FromQuery(Name = "kind")][EnumName(typeof(OrganisationKind))] public string? Kind { get; init; }
    [FromQuery(Name = "cursor")][StringLength(600)] public string? Cursor { get; init; }
    [FromQuery(Name = "limit")][Range(1, Limits.PageSizeMax)] public int? Limit { get; init; }

    public CoalitionOrganisationQuery ToQuery() => new(
        EnumNameAttribute.Parse<CoalitionOrganisationStatus>(Status), Country, Region, EnumNameAttribute.Parse<OrganisationKind>(Kind),
        Cursor, Limit ?? Limits.PageSizeDefault);
}
