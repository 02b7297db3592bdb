using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Spaces;

public sealed record CreateInvitationRequest(
    [property: Required] SpaceRole? Role,
    [property: Range(1, 90)] int ExpiresInDays = 14,
    [property: StringLength(Limits.MessageMaxLength), FreeText] string? Note = null);

public sealed record JoinRequest([property: StringLength(Limits.MessageMaxLength), FreeText] string? Message);

public sealed record ChangeRoleRequest([property: Required] SpaceRole? Role);
