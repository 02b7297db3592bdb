using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>What participants do under each format: contribute and react, queue to speak, vote, submit and weigh statements, report back.</summary>
internal sealed partial class LiveSessionGrain
{
    public async Task<long> ContributeAsync(Caller caller, ContributeCommand command)
    {
        var (person, _) = await RequireParticipantAsync(caller, speaking: true);
        var authorName = PresentName(person) ?? await GrainFactory.GetGrain<IPersonGrain>(person).GetNameAsync(toFellowMember: false);

        // No await from here until the commit: this call interleaves with others, so checks and change stay in one turn.
        RequireParticipant(person, speaking: true);
        if (State.Items.SelectMany(i => i.Contributions).FirstOrDefault(c => c.Id == command.Id) is { } earlier)
        {
            // A retry of a contribution already posted: acknowledge it again once it is written, post nothing.
            if (earlier.AuthorId != person)
            {
                throw new ConflictException(LiveSessionErrors.InvalidInput, "That contribution id is taken.");
            }

            await CommitAsync();
            return earlier.Sequence;
        }

        RequireRunning();
        var item = State.Current!;
        if (item.Format is not (AgendaFormat.Plenary or AgendaFormat.Breakout))
        {
            throw new ConflictException(LiveSessionErrors.WrongFormat, "Contributions are for plenary and breakout items.");
        }

        var text = SessionRules.Text(command.Text, LiveSessionLimits.ContributionMaxLength, "contribution");
        var record = State.ItemFor(item.Id);
        if (command.ReplyTo is { } replyTo && !record.Contributions.Exists(c => c.Id == replyTo))
        {
            throw new NotFoundException(LiveSessionErrors.ContributionNotFound, "The contribution replied to is not under this item.");
        }

        var contribution = new ContributionRecord
        {
            Id = command.Id == Guid.Empty ? Guid.CreateVersion7() : command.Id,
            RoomId = item.Format == AgendaFormat.Breakout ? record.Rooms.Find(r => r.Members.Contains(person))?.Id : null,
            AuthorId = person,
            AuthorName = authorName,
            Text = text,
            ReplyTo = command.ReplyTo,
            At = Now,
        };
        record.Contributions.Add(contribution);
        contribution.Sequence = Emit(new ContributionPosted(contribution.ToContribution(item.Id))).Sequence;
        await CommitAsync();
        return contribution.Sequence;
    }

    public async Task<long> ReactAsync(Caller caller, Guid contributionId, string reaction)
    {
        var (person, _) = await RequireParticipantAsync(caller, speaking: true);
        RequireRunning();
        if (!LiveSessionLimits.Reactions.Contains(reaction))
        {
            throw new RejectedException(LiveSessionErrors.InvalidInput, $"Reactions are: {string.Join(", ", LiveSessionLimits.Reactions)}.");
        }

        var contribution = State.Items.SelectMany(i => i.Contributions).FirstOrDefault(c => c.Id == contributionId)
            ?? throw new NotFoundException(LiveSessionErrors.ContributionNotFound, "No such contribution in this session.");
        if (contribution.Reactions.Contains(new ReactionRecord(reaction, person)))
        {
            return State.Log.Sequence;
        }

        contribution.Reactions.Add(new ReactionRecord(reaction, person));
        Emit(new ReactionChanged(contributionId, reaction, contribution.Reactions.Count(r => r.Reaction == reaction)));
        return await CommitAsync();
    }

    public async Task<long> RaiseHandAsync(Caller caller)
    {
        var (person, _) = await RequireParticipantAsync(caller, speaking: true);
        var (item, record) = RequireCurrent(AgendaFormat.SpeakingRound);
        return record.Queue!.Raise(person) ? await QueueChangedAsync(item, record) : State.Log.Sequence;
    }

    public async Task<long> LowerHandAsync(Caller caller)
    {
        var (person, _) = await RequireParticipantAsync(caller, speaking: false);
        var (item, record) = RequireCurrent(AgendaFormat.SpeakingRound);
        return record.Queue!.Lower(person) ? await QueueChangedAsync(item, record) : State.Log.Sequence;
    }

