using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// What a session's state holds about one person, for their export, and its erasure. What others took part in stays
/// (the record of the session, tallies and opinion groups would change otherwise), under a former member's id and name.
/// </summary>
public static class SessionPersonData
{
    public static PersonInSession? Export(LiveSessionState state, Guid sessionId, Guid personId)
    {
        var contributions = state.Items.SelectMany(i => i.Contributions.Where(c => c.AuthorId == personId).Select(c => c.ToContribution(i.ItemId))).ToList();
        var statements = state.Items.Where(i => i.Statements is not null)
            .SelectMany(i => i.Statements!.Statements.Where(s => s.AuthorId == personId).Select(s => new SessionStatement(i.ItemId, s.Id, s.Text, s.At))).ToList();
        var ballots = state.Items.Where(i => i.Poll is not null)
            .SelectMany(i => i.Poll!.Ballots.Where(b => b.PersonId == personId).Select(b => new SessionBallot(i.ItemId, b.Choices))).ToList();
        var votes = state.Items.Where(i => i.Statements is not null)
            .SelectMany(i => i.Statements!.Votes.Where(v => v.PersonId == personId).Select(v => new SessionStatementVote(v.StatementId, v.Vote))).ToList();
        var reactions = state.Items.SelectMany(i => i.Contributions)
            .SelectMany(c => c.Reactions.Where(r => r.PersonId == personId).Select(r => new SessionReaction(c.Id, r.Reaction))).ToList();
        var audit = state.Audit.Where(e => PersonData.Names(e, personId)).ToList();
        var attended = state.Attendance.Find(a => a.PersonId == personId);
        if (!state.Exists || (attended is null && contributions.Count == 0 && statements.Count == 0 && ballots.Count == 0
            && votes.Count == 0 && reactions.Count == 0 && audit.Count == 0))
        {
            return null;
        }

        return new PersonInSession(sessionId, state.ForumId, state.Title, attended?.FirstJoinedAt, contributions, statements, ballots, votes, reactions, audit);
    }

    /// <summary>
    /// Replaces the person's id by <paramref name="formerId"/> and their name by <see cref="FormerMember.Name"/> everywhere
    /// the session keeps them, drops their presence and the recent events (which carry names; clients further behind get a
    /// snapshot instead). False when the session held nothing of theirs.
    /// </summary>
    public static bool Erase(LiveSessionState state, Guid personId, Guid formerId)
    {
        var changed = state.Presence.RemoveAll(p => p.Person.PersonId == personId) > 0;
        Guid Swap(Guid id)
        {
            if (id != personId)
            {
                return id;
            }

            changed = true;
            return formerId;
        }

        List<Guid> SwapAll(List<Guid> ids) => [.. ids.Select(Swap)];

        state.CreatedBy = Swap(state.CreatedBy);
        state.CoFacilitators = SwapAll(state.CoFacilitators);
        state.Muted = SwapAll(state.Muted);
        state.Removed = SwapAll(state.Removed);
        state.Attendance = [.. state.Attendance.Select(a => a.PersonId == personId ? a with { PersonId = Swap(a.PersonId), Name = FormerMember.Name } : a)];
        foreach (var item in state.Items)
        {
            foreach (var contribution in item.Contributions)
            {
                if (contribution.AuthorId == personId)
                {
                    contribution.AuthorId = Swap(contribution.AuthorId);
                    contribution.AuthorName = FormerMember.Name;
                }

                contribution.Reactions = [.. contribution.Reactions.Select(r => r with { PersonId = Swap(r.PersonId) })];
            }

            if (item.Queue is { } queue)
            {
                changed |= queue.Waiting.Remove(personId);
                queue.Speaker = queue.Speaker is { } speaker ? Swap(speaker) : null;
            }

            if (item.Poll is { } poll)
            {
                poll.Ballots = [.. poll.Ballots.Select(b => b with { PersonId = Swap(b.PersonId) })];
            }

            if (item.Statements is { } board)
            {
                board.Statements = [.. board.Statements.Select(s => s with { AuthorId = Swap(s.AuthorId) })];
                board.Votes = [.. board.Votes.Select(v => v with { PersonId = Swap(v.PersonId) })];
            }

            foreach (var room in item.Rooms)
            {
                room.Members = SwapAll(room.Members);
                room.Rapporteur = room.Rapporteur is { } rapporteur ? Swap(rapporteur) : null;
            }
        }

        changed |= PersonData.EraseFromAudit(state.Audit, personId, formerId);
        if (changed)
        {
            state.Log.Recent.Clear();
        }

        return changed;
    }
}
