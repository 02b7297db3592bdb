using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Committees;

/// <summary>Who the caller is at this meeting, decided by the committee on every call so a change counts at once.</summary>
internal sealed partial class MeetingGrain
{
    /// <summary>The caller's standing and the roll; not-found unless the caller sees inside the committee.</summary>
    private async Task<(CommitteeStanding Standing, CommitteeRoll Roll)> SeeAsync(Caller caller)
    {
        if (!State.Exists)
        {
            throw NotFound();
        }

        CommitteeStanding standing;
        try
        {
            standing = await Committee.GetStandingAsync(caller);
        }
        catch (NotFoundException)
        {
            // A private committee's meetings do not exist for outsiders either.
            throw NotFound();
        }

        // The committee is visible to the caller and lists its meetings, so this one's existence is no secret: only its
        // contents are the committee's people's.
        if (standing.Role is null)
        {
            throw caller.IsAnonymous
                ? new UnauthenticatedException(ErrorCodes.SignInRequired, "Sign in to see this committee's meetings.")
                : new ForbiddenException(ErrorCodes.ContentsHidden, "Only the committee's people see its meetings.");
        }

        return (standing, await Committee.GetRollAsync());
    }

    /// <summary>Chair, co-chairs and secretary only.</summary>
    private async Task<(CommitteeStanding Standing, CommitteeRoll Roll)> RunAsync(Caller caller)
    {
        var seen = await SeeAsync(caller);
        return seen.Standing.RunsMeetings
            ? seen
            : throw new ForbiddenException(CommitteeErrors.NotSecretary, "Only the chair or the secretary may do this.");
    }

    private NotFoundException NotFound() => new(CommitteeErrors.MeetingNotFound, $"Meeting {Id} was not found.");
}
