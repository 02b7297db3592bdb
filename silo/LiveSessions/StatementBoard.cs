using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// The statements of a statements item and everyone's agree / disagree / pass votes on them (one per person and
/// statement, changeable until the item closes). Closing it finds the opinion groups and the broad agreement.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.StatementBoard")]
public sealed class StatementBoard
{
    /// <summary>A statement is broadly agreed when at least this share of every group that voted on it agreed.</summary>
    public const double BroadAgreementShare = 0.6;

    [Id(0)] public List<StatementRecord> Statements { get; set; } = [];
    [Id(1)] public List<StatementVoteRecord> Votes { get; set; } = [];
    [Id(2)] public bool Closed { get; set; }
    [Id(3)] public StatementResults? Results { get; set; }

    public StatementRecord Submit(Guid id, Guid author, string text, DateTimeOffset at)
    {
        EnsureOpen();
        var statement = new StatementRecord(id, author, text, at);
        Statements.Add(statement);
        return statement;
    }

    /// <summary>False when the person had already voted the same way.</summary>
    public bool Vote(Guid statementId, Guid person, StatementVote vote)
    {
        EnsureOpen();
        if (!Statements.Exists(s => s.Id == statementId))
        {
            throw new NotFoundException(LiveSessionErrors.StatementNotFound, "No such statement in this item.");
        }

        var index = Votes.FindIndex(v => v.StatementId == statementId && v.PersonId == person);
        if (index >= 0 && Votes[index].Vote == vote)
        {
            return false;
        }

        var record = new StatementVoteRecord(statementId, person, vote);
        if (index >= 0)
        {
            Votes[index] = record;
        }
        else
        {
            Votes.Add(record);
        }

        return true;
    }

    public bool Contains(Guid statementId) => Statements.Exists(s => s.Id == statementId);

    public StatementTally Tally(Guid statementId)
    {
        var statement = Statements.Find(s => s.Id == statementId)!;
        var votes = Votes.Where(v => v.StatementId == statementId).ToList();
        return new StatementTally(statementId, statement.Text,
            votes.Count(v => v.Vote == StatementVote.Agree),
            votes.Count(v => v.Vote == StatementVote.Disagree),
            votes.Count(v => v.Vote == StatementVote.Pass));
    }

    public IReadOnlyList<StatementTally> Tallies() => [.. Statements.Select(s => Tally(s.Id))];

    /// <summary>Closes voting and computes the results (again, if the item was reopened).</summary>
    public StatementResults Conclude()
    {
        Closed = true;
        var statements = Statements.Select(s => s.Id).ToList();
        var clustering = OpinionGroups.Cluster(statements, Votes);
        var groups = new List<OpinionGroup>();
        for (var g = 0; g < clustering.GroupCount; g++)
        {
            var members = clustering.People.Where((_, i) => clustering.Assignment[i] == g).ToHashSet();
            var stances = statements.Select(s =>
            {
                var votes = Votes.Where(v => v.StatementId == s && members.Contains(v.PersonId)).ToList();
                return new GroupStance(s,
                    votes.Count == 0 ? 0 : (double)votes.Count(v => v.Vote == StatementVote.Agree) / votes.Count,
                    votes.Count == 0 ? 0 : (double)votes.Count(v => v.Vote == StatementVote.Disagree) / votes.Count,
                    votes.Count);
            }).ToList();
            groups.Add(new OpinionGroup(g, members.Count, stances));
        }

        var broad = statements
            .Where(s => groups.Count > 0 && groups.All(g => g.Stances.First(x => x.StatementId == s) is { Voters: > 0, AgreeShare: >= BroadAgreementShare }))
            .ToList();
        Results = new StatementResults(broad, groups);
        return Results;
    }

    public void Reopen() => Closed = false;

    private void EnsureOpen()
    {
        if (Closed)
        {
            throw new ConflictException(LiveSessionErrors.ItemNotCurrent, "Voting on these statements has closed.");
        }
    }
}

[GenerateSerializer, Alias("NetworkHub.StatementRecord")]
public sealed record StatementRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid AuthorId,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Alias("NetworkHub.StatementVoteRecord")]
public sealed record StatementVoteRecord(
    [property: Id(0)] Guid StatementId,
    [property: Id(1)] Guid PersonId,
    [property: Id(2)] StatementVote Vote);
