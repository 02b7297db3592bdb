using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// What a space's state holds about one person, for their export, and its erasure. A space stores people by id only
/// (names are resolved on read), plus the message of a request to join, which is the person's own text.
/// </summary>
public static class PersonData
{
    public static PersonInSpace? Export(SpaceState state, SpaceRef space, Guid personId, DateTimeOffset now)
    {
        var member = state.FindMember(personId);
        var request = state.JoinRequests.Find(r => r.PersonId == personId);
        var created = state.Invitations.Where(i => i.CreatedBy == personId)
            .Select(i => new InvitationSummary(i.Id, i.Role, i.StatusAt(now), i.CreatedAt, i.ExpiresAt, i.CreatedBy, i.UsedBy, i.Note)).ToList();
        var used = state.Invitations.Where(i => i.UsedBy == personId).Select(i => i.Id).ToList();
        var audit = state.Audit.Where(e => Names(e, personId)).ToList();
        if (!state.Exists || (member is null && request is null && created.Count == 0 && used.Count == 0 && audit.Count == 0 && state.CreatedBy != personId))
        {
            return null;
        }

        return new PersonInSpace(space, state.Name, member?.Role, member?.Since,
            member?.Role == SpaceRole.Coordinator && state.CoordinatorCount == 1,
            request is null ? null : new PendingJoinRequest(request.Message, request.RequestedAt),
            created, used, audit);
    }

    /// <summary>
    /// Takes the person off the roster and out of the join requests, and replaces their id by <paramref name="formerId"/>
    /// wherever the space keeps a record others rely on (invitations, audit lines, who created it). False when nothing changed.
    /// </summary>
    public static bool Erase(SpaceState state, Guid personId, Guid formerId)
    {
        var changed = state.Members.RemoveAll(m => m.PersonId == personId) > 0;
        changed |= state.JoinRequests.RemoveAll(r => r.PersonId == personId) > 0;
        foreach (var invitation in state.Invitations)
        {
            changed |= Replace(invitation.CreatedBy, personId, formerId, v => invitation.CreatedBy = v);
            if (invitation.UsedBy == personId)
            {
                invitation.UsedBy = formerId;
                changed = true;
            }
        }

        changed |= Replace(state.CreatedBy, personId, formerId, v => state.CreatedBy = v);
        changed |= EraseFromAudit(state.Audit, personId, formerId);
        return changed;
    }

    /// <summary>Audit lines keep what happened; the person in them becomes the former member's id.</summary>
    public static bool EraseFromAudit(List<AuditEntry> audit, Guid personId, Guid formerId)
    {
        var changed = false;
        for (var i = 0; i < audit.Count; i++)
        {
            var entry = audit[i];
            if (Names(entry, personId))
            {
                audit[i] = entry with
                {
                    ActorPersonId = entry.ActorPersonId == personId ? formerId : entry.ActorPersonId,
                    SubjectId = entry.SubjectId == personId ? formerId : entry.SubjectId,
                };
                changed = true;
            }
        }

        return changed;
    }

    public static bool Names(AuditEntry entry, Guid personId) => entry.ActorPersonId == personId || entry.SubjectId == personId;

    public static bool Replace(Guid value, Guid personId, Guid formerId, Action<Guid> set)
    {
        if (value != personId)
        {
            return false;
        }

        set(formerId);
        return true;
    }
}
