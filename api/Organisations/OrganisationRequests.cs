using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Organisations;

/// <summary>Creates or replaces an organisation's profile. A create is retried safely with an Idempotency-Key header.</summary>
public sealed record OrganisationRequest(
    [property: Required, StringLength(Limits.NameMaxLength), PlainText] string Name,
    [property: Required] OrganisationKind? Kind,
    [property: Required, CountryCode] string Country,
    [property: StringLength(Limits.ShortTextMaxLength), PlainText] string? Region,
    [property: MaxLength(Limits.MaxTopics), EachLength(Limits.ShortTextMaxLength), PlainText] IReadOnlyList<string>? Topics,
    [property: StringLength(Limits.DescriptionMaxLength), FreeText] string? Description,
    [property: StringLength(Limits.UrlMaxLength), WebAddress] string? Website,
    Visibility Visibility = Visibility.Public,
    bool? RequireTwoFactor = null)
{
    public OrganisationProfile ToProfile() =>
        new(Name, Kind!.Value, Country, Region, Topics ?? [], Description, Website, Visibility, RequireTwoFactor);
}

public sealed record CreateApiKeyRequest(
    [property: Required, StringLength(Limits.ShortTextMaxLength), PlainText] string Name,
    [property: Required] ApiKeyScope? Scope);
