using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Coalitions;
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
    bool? RequireTwoFactor = null)
{
    public CoalitionProfile ToProfile() => new(Name, Description, Country, Region, Topics ?? [], Visibility, RequireTwoFactor);
}

public sealed record InviteOrganisationRequest([property: Required] Guid? OrganisationId);
