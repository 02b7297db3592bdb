using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>What facilitators do: move the session through its statuses and its agenda, and moderate.</summary>
internal sealed partial class LiveSessionGrain
{
    public async Task<long> OpenLobbyAsync(Caller caller)
    {
        await RequireFacilitatorAsync(caller);
        RequireStatus(LiveSessionStatus.Scheduled);
        SetStatus(caller, LiveSessionStatus.Lobby);
        return await CommitStatusAsync();
    }

    public async Task<long> StartAsync(Caller caller)
    {
        await RequireFacilitatorAsync(caller);
        RequireStatus(LiveSessionStatus.Scheduled, LiveSessionStatus.Lobby);
        if (State.Agenda.Count == 0)
        {
            throw new ConflictException(LiveSessionErrors.NoMoreItems, "Add an agenda item before starting.");
        }

        SetStatus(caller, LiveSessionStatus.Running);
        OpenItem(0);
        return await CommitStatusAsync();
    }

    public async Task<long> AdvanceAsync(Caller caller)
    {
        await RequireFacilitatorAsync(caller);
        RequireRunning();
        if (State.CurrentItem + 1 >= State.Agenda.Count)
        {
            throw new ConflictException(LiveSessionErrors.NoMoreItems, "This is the last item; close the session to end it.");
        }

        OpenItem(State.CurrentItem + 1);
        return await CommitAsync();
    }

    public async Task<long> GoBackAsync(Caller caller)
    {
        await RequireFacilitatorAsync(caller);
        RequireRunning();
        if (State.CurrentItem <= 0)
        {
            throw new ConflictException(LiveSessionErrors.NoMoreItems, "This is the first item.");
        }

        OpenItem(State.CurrentItem - 1);
        return await CommitAsync();
    }

    public async Task<long> ExtendTimerAsync(Caller caller, int minutes, Guid? roomId)
    {
        await RequireFacilitatorAsync(caller);
        RequireStatus(LiveSessionStatus.Running, LiveSessionStatus.Paused);
        if (minutes is < 1 or > LiveSessionLimits.MaxExtendMinutes)
        {
            throw new RejectedException(LiveSessionErrors.InvalidInput, $"Extend by 1 to {LiveSessionLimits.MaxExtendMinutes} minutes.");
        }

        var item = State.Current!;
        var extra = TimeSpan.FromMinutes(minutes);
        if (roomId is { } id)
        {
            var room = State.ItemFor(item.Id).Rooms.Find(r => r.Id == id)
                ?? throw new NotFoundException(LiveSessionErrors.RoomNotFound, "No such room in the current item.");
            room.EndsAt += extra;
            Emit(new TimerExtended(item.Id, id, room.EndsAt));
        }
        else if (State.Status == LiveSessionStatus.Paused)
        {
            State.PausedRemaining += extra;
            Emit(new TimerExtended(item.Id, null, Now + State.PausedRemaining!.Value));
        }
        else
        {
            State.ItemEndsAt += extra;
            Emit(new TimerExtended(item.Id, null, State.ItemEndsAt!.Value));
        }

        return await CommitAsync();
    }

    public async Task<long> PauseAsync(Caller caller)
    {
        await RequireFacilitatorAsync(caller);
        RequireStatus(LiveSessionStatus.Running);
        State.PausedRemaining = State.ItemEndsAt is { } ends && ends > Now ? ends - Now : TimeSpan.Zero;
        State.ItemEndsAt = null;
        SetStatus(caller, LiveSessionStatus.Paused);
        return await CommitStatusAsync();
    }

    public async Task<long> ResumeAsync(Caller caller)
    {
        await RequireFacilitatorAsync(caller);
        RequireStatus(LiveSessionStatus.Paused);
        State.ItemEndsAt = Now + (State.PausedRemaining ?? TimeSpan.Zero);
        State.PausedRemaining = null;
        SetStatus(caller, LiveSessionStatus.Running);
        return await CommitStatusAsync();
    }

