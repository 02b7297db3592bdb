using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// The API nodes watching this session and the people connected through them. A node's relay renews its lease
/// every third of <see cref="LiveStreamLimits.HostLease"/> (<see cref="LiveFanOut{TEvent}"/>); a node that stops renewing (it crashed) is dropped, and
/// so is everyone who was connected through it.
/// </summary>
internal sealed partial class LiveSessionGrain
{
    private long _accessChanges;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart the relays are still out there but this activation does not know them yet: each node that
        // had people here gets one lease to renew (bringing its observer) before its people are counted as gone.
        foreach (var hostId in State.Presence.Select(p => p.HostId).Distinct())
        {
            FanOut.Expect(hostId, Now);
        }

        return Task.CompletedTask;
    }

    public async Task<long> WatchAsync(string hostId, ILiveStreamObserver observer, IReadOnlyList<Guid> present)
    {
        if (!State.Exists)
        {
            throw NotFound();
        }

        FanOut.Watch(hostId, observer, Now);
        PruneHosts();

        // People the node no longer has connected left while this activation was not listening.
        foreach (var gone in State.Presence.Where(p => p.HostId == hostId && !present.Contains(p.Person.PersonId)).ToList())
        {
            RemovePresence(gone);
        }

        await FanOut.CommitIfAppendedAsync();

        return State.Log.Sequence;
    }

    public async Task UnwatchAsync(string hostId)
    {
        FanOut.Unwatch(hostId);
        foreach (var gone in State.Presence.Where(p => p.HostId == hostId).ToList())
        {
            RemovePresence(gone);
        }

        await FanOut.CommitIfAppendedAsync();
    }

    public async Task<LiveSessionCatchUp> JoinAsync(Caller caller, string hostId, long? after)
    {
        while (true)
        {
            // An access change that interleaves with the awaits below may have come after our check, and would not
            // have seen us yet: check again, so nobody is counted in (and sent events) after losing access.
            var changes = _accessChanges;
            var (role, access) = await AccessAsync(caller);
            var person = RequirePerson(caller);
            if (State.Removed.Contains(person))
            {
                throw new ForbiddenException(LiveSessionErrors.Removed, "A facilitator removed you from this session.");
            }

            if (access.Role is null && !State.Attendance.Exists(a => a.PersonId == person))
            {
                // A watcher without a role in the (public) forum: the person grain notes the forum before the session
                // records their attendance, so their export and erasure find this session too.
                await GrainFactory.GetGrain<IPersonGrain>(person).NoteSpaceAsync(new SpaceRef(SpaceKind.Forum, State.ForumId));
            }

            PruneHosts();
            var shown = State.Status == LiveSessionStatus.Closed || State.Presence.Exists(p => p.Person.PersonId == person)
                ? null
                : await PresentPersonAsync(person, role, access.Visibility);
            if (changes == _accessChanges && await JoinCheckedAsync(person, role, hostId, after, shown, caller.SecondFactor) is { } joined)
            {
                return joined;
            }
        }
    }

    /// <summary>
    /// The rest of a join, in one turn up to the write: <paramref name="shown"/> is how the person appears if they are
    /// new here. Null when they are new but <paramref name="shown"/> was not worked out (their other presence ended meanwhile).
    /// </summary>
    private async Task<LiveSessionCatchUp?> JoinCheckedAsync(Guid person, LiveSessionRole role, string hostId, long? after, PresentPerson? shown, bool secondFactor)
    {
        // A second connection through the same node without a second factor counts for the record: re-checks take the weaker.
        var index = State.Presence.FindIndex(p => p.HostId == hostId && p.Person.PersonId == person);
        if (index >= 0 && State.Presence[index].SecondFactor && !secondFactor)
        {
            State.Presence[index] = State.Presence[index] with { SecondFactor = false };
        }

        if (State.Status != LiveSessionStatus.Closed && index < 0)
        {
            var known = State.Presence.Find(p => p.Person.PersonId == person)?.Person;
            if (known is null && shown is null)
            {
                return null;
            }

            shown = known is null ? shown! : known with { Role = role };
            State.Presence.Add(new PresenceRecord(hostId, shown, secondFactor));
            if (!State.Attendance.Exists(a => a.PersonId == person))
            {
                State.Attendance.Add(new AttendanceEntry(person, shown.Name, Now));
            }

            if (known is null)
            {
                Emit(new PresenceChanged(shown, Present: true));
            }
        }

        await FanOut.CommitIfAppendedAsync();

        var events = after is { } from ? State.Log.Since(from) : null;
        return new LiveSessionCatchUp(State.Log.Sequence, role, events, events is null ? View(role) : null);
    }

    public async Task LeaveAsync(Guid personId, string hostId)
    {
        foreach (var gone in State.Presence.Where(p => p.HostId == hostId && p.Person.PersonId == personId).ToList())
        {
            RemovePresence(gone);
        }

        await FanOut.CommitIfAppendedAsync();
    }

    public Task<LiveSessionCatchUp> GetEventsAsync(long after)
    {
        if (!State.Exists)
        {
            throw NotFound();
        }

        var events = State.Log.Since(after);
        return Task.FromResult(new LiveSessionCatchUp(State.Log.Sequence, null, events, events is null ? View(null) : null));
    }

    /// <summary>Drops nodes whose lease ran out, and the presence of everyone connected through them.</summary>
    private void PruneHosts()
    {
        FanOut.Prune(Now);
        foreach (var gone in State.Presence.Where(p => !FanOut.Watches(p.HostId)).ToList())
        {
            RemovePresence(gone);
        }
    }

    private void RemovePresence(PresenceRecord record)
    {
        State.Presence.Remove(record);
        if (!State.Presence.Exists(p => p.Person.PersonId == record.Person.PersonId))
        {
            Emit(new PresenceChanged(record.Person, Present: false));
        }
    }

    /// <summary>
    /// How a person appears here. Everyone who can watch a members-only or private forum's session is a fellow member
    /// and sees real names; a public forum's session can be watched by anyone signed in, so there people appear under
    /// their pseudonym when they chose one. Only public organisations are named: belonging to any other is not shown.
    /// </summary>
    private async Task<PresentPerson> PresentPersonAsync(Guid personId, LiveSessionRole role, Visibility forumVisibility)
    {
        var person = GrainFactory.GetGrain<IPersonGrain>(personId);
        var name = await person.GetNameAsync(toFellowMember: forumVisibility != Visibility.Public);
        var organisations = new List<SessionOrganisation>();
        foreach (var space in (await person.GetSpacesAsync()).Where(s => s.Space.Kind == SpaceKind.Organisation))
        {
            try
            {
                var summary = await GrainFactory.GetSpace(space.Space).GetSummaryAsync(Caller.Anonymous);
                if (summary.Visibility == Visibility.Public)
                {
                    organisations.Add(new SessionOrganisation(summary.Space.Id, summary.Name));
                }
            }
            catch (NotFoundException)
            {
                // Not public: it stays unnamed.
            }
        }

        return new PresentPerson(personId, name, role, organisations);
    }

    private string? PresentName(Guid personId) => State.Presence.Find(p => p.Person.PersonId == personId)?.Person.Name;
}
