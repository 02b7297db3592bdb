using NetworkHub.Contracts.Committees;
using NetworkHub.Silo.Committees;

namespace NetworkHub.Silo.Tests.Committees;

public sealed class VoteCountTests
{
    private static readonly QuorumRule MoreThanHalf = QuorumRule.MoreThanHalf;

    private static VoteResult Count(VotingMethod method, int yes, int no, int abstain, int present = 10, int voting = 10) =>
        VoteCount.Count(method, MoreThanHalf, voting, present, new VoteTotals(yes, no, abstain));

    [Theory]
    [InlineData(QuorumKind.MoreThanPercent, 50, 10, 6)]
    [InlineData(QuorumKind.MoreThanPercent, 50, 11, 6)]
    [InlineData(QuorumKind.MoreThanPercent, 50, 1, 1)]
    [InlineData(QuorumKind.MoreThanPercent, 66, 12, 8)]
    [InlineData(QuorumKind.AtLeastPercent, 50, 10, 5)]
    [InlineData(QuorumKind.AtLeastPercent, 50, 11, 6)]
    [InlineData(QuorumKind.AtLeastPercent, 100, 12, 12)]
    [InlineData(QuorumKind.AtLeastPercent, 0, 12, 0)]
    [InlineData(QuorumKind.AtLeastCount, 7, 12, 7)]
    [InlineData(QuorumKind.AtLeastPercent, 50, 0, 0)]
    [InlineData(QuorumKind.MoreThanPercent, 50, 0, 1)]
    public void QuorumRequired_FollowsTheRule(QuorumKind kind, int value, int voting, int expected) =>
        Assert.Equal(expected, VoteCount.QuorumRequired(new QuorumRule(kind, value), voting));

    [Fact]
    public void QuorumRequired_AGreatAssemblyDoesNotOverflow() =>
        Assert.Equal(1_000_000_000, VoteCount.QuorumRequired(new QuorumRule(QuorumKind.AtLeastPercent, 50), 2_000_000_000));

    [Fact]
    public void Count_QuorumMissed_DecidesNothingWhateverTheVotes()
    {
        var result = Count(VotingMethod.SimpleMajority, yes: 5, no: 0, abstain: 0, present: 5, voting: 10);

        Assert.Equal(VoteOutcome.NotDecided, result.Outcome);
        Assert.False(result.QuorumMet);
        Assert.Equal(6, result.QuorumRequired);
        Assert.Equal(5, result.PresentAllotments);
        Assert.Equal(10, result.VotingAllotments);
        Assert.Equal(new VoteTotals(5, 0, 0), result.Totals);
    }

    [Fact]
    public void Count_QuorumJustMet_Decides()
    {
        var result = Count(VotingMethod.SimpleMajority, yes: 4, no: 2, abstain: 0, present: 6, voting: 10);

        Assert.True(result.QuorumMet);
        Assert.Equal(VoteOutcome.Adopted, result.Outcome);
    }

    [Theory]
    [InlineData(QuorumKind.AtLeastPercent, 0)]
    [InlineData(QuorumKind.AtLeastCount, 0)]
    [InlineData(QuorumKind.MoreThanPercent, 50)]
    public void Count_NoVotingAllotments_NeverMeetsQuorum(QuorumKind kind, int value)
    {
        var result = VoteCount.Count(VotingMethod.Consensus, new QuorumRule(kind, value), 0, 0, VoteTotals.Zero);

        Assert.False(result.QuorumMet);
        Assert.Equal(VoteOutcome.NotDecided, result.Outcome);
    }

    [Fact]
    public void Count_HundredPercentQuorum_NeedsEverySeat()
    {
        var rule = new QuorumRule(QuorumKind.AtLeastPercent, 100);

        Assert.False(VoteCount.Count(VotingMethod.SimpleMajority, rule, 12, 11, new VoteTotals(11, 0, 0)).QuorumMet);
        Assert.True(VoteCount.Count(VotingMethod.SimpleMajority, rule, 12, 12, new VoteTotals(11, 0, 0)).QuorumMet);
        // More than 100 percent can never be present: such a committee decides nothing.
        Assert.False(VoteCount.QuorumMet(new QuorumRule(QuorumKind.MoreThanPercent, 100), 12, 12));
    }

    [Fact]
    public void Count_FixedQuorum_CountsAllotmentsNotSeats()
    {
        var rule = new QuorumRule(QuorumKind.AtLeastCount, 4);

        Assert.False(VoteCount.QuorumMet(rule, 20, 3));
        Assert.True(VoteCount.QuorumMet(rule, 20, 4));
    }

