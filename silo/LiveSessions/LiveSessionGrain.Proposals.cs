using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// From dialogue to decision: a facilitator proposes to a committee from what the session produced. The committee keeps
/// the proposal and what becomes of it; the session keeps only which committees it proposed to, and asks them (as the
/// reader) when its proposals are shown, so a decision number appears here as soon as it exists and a committee the
/// reader may not look into shows nothing.
/// </summary>
internal sealed partial class LiveSessionGrain
{
    public async Task<Proposal> ProposeAsync(Caller caller, Guid proposalId, SessionProposalCommand command)
    {
        await RequireFacilitatorAsync(caller);
        var (title, origin) = Quote(command.Source);
        var committee = command.CommitteeId;
        var added = !State.ProposedTo.Contains(committee);
        if (added)
        {
            if (State.ProposedTo.Count >= LiveSessionLimits.ProposalCommitteesMax)
            {
                throw new ConflictException(LiveSessionErrors.TooManyCommittees, $"A session proposes to at most {LiveSessionLimits.ProposalCommitteesMax} committees.");
            }

            // Written before the committee stores anything, so every proposal it keeps is found from here.
            State.ProposedTo.Add(committee);
            await CommitAsync();
        }

        var draft = new ProposalDraft(
            command.Kind, string.IsNullOrWhiteSpace(command.Title) ? title : command.Title,
            string.IsNullOrWhiteSpace(command.Text) ? origin.Quote : command.Text, origin, command.Assignee);
        try
        {
            return await GrainFactory.GetGrain<IProposalsGrain>(committee).DraftAsync(caller, proposalId, draft);
        }
        catch (DomainException) when (added)
        {
            // Refused (a committee the caller may not propose to, or cannot see): nothing to find there.
            State.ProposedTo.Remove(committee);
            await CommitAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<Proposal>> GetProposalsAsync(Caller caller)
    {
        await RoleOfAsync(caller);
        return await ProposalsAsync(caller);
    }

    private async Task<IReadOnlyList<Proposal>> ProposalsAsync(Caller caller)
    {
        var lists = await Task.WhenAll(State.ProposedTo.Select(c => GrainFactory.GetGrain<IProposalsGrain>(c).FromSessionAsync(caller, Id)));
        return [.. lists.SelectMany(l => l).OrderBy(p => p.ProposedAt)];
    }

    /// <summary>The source's text as it stands now, and a title from its agenda item.</summary>
    private (string Title, ProposalOrigin Origin) Quote(ProposalSource source)
    {
        var agendaItem = State.Agenda.Find(a => a.Id == source.ItemId);
        var item = State.Items.Find(i => i.ItemId == source.ItemId);
        if (agendaItem is null || item is null)
        {
            throw new NotFoundException(LiveSessionErrors.SourceNotFound, "The session has no such item to propose from.");
        }

        var (sourceId, quote) = source.Kind switch
        {
            ProposalSourceKind.Summary => (source.RoomId, item.Rooms.Find(r => r.Id == source.RoomId)?.Summary),
            ProposalSourceKind.Statement => (source.StatementId, BroadlyAgreed(item, source.StatementId)),
            ProposalSourceKind.Poll => (null, item.Poll is { } poll ? PollQuote(agendaItem, poll.Tally()) : null),
            ProposalSourceKind.Outcome => ((Guid?)null, item.Outcome),
            _ => (null, null),
        };
        return quote is null
            ? throw new NotFoundException(LiveSessionErrors.SourceNotFound, $"The item has no such {source.Kind.ToString().ToLowerInvariant()} to propose from.")
            : (agendaItem.Title, new ProposalOrigin(Id, item.ItemId, source.Kind, sourceId, quote));
    }

    /// <summary>Only a statement every opinion group broadly agrees with, once the item has closed and found them.</summary>
    private static string? BroadlyAgreed(ItemRecord item, Guid? statementId) =>
        item.Statements is { Results: { } results } board && statementId is { } id && results.BroadAgreement.Contains(id)
            ? board.Tallies().FirstOrDefault(t => t.StatementId == id)?.Text
            : null;

    private static string PollQuote(AgendaItem item, PollResult tally) =>
        $"{item.Title}: {string.Join("; ", tally.Options.Select((o, i) => $"{o} {tally.Counts[i]}"))} ({tally.Voters} voted)";
}
