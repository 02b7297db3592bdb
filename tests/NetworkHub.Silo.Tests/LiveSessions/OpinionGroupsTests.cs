using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.LiveSessions;

namespace NetworkHub.Silo.Tests.LiveSessions;

public sealed class OpinionGroupsTests
{
    [Fact]
    public void Cluster_PlantedTwoGroups_RecoversExactlyThePlantedGroups()
    {
        var statements = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        var groupA = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        var groupB = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var votes = new List<StatementVoteRecord>();
        foreach (var (person, i) in groupA.Select((p, i) => (p, i)))
        {
            votes.AddRange(statements.Select((s, j) => new StatementVoteRecord(s, person,
                i == j ? StatementVote.Pass : j < 3 ? StatementVote.Agree : StatementVote.Disagree)));
        }

        foreach (var (person, i) in groupB.Select((p, i) => (p, i)))
        {
            // Group B skips a statement now and then: missing votes count as pass.
            votes.AddRange(statements.Where((_, j) => j != i).Select((s, j) => new StatementVoteRecord(s, person,
                statements.IndexOf(s) < 3 ? StatementVote.Disagree : StatementVote.Agree)));
        }

        var clustering = OpinionGroups.Cluster(statements, votes);

        Assert.Equal(2, clustering.GroupCount);
        var byPerson = clustering.People.Select((p, i) => (p, g: clustering.Assignment[i])).ToDictionary(x => x.p, x => x.g);
        Assert.Single(groupA.Select(p => byPerson[p]).Distinct());
        Assert.Single(groupB.Select(p => byPerson[p]).Distinct());
        Assert.NotEqual(byPerson[groupA[0]], byPerson[groupB[0]]);
        Assert.True(clustering.Silhouette > 0.5, $"silhouette {clustering.Silhouette}");
    }

    [Fact]
    public void Cluster_SameVotesInAnyOrder_GivesTheSameResult()
    {
        var (board, _, _) = StatementBoardTests.PlantedBoard();
        var statements = board.Statements.Select(s => s.Id).ToList();

        var first = OpinionGroups.Cluster(statements, board.Votes);
        var shuffled = board.Votes.ToArray();
        new Random(7).Shuffle(shuffled);
        var second = OpinionGroups.Cluster(statements, shuffled);

        Assert.Equal(first.People, second.People);
        Assert.Equal(first.Assignment, second.Assignment);
        Assert.Equal(first.Silhouette, second.Silhouette);
    }

    [Fact]
    public void Cluster_EveryoneAlike_IsOneGroup()
    {
        var statements = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var votes = Enumerable.Range(0, 8).SelectMany(_ =>
        {
            var person = Guid.NewGuid();
            return statements.Select(s => new StatementVoteRecord(s, person, StatementVote.Agree));
        }).ToList();

        var clustering = OpinionGroups.Cluster(statements, votes);

        Assert.Equal(1, clustering.GroupCount);
        Assert.All(clustering.Assignment, g => Assert.Equal(0, g));
    }

    [Fact]
    public void Cluster_TooFewPeople_IsOneGroup()
    {
        var statement = Guid.NewGuid();
        var votes = new[] { StatementVote.Agree, StatementVote.Disagree, StatementVote.Agree }
            .Select(v => new StatementVoteRecord(statement, Guid.NewGuid(), v)).ToList();

        Assert.Equal(1, OpinionGroups.Cluster([statement], votes).GroupCount);
        Assert.Equal(0, OpinionGroups.Cluster([statement], []).GroupCount);
    }

    [Fact]
    public void TopEigenvectors_DiagonalMatrix_AreTheAxesByDecreasingEigenvalue()
    {
        var vectors = OpinionGroups.TopEigenvectors(new double[,] { { 1, 0, 0 }, { 0, 5, 0 }, { 0, 0, 3 } }, 2);

        Assert.Equal([0, 1, 0], vectors[0].Select(x => Math.Round(x, 9)));
        Assert.Equal([0, 0, 1], vectors[1].Select(x => Math.Round(x, 9)));
    }
}
