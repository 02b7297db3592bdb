using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Forums;

public sealed record ForumRequest(
    [property: Required, StringLength(Limits.NameMaxLength), PlainText] string Name,
    [property: StringLength(Limits.DescriptionMaxLength), FreeText] string? Description,
    [property: MaxLength(Limits.MaxThemes), EachLength(Limits.NameMaxLength), PlainText] IReadOnlyList<string>? Themes,
    Visibility Visibility = Visibility.Public,
    bool? OpenToMemberOrganisations = null,
    bool? RequireTwoFactor = null)
{
    public ForumProfile ToProfile() => new(Name, Description, Themes ?? [], Visibility, OpenToMemberOrganisations, RequireTwoFactor);
}
