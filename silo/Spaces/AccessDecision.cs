using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// The one decision of what a caller may see and do in a space, from the space's effective visibility and the
/// caller's role there (a person's role, or what an organisation's API key stands for). Every space decides through
/// it, and live sessions through the forum's <see cref="SpaceAccess"/>, which it produces.
/// A space the caller may not see answers exactly as one that does not exist.
/// </summary>
public readonly record struct AccessDecision(SpaceRef Space, bool Exists, Visibility Visibility, SpaceRole? Role)
{
    /// <summary>
    /// The space requires two-factor sign-in and the caller is a person with a role here whose sign-in did not use
    /// it. They still see that the space exists and its profile (so they learn why), and nothing inside.
    /// </summary>
    public bool SecondFactorMissing { get; init; }

    public bool Visible(Caller caller) => Exists && Visibility switch
    {
        Visibility.Public => true,
        Visibility.MembersOnly => !caller.IsAnonymous,
        _ => Role is not null,
    };

    /// <summary>Members, sessions and child spaces: for anyone with a role, or everyone in a public space.</summary>
    public bool SeesInside => !SecondFactorMissing && (Visibility == Visibility.Public || Role is not null);

    /// <summary>Who belongs: fellow members, or signed-in people in a public space.</summary>
    public bool SeesMembers(Caller caller) => !SecondFactorMissing && (Role is not null || (Visibility == Visibility.Public && !caller.IsAnonymous));

    public SpaceAccess ToAccess() => new(Space, Visibility, Role, SeesInside);

    public void RequireVisible(Caller caller)
    {
        if (!Visible(caller))
        {
            throw new NotFoundException(ErrorCodes.SpaceNotFound, $"No {Space.Kind} with id {Space.Id}.");
        }
    }

    /// <summary>Everything inside a space that requires two-factor sign-in: 403 for a member who signed in without it.</summary>
    public void RequireSecondFactor()
    {
        if (SecondFactorMissing)
        {
            throw new ForbiddenException(ErrorCodes.TwoFactorRequired,
                $"This {Space.Kind} requires two-factor sign-in. Turn it on under Security and sign in again.");
        }
    }

    /// <summary>The caller's person id, when they may see the space and hold at least <paramref name="minimum"/>.</summary>
    public Guid RequireRole(Caller caller, SpaceRole minimum)
    {
        RequireVisible(caller);
        var person = caller.RequirePerson();
        RequireSecondFactor();
        if (Role is not { } role || role < minimum)
        {
            throw minimum == SpaceRole.Coordinator
                ? new ForbiddenException(ErrorCodes.NotCoordinator, $"Only coordinators of this {Space.Kind} can do this.")
                : new ForbiddenException(ErrorCodes.NotMember, $"Only members of this {Space.Kind} can do this.");
        }

        return person;
    }

    /// <summary>An organisation's own key may change what it stands for, when it may write.</summary>
    public void RequireWritingKey(Caller caller)
    {
        RequireVisible(caller);
        if (caller.KeyScope != ApiKeyScope.ReadWrite)
        {
            throw new ForbiddenException(ErrorCodes.ReadOnlyKey, "This API key may only read.");
        }
    }
}