    public async Task<long> CloseAsync(Caller caller)
    {
        await RequireFacilitatorAsync(caller);
        RequireNotClosed();
        CloseCurrentItem();
        State.ItemEndsAt = null;
        State.PausedRemaining = null;
        SetStatus(caller, LiveSessionStatus.Closed);
        return await CommitStatusAsync();
    }

    public async Task<long> AppointCoFacilitatorAsync(Caller caller, Guid personId)
    {
        var actor = await RequireFacilitatorAsync(caller);
        RequireNotClosed();
        var members = await GrainFactory.GetGrain<IForumGrain>(State.ForumId).GetMembersAsync(caller);
        if (!members.Any(m => m.PersonId == personId && m.Role >= SpaceRole.Member))
        {
            throw new NotFoundException(ErrorCodes.NotMember, "Only members of the forum can facilitate its sessions.");
        }

        if (State.CoFacilitators.Contains(personId))
        {
            return State.Log.Sequence;
        }

        State.CoFacilitators.Add(personId);
        State.Presence = [.. State.Presence.Select(p => p.Person.PersonId == personId ? p with { Person = p.Person with { Role = LiveSessionRole.Facilitator } } : p)];
        Audit(caller, LiveSessionAuditActions.CoFacilitatorAppointed, personId);
        Emit(new FacilitatorAppointed(personId));
        var sequence = await CommitAsync();
        LiveSessionLog.Moderated(logger, Id, LiveSessionAuditActions.CoFacilitatorAppointed, personId, actor);
        return sequence;
    }

    public async Task<long> MuteAsync(Caller caller, Guid personId, bool muted)
    {
        var actor = await RequireFacilitatorAsync(caller);
        RequireNotClosed();
        if (State.Muted.Contains(personId) == muted)
        {
            return State.Log.Sequence;
        }

        if (muted)
        {
            State.Muted.Add(personId);
        }
        else
        {
            State.Muted.Remove(personId);
        }

        var action = muted ? LiveSessionAuditActions.ParticipantMuted : LiveSessionAuditActions.ParticipantUnmuted;
        Audit(caller, action, personId);
        Emit(new ParticipantMuted(personId, muted));
        var sequence = await CommitAsync();
        LiveSessionLog.Moderated(logger, Id, action, personId, actor);
        return sequence;
    }

    public async Task<long> RemoveParticipantAsync(Caller caller, Guid personId)
    {
        var actor = await RequireFacilitatorAsync(caller);
        RequireNotClosed();
        if (personId == actor || State.CoFacilitators.Contains(personId))
        {
            throw new ConflictException(LiveSessionErrors.NotParticipant, "Facilitators cannot be removed from a session.");
        }

        if (State.Removed.Contains(personId))
        {
            return State.Log.Sequence;
        }

        State.Removed.Add(personId);
        foreach (var queue in State.Items.Select(i => i.Queue).OfType<SpeakingQueue>())
        {
            queue.Skip(personId);
            queue.Lower(personId);
        }

        Audit(caller, LiveSessionAuditActions.ParticipantRemoved, personId);
        Emit(new ParticipantRemoved(personId));
        foreach (var gone in State.Presence.Where(p => p.Person.PersonId == personId).ToList())
        {
            RemovePresence(gone);
        }

        var sequence = await CommitAsync();
        LiveSessionLog.Moderated(logger, Id, LiveSessionAuditActions.ParticipantRemoved, personId, actor);
        return sequence;
    }

    public async Task<long> RecordOutcomeAsync(Caller caller, Guid itemId, string text)
    {
        var (person, role) = await RequireParticipantAsync(caller, speaking: false);
        RequireNotClosed();
        if (!State.Agenda.Exists(a => a.Id == itemId))
        {
            throw new NotFoundException(LiveSessionErrors.ItemNotCurrent, "No such agenda item.");
        }

        var item = State.ItemFor(itemId);
        if (role != LiveSessionRole.Facilitator && !item.Rooms.Exists(r => r.Rapporteur == person))
        {
            throw new ForbiddenException(LiveSessionErrors.NotRapporteur, "Only facilitators and the item's rapporteurs record outcomes.");
        }

        item.Outcome = SessionRules.Text(text, LiveSessionLimits.SummaryMaxLength, "outcome");
        Emit(new OutcomeRecorded(itemId, item.Outcome));
        return await CommitAsync();
    }