    public async Task<long> GiveFloorAsync(Caller caller, Guid? personId)
    {
        await RequireFacilitatorAsync(caller);
        var (item, record) = RequireCurrent(AgendaFormat.SpeakingRound);
        var turn = TimeSpan.FromSeconds(item.SpeakerSeconds ?? LiveSessionLimits.DefaultSpeakerSeconds);
        record.Queue!.GiveFloor(personId, Now, turn);
        return await QueueChangedAsync(item, record);
    }

    public async Task<long> ReorderQueueAsync(Caller caller, IReadOnlyList<Guid> order)
    {
        await RequireFacilitatorAsync(caller);
        var (item, record) = RequireCurrent(AgendaFormat.SpeakingRound);
        record.Queue!.Reorder(order);
        return await QueueChangedAsync(item, record);
    }

    public async Task<long> SkipSpeakerAsync(Caller caller, Guid personId)
    {
        await RequireFacilitatorAsync(caller);
        var (item, record) = RequireCurrent(AgendaFormat.SpeakingRound);
        return record.Queue!.Skip(personId) ? await QueueChangedAsync(item, record) : State.Log.Sequence;
    }

    public async Task<long> VoteAsync(Caller caller, Guid itemId, IReadOnlyList<int> choices)
    {
        var (person, _) = await RequireParticipantAsync(caller, speaking: false);
        var (item, record) = RequireCurrent(AgendaFormat.Poll, itemId);
        record.Poll!.Cast(person, choices ?? []);
        Emit(new PollTallied(item.Id, record.Poll.Tally()));
        return await CommitAsync();
    }

    public async Task<long> SubmitStatementAsync(Caller caller, Guid itemId, string text)
    {
        var (person, _) = await RequireParticipantAsync(caller, speaking: true);
        var (item, record) = RequireCurrent(AgendaFormat.Statements, itemId);
        var statement = record.Statements!.Submit(Guid.CreateVersion7(), person,
            SessionRules.Text(text, LiveSessionLimits.StatementMaxLength, "statement"), Now);
        Emit(new StatementSubmitted(item.Id, statement.Id, statement.Text));
        return await CommitAsync();
    }

    public async Task<long> VoteOnStatementAsync(Caller caller, Guid statementId, StatementVote vote)
    {
        var (person, _) = await RequireParticipantAsync(caller, speaking: false);
        if (!Enum.IsDefined(vote))
        {
            throw new RejectedException(LiveSessionErrors.InvalidBallot, "Agree, disagree or pass.");
        }

        var (item, record) = RequireCurrent(AgendaFormat.Statements);
        if (!record.Statements!.Vote(statementId, person, vote))
        {
            return State.Log.Sequence;
        }

        Emit(new StatementTallied(item.Id, record.Statements.Tally(statementId)));
        return await CommitAsync();
    }

    public async Task<long> PostSummaryAsync(Caller caller, Guid roomId, string text)
    {
        var (person, role) = await RequireParticipantAsync(caller, speaking: false);
        RequireNotClosed();
        var (itemId, room) = State.Items.SelectMany(i => i.Rooms.Select(r => (i.ItemId, Room: r))).FirstOrDefault(x => x.Room.Id == roomId);
        if (room is null)
        {
            throw new NotFoundException(LiveSessionErrors.RoomNotFound, "No such breakout room in this session.");
        }

        if (room.Rapporteur != person && role != LiveSessionRole.Facilitator)
        {
            throw new ForbiddenException(LiveSessionErrors.NotRapporteur, "Only the room's rapporteur reports back.");
        }

        room.Summary = SessionRules.Text(text, LiveSessionLimits.SummaryMaxLength, "summary");
        Emit(new SummaryPosted(itemId, roomId, room.Summary));
        return await CommitAsync();
    }

    private Task<long> QueueChangedAsync(AgendaItem item, ItemRecord record)
    {
        Emit(new SpeakingQueueChanged(item.Id, record.Queue!.ToView()));
        return CommitAsync();
    }
}
