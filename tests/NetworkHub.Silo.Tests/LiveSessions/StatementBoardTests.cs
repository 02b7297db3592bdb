using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.LiveSessions;

namespace NetworkHub.Silo.Tests.LiveSessions;

public sealed class StatementBoardTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Vote_ChangedByPerson_TalliesOncePerPerson()
    {
        var board = new StatementBoard();
        var statement = board.Submit(Guid.NewGuid(), Guid.NewGuid(), "Water before mining", Now);
        var ana = Guid.NewGuid();

        Assert.True(board.Vote(statement.Id, ana, StatementVote.Agree));
        Assert.False(board.Vote(statement.Id, ana, StatementVote.Agree));
        Assert.True(board.Vote(statement.Id, ana, StatementVote.Disagree));
        board.Vote(statement.Id, Guid.NewGuid(), StatementVote.Pass);

        Assert.Equal(new StatementTally(statement.Id, "Water before mining", 0, 1, 1), board.Tally(statement.Id));
    }

    [Fact]
    public void Vote_UnknownStatementOrClosedBoard_IsRefused()
    {
        var board = new StatementBoard();
        var statement = board.Submit(Guid.NewGuid(), Guid.NewGuid(), "S", Now);

        Assert.Throws<NotFoundException>(() => board.Vote(Guid.NewGuid(), Guid.NewGuid(), StatementVote.Agree));
        board.Conclude();
        Assert.Throws<ConflictException>(() => board.Vote(statement.Id, Guid.NewGuid(), StatementVote.Agree));
        Assert.Throws<ConflictException>(() => board.Submit(Guid.NewGuid(), Guid.NewGuid(), "Late", Now));
    }

    [Fact]
    public void Conclude_TwoOpposedGroups_FindsBothGroupsAndOnlyTheSharedStatement()
    {
        var (board, shared, people) = PlantedBoard();

        var results = board.Conclude();

        Assert.Equal(2, results.Groups.Count);
        Assert.Equal([people / 2, people / 2], results.Groups.Select(g => g.Size));
        Assert.Equal([shared], results.BroadAgreement);
        Assert.All(results.Groups, g => Assert.Equal(1.0, g.Stances.Single(s => s.StatementId == shared).AgreeShare));
    }

    /// <summary>Half the people agree with statements 0–2 and reject 3–5, the other half the reverse; everyone agrees with the last.</summary>
    internal static (StatementBoard Board, Guid Shared, int People) PlantedBoard()
    {
        var board = new StatementBoard();
        var statements = Enumerable.Range(0, 6).Select(i => board.Submit(Guid.NewGuid(), Guid.NewGuid(), $"S{i}", Now).Id).ToList();
        var shared = board.Submit(Guid.NewGuid(), Guid.NewGuid(), "Shared", Now).Id;
        const int people = 10;
        for (var p = 0; p < people; p++)
        {
            var person = Guid.NewGuid();
            var first = p % 2 == 0;
            for (var s = 0; s < statements.Count; s++)
            {
                var agree = s < 3 == first;
                // A little noise: some people pass on one statement of their side.
                var vote = p % 3 == 0 && s == p % 6 ? StatementVote.Pass : agree ? StatementVote.Agree : StatementVote.Disagree;
                board.Vote(statements[s], person, vote);
            }

            board.Vote(shared, person, StatementVote.Agree);
        }

        return (board, shared, people);
    }
}
