using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// A space's invitation links, over the persisted list. Open ones are capped and used, withdrawn or expired ones
/// are pruned to the most recent few, so the list (and the state it lives in) stays bounded.
/// </summary>
public readonly struct Invitations(List<InvitationRecord> invitations)
{
    public const int OpenMax = 200;
    public const int ClosedKept = 50;

    public InvitationRecord Create(byte[] secretHash, InviteCommand command, Guid createdBy, DateTimeOffset now)
    {
        if (command.Lifetime <= TimeSpan.Zero || command.Lifetime > Limits.InvitationMaxLifetime)
        {
            throw new RejectedException(ErrorCodes.InvalidLifetime,
                $"An invitation lasts between a minute and {Limits.InvitationMaxLifetime.TotalDays} days.");
        }

        Prune(now);
        if (invitations.Count(i => i.StatusAt(now) == InvitationStatus.Open) >= OpenMax)
        {
            throw new ConflictException(ErrorCodes.TooManyInvitations,
                $"A space has at most {OpenMax} open invitations; withdraw some or let them expire first.");
        }

        var invitation = new InvitationRecord
        {
            Id = Guid.CreateVersion7(),
            SecretHash = secretHash,
            Role = command.Role,
            CreatedAt = now,
            ExpiresAt = now + command.Lifetime,
            CreatedBy = createdBy,
            Status = InvitationStatus.Open,
            Note = command.Note,
        };
        invitations.Add(invitation);
        return invitation;
    }

    public InvitationRecord Require(Guid invitationId) => invitations.Find(i => i.Id == invitationId)
        ?? throw new NotFoundException(ErrorCodes.InvitationNotFound, "No such invitation.");

    /// <summary>The open invitation the link names; a wrong secret is the same not-found as an unknown id.</summary>
    public InvitationRecord Usable(Guid invitationId, string secret, DateTimeOffset now)
    {
        var invitation = invitations.Find(i => i.Id == invitationId);
        if (invitation is null || !Secrets.Matches(secret, invitation.SecretHash))
        {
            throw new NotFoundException(ErrorCodes.InvitationNotFound, "This invitation does not exist.");
        }

        return invitation.StatusAt(now) switch
        {
            InvitationStatus.Open => invitation,
            InvitationStatus.Expired => throw new RejectedException(ErrorCodes.InvitationExpired, "This invitation has expired."),
            _ => throw new ConflictException(ErrorCodes.InvitationUsed, "This invitation has already been used or withdrawn."),
        };
    }

    /// <summary>Keeps every open invitation and the <see cref="ClosedKept"/> most recent closed ones.</summary>
    public void Prune(DateTimeOffset now)
    {
        var closed = invitations.Where(i => i.StatusAt(now) != InvitationStatus.Open).OrderByDescending(i => i.CreatedAt).Skip(ClosedKept).ToHashSet();
        if (closed.Count > 0)
        {
            invitations.RemoveAll(closed.Contains);
        }
    }
}
