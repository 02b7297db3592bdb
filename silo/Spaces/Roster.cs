using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>The people of a space and their roles, over the persisted list; keeps at least one coordinator.</summary>
public readonly struct Roster(List<MemberRecord> members, SpaceKind kind)
{
    public MemberRecord? Find(Guid personId) => members.Find(m => m.PersonId == personId);

    public SpaceRole? RoleOf(Guid personId) => Find(personId)?.Role;

    public MemberRecord Require(Guid personId) => Find(personId)
        ?? throw new NotFoundException(ErrorCodes.NotMember, $"That person does not belong to this {kind}.");

    /// <summary>Adds the person, or raises their role; an invitation never lowers a role someone already holds.</summary>
    public MemberRecord Join(Guid personId, SpaceRole role, DateTimeOffset at)
    {
        var member = Find(personId);
        if (member is null)
        {
            member = new MemberRecord { PersonId = personId, Role = role, Since = at };
            members.Add(member);
        }
        else if (member.Role < role)
        {
            member.Role = role;
        }

        return member;
    }

    /// <summary>Removes a member; the last coordinator cannot go.</summary>
    public void Remove(MemberRecord member)
    {
        EnsureNotLastCoordinator(member);
        members.Remove(member);
    }

    /// <summary>False when the person already holds <paramref name="role"/>.</summary>
    public bool ChangeRole(Guid personId, SpaceRole role)
    {
        var member = Require(personId);
        if (member.Role == role)
        {
            return false;
        }

        if (role < SpaceRole.Coordinator)
        {
            EnsureNotLastCoordinator(member);
        }

        member.Role = role;
        return true;
    }

    private void EnsureNotLastCoordinator(MemberRecord member)
    {
        if (member.Role == SpaceRole.Coordinator && members.Count(m => m.Role == SpaceRole.Coordinator) == 1)
        {
            throw new ConflictException(ErrorCodes.LastCoordinator,
                $"The last coordinator cannot leave; make someone else coordinator of this {kind} first.");
        }
    }
}