    private void RequireStatus(params LiveSessionStatus[] allowed)
    {
        RequireNotClosed();
        if (!allowed.Contains(State.Status))
        {
            throw new ConflictException(LiveSessionErrors.WrongStatus, $"Not possible while the session is {State.Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void SetStatus(Caller caller, LiveSessionStatus status)
    {
        State.Status = status;
        Audit(caller, LiveSessionAuditActions.StatusChanged, detail: status.ToString());
        Emit(new SessionStatusChanged(status, State.ItemEndsAt));
    }

    private async Task<long> CommitStatusAsync()
    {
        var sequence = await CommitAsync();
        LiveSessionLog.StatusChanged(logger, Id, State.Status);
        await TrackInForumAsync();
        return sequence;
    }

    /// <summary>Leaves the current item (closing its poll or statements) and opens another with a fresh timer.</summary>
    private void OpenItem(int index)
    {
        CloseCurrentItem();
        var item = State.Agenda[index];
        State.CurrentItem = index;
        State.ItemEndsAt = Now + TimeSpan.FromMinutes(item.PlannedMinutes);
        Emit(new ItemOpened(index, item.Id, State.ItemEndsAt.Value));
        var record = State.ItemFor(item.Id);
        switch (item.Format)
        {
            case AgendaFormat.SpeakingRound:
                record.Queue ??= new SpeakingQueue();
                break;
            case AgendaFormat.Poll:
                record.Poll ??= PollBallots.For(item.Poll!);
                record.Poll.Closed = false;
                Emit(new PollTallied(item.Id, record.Poll.Tally()));
                break;
            case AgendaFormat.Statements:
                record.Statements ??= new StatementBoard();
                record.Statements.Reopen();
                break;
            case AgendaFormat.Breakout when record.Rooms.Count == 0:
                OpenRooms(item, record);
                break;
        }
    }

    private void CloseCurrentItem()
    {
        if (State.Current is not { } item)
        {
            return;
        }

        var record = State.ItemFor(item.Id);
        if (record.Poll is { Closed: false } poll)
        {
            poll.Closed = true;
            Emit(new PollTallied(item.Id, poll.Tally()));
        }

        if (record.Statements is { Closed: false } board)
        {
            Emit(new StatementsConcluded(item.Id, board.Conclude()));
        }

        if (record.Queue is { Speaker: { } speaker } queue)
        {
            queue.Skip(speaker);
            Emit(new SpeakingQueueChanged(item.Id, queue.ToView()));
        }
    }

    /// <summary>Splits the participants present now (not facilitators or observers); each room's first member reports back.</summary>
    private void OpenRooms(AgendaItem item, ItemRecord record)
    {
        var people = State.Presence.Select(p => p.Person).DistinctBy(p => p.PersonId)
            .Where(p => p.Role == LiveSessionRole.Participant && !State.Removed.Contains(p.PersonId))
            .Select(p => new BreakoutPlan.Person(p.PersonId, p.Organisations.Count > 0 ? p.Organisations[0].Id : (Guid?)null))
            .ToList();
        var rooms = BreakoutPlan.Assign(people, item.Breakout!.Rooms, item.Breakout.Mode, Id.GetHashCode());
        record.Rooms = [.. rooms.Select((members, i) => new RoomRecord
        {
            Id = Guid.CreateVersion7(),
            Name = $"Room {i + 1}",
            Members = members,
            Rapporteur = members.Count > 0 ? members[0] : null,
            EndsAt = State.ItemEndsAt!.Value,
        })];
        Emit(new BreakoutOpened(item.Id, [.. record.Rooms.Select(r => r.ToRoom())]));
    }
}
