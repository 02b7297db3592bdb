using System.Diagnostics.CodeAnalysis;

namespace NetworkHub.Contracts.Spaces;

/// <summary>
/// The text of an invitation link: which space, which invitation, and a random secret. Only a hash of the
/// secret is stored, so a leaked database does not leak usable invitations.
/// </summary>
public sealed record InvitationToken(SpaceRef Space, Guid InvitationId, string Secret)
{
    public override string ToString() =>
        $"{Space.Kind.ToString().ToLowerInvariant()}.{Space.Id:N}.{InvitationId:N}.{Secret}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out InvitationToken? token)
    {
        token = null;
        var parts = text?.Split('.');
        if (parts is not { Length: 4 }
            || !Enum.TryParse<SpaceKind>(parts[0], ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind) || int.TryParse(parts[0], out _)
            || !Guid.TryParseExact(parts[1], "N", out var spaceId)
            || !Guid.TryParseExact(parts[2], "N", out var invitationId)
            || parts[3].Length is < 16 or > 128)
        {
            return false;
        }

        token = new InvitationToken(new SpaceRef(kind, spaceId), invitationId, parts[3]);
        return true;
    }
}