    [Theory]
    [InlineData(VotingMethod.SimpleMajority)]
    [InlineData(VotingMethod.TwoThirds)]
    public void Count_Tie_IsRejected(VotingMethod method) =>
        Assert.Equal(VoteOutcome.Rejected, Count(method, yes: 4, no: 4, abstain: 2).Outcome);

    [Fact]
    public void Count_SimpleMajority_OneMoreYesAdopts() =>
        Assert.Equal(VoteOutcome.Adopted, Count(VotingMethod.SimpleMajority, yes: 5, no: 4, abstain: 1).Outcome);

    [Fact]
    public void Count_TwoThirds_ExactlyMetAdopts() =>
        Assert.Equal(VoteOutcome.Adopted, Count(VotingMethod.TwoThirds, yes: 6, no: 3, abstain: 1).Outcome);

    [Fact]
    public void Count_TwoThirds_JustMissedRejects() =>
        Assert.Equal(VoteOutcome.Rejected, Count(VotingMethod.TwoThirds, yes: 5, no: 3, abstain: 2).Outcome);

    [Fact]
    public void Count_TwoThirds_OnlyAbstentionsRejects() =>
        Assert.Equal(VoteOutcome.Rejected, Count(VotingMethod.TwoThirds, yes: 0, no: 0, abstain: 10).Outcome);

    [Fact]
    public void Count_AbsoluteMajority_MeasuresAgainstAllAllotmentsPresentOrNot()
    {
        // 6 of 10 present, all yes: more than half of 10.
        Assert.Equal(VoteOutcome.Adopted, Count(VotingMethod.AbsoluteMajority, yes: 6, no: 0, abstain: 0, present: 6).Outcome);
        // 5 yes of 10 is half, not more than half, even with nobody against.
        Assert.Equal(VoteOutcome.Rejected, Count(VotingMethod.AbsoluteMajority, yes: 5, no: 0, abstain: 2, present: 7).Outcome);
    }

    [Fact]
    public void Count_Consensus_OneObjectionRejects() =>
        Assert.Equal(VoteOutcome.Rejected, Count(VotingMethod.Consensus, yes: 9, no: 1, abstain: 0).Outcome);

    [Fact]
    public void Count_Consensus_StandingAsideIsNoObjection() =>
        Assert.Equal(VoteOutcome.Adopted, Count(VotingMethod.Consensus, yes: 2, no: 0, abstain: 8).Outcome);

    [Fact]
    public void Count_Unanimity_EveryonePresentYesAdopts() =>
        Assert.Equal(VoteOutcome.Adopted, Count(VotingMethod.Unanimity, yes: 7, no: 0, abstain: 0, present: 7).Outcome);

    [Fact]
    public void Count_Unanimity_APresentSeatThatDidNotVoteFails() =>
        Assert.Equal(VoteOutcome.Rejected, Count(VotingMethod.Unanimity, yes: 6, no: 0, abstain: 0, present: 7).Outcome);

    // One abstention among otherwise yes votes, under each method: only unanimity falls.
    [Theory]
    [InlineData(VotingMethod.SimpleMajority, VoteOutcome.Adopted)]
    [InlineData(VotingMethod.AbsoluteMajority, VoteOutcome.Adopted)]
    [InlineData(VotingMethod.TwoThirds, VoteOutcome.Adopted)]
    [InlineData(VotingMethod.Unanimity, VoteOutcome.Rejected)]
    [InlineData(VotingMethod.Consensus, VoteOutcome.Adopted)]
    public void Count_OneAbstention(VotingMethod method, VoteOutcome expected) =>
        Assert.Equal(expected, Count(method, yes: 9, no: 0, abstain: 1).Outcome);

    // Abstentions are not cast votes: 3 yes, 2 no, 5 abstain.
    [Theory]
    [InlineData(VotingMethod.SimpleMajority, VoteOutcome.Adopted)]
    [InlineData(VotingMethod.AbsoluteMajority, VoteOutcome.Rejected)]
    [InlineData(VotingMethod.TwoThirds, VoteOutcome.Rejected)]
    [InlineData(VotingMethod.Unanimity, VoteOutcome.Rejected)]
    [InlineData(VotingMethod.Consensus, VoteOutcome.Rejected)]
    public void Count_ManyAbstentions(VotingMethod method, VoteOutcome expected) =>
        Assert.Equal(expected, Count(method, yes: 3, no: 2, abstain: 5).Outcome);

    [Fact]
    public void Count_ResultCarriesMethodAndTotals()
    {
        var result = Count(VotingMethod.TwoThirds, yes: 6, no: 3, abstain: 1, present: 10, voting: 12);

        Assert.Equal(new VoteResult(VoteOutcome.Adopted, VotingMethod.TwoThirds, new VoteTotals(6, 3, 1), 10, 12, 7, true), result);
    }
}
