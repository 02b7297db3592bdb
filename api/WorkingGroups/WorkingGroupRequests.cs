using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;

namespace NetworkHub.Api.WorkingGroups;

public sealed record WorkingGroupRequest(
    [property: Required, StringLength(Limits.NameMaxLength), PlainText] string Name,
    [property: StringLength(Limits.DescriptionMaxLength), FreeText] string? Purpose,
    Visibility Visibility = Visibility.MembersOnly,
    bool? OpenToMemberOrganisations = null,
    bool? RequireTwoFactor = null)
{
    public WorkingGroupProfile ToProfile() => new(Name, Purpose, Visibility, OpenToMemberOrganisations, RequireTwoFactor);
}
