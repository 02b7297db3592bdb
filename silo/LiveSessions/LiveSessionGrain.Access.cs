using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>Who the caller is in this session, decided by the forum on every call so a role change counts at once.</summary>
internal sealed partial class LiveSessionGrain
{
    private async Task<(LiveSessionRole Role, SpaceAccess Access)> AccessAsync(Caller caller)
    {
        if (!State.Exists)
        {
            throw NotFound();
        }

        SpaceAccess access;
        try
        {
            access = await GrainFactory.GetGrain<IForumGrain>(State.ForumId).GetAccessAsync(caller);
        }
        catch (NotFoundException)
        {
            // A private forum's sessions do not exist for outsiders either.
            throw NotFound();
        }

        if (!access.CanSeeInside)
        {
            throw NotFound();
        }

        return (RoleFrom(caller.PersonId, access), access);
    }

    private LiveSessionRole RoleFrom(Guid? person, SpaceAccess access) =>
        person is { } id && (access.Role == SpaceRole.Coordinator || State.CoFacilitators.Contains(id))
            ? LiveSessionRole.Facilitator
            : access.Role >= SpaceRole.Member ? LiveSessionRole.Participant : LiveSessionRole.Observer;

    public async Task AccessChangedAsync(Guid? personId)
    {
        // A join that checked its access before this point checks again before it counts the person in.
        _accessChanges++;
        if (!State.Exists)
        {
            return;
        }

        var people = State.Presence.Select(p => p.Person.PersonId).Distinct().Where(p => personId is null || p == personId).ToList();
        // A person counts as signed in with a second factor only if every one of their connections was.
        var roles = await Task.WhenAll(people.Select(p => CurrentRoleAsync(p, State.Presence.Where(r => r.Person.PersonId == p).All(r => r.SecondFactor))));

        // From here on one turn: the changes take their place in the session's order, after everything already
        // appended and before anything that comes later.
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var present = State.Presence.Where(p => p.Person.PersonId == person).ToList();
            if (present.Count == 0)
            {
                continue;
            }

            if (roles[i] is not { } role)
            {
                foreach (var queue in State.Items.Select(x => x.Queue).OfType<SpeakingQueue>())
                {
                    queue.Skip(person);
                    queue.Lower(person);
                }

                Emit(new ParticipantAccessChanged(person, null));
                present.ForEach(RemovePresence);
                LiveSessionLog.AccessLost(logger, Id, person);
            }
            else if (present[0].Person.Role != role)
            {
                State.Presence.RemoveAll(p => p.Person.PersonId == person);
                State.Presence.AddRange(present.Select(p => p with { Person = p.Person with { Role = role } }));
                Emit(new ParticipantAccessChanged(person, role));
            }
        }

        await FanOut.CommitIfAppendedAsync();
    }

    /// <summary>The person's role here now, or null when the forum no longer lets them see inside.</summary>
    private async Task<LiveSessionRole?> CurrentRoleAsync(Guid person, bool secondFactor)
    {
        try
        {
            var access = await GrainFactory.GetGrain<IForumGrain>(State.ForumId).GetAccessAsync(Caller.Person(person, secondFactor));
            return access.CanSeeInside && !State.Removed.Contains(person) ? RoleFrom(person, access) : null;
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            // Forbidden: the forum now requires a second factor this person's connections did not sign in with.
            return null;
        }
    }

    private async Task<LiveSessionRole> RoleOfAsync(Caller caller) => (await AccessAsync(caller)).Role;

    /// <summary>
    /// Access first, then the person: a session the caller may not see answers not-found to anonymous callers and API
    /// keys too, exactly as for an id that does not exist (the authorisation matrix checks it on every route).
    /// </summary>
    private async Task<Guid> RequireFacilitatorAsync(Caller caller)
    {
        var role = await RoleOfAsync(caller);
        var person = RequirePerson(caller);
        if (role != LiveSessionRole.Facilitator)
        {
            throw new ForbiddenException(LiveSessionErrors.NotFacilitator, "Only the session's facilitators can do this.");
        }

        return person;
    }

    /// <summary>A participant or facilitator who has not been removed; with <paramref name="speaking"/>, also not muted.</summary>
    private async Task<(Guid Person, LiveSessionRole Role)> RequireParticipantAsync(Caller caller, bool speaking)
    {
        var role = await RoleOfAsync(caller);
        var person = RequirePerson(caller);
        if (role < LiveSessionRole.Participant)
        {
            throw new ForbiddenException(LiveSessionErrors.NotParticipant, "Observers watch; only the forum's members take part.");
        }

        RequireParticipant(person, speaking);
        return (person, role);
    }

    /// <summary>The session-level half of <see cref="RequireParticipantAsync"/>: not removed, and not muted when speaking.</summary>
    private void RequireParticipant(Guid person, bool speaking)
    {
        if (State.Removed.Contains(person))
        {
            throw new ForbiddenException(LiveSessionErrors.Removed, "A facilitator removed you from this session.");
        }

        if (speaking && State.Muted.Contains(person))
        {
            throw new ForbiddenException(LiveSessionErrors.Muted, "A facilitator muted you in this session.");
        }
    }

    private void RequireRunning()
    {
        RequireNotClosed();
        if (State.Status != LiveSessionStatus.Running)
        {
            throw new ConflictException(LiveSessionErrors.NotRunning, $"The session is {State.Status.ToString().ToLowerInvariant()}, not running.");
        }
    }

    private void RequireNotClosed()
    {
        if (State.Status == LiveSessionStatus.Closed)
        {
            throw new ConflictException(LiveSessionErrors.Closed, "The session has closed.");
        }
    }

    /// <summary>The current item, which must have the given format and, when given, the given id.</summary>
    private (AgendaItem Item, ItemRecord Record) RequireCurrent(AgendaFormat format, Guid? itemId = null)
    {
        RequireRunning();
        var current = State.Current!;
        if (itemId is { } id && current.Id != id)
        {
            throw new ConflictException(LiveSessionErrors.ItemNotCurrent, "That agenda item is not the current one.");
        }

        if (current.Format != format)
        {
            throw new ConflictException(LiveSessionErrors.WrongFormat, $"The current item is not a {format} item.");
        }

        return (current, State.ItemFor(current.Id));
    }

    private NotFoundException NotFound() => new(LiveSessionErrors.NotFound, $"No live session with id {Id}.");

    private static Guid RequirePerson(Caller caller) => caller.RequirePerson();
}
