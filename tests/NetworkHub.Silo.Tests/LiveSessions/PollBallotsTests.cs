using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.LiveSessions;

namespace NetworkHub.Silo.Tests.LiveSessions;

public sealed class PollBallotsTests
{
    private static readonly Guid Ana = Guid.NewGuid(), Bo = Guid.NewGuid();

    [Fact]
    public void Cast_SamePersonTwice_KeepsOnlyTheLaterBallot()
    {
        var poll = PollBallots.For(new PollSettings(["Land", "Water", "Seeds"], MultipleChoice: false, Anonymous: true));

        poll.Cast(Ana, [0]);
        poll.Cast(Ana, [2]);
        poll.Cast(Bo, [2]);

        var tally = poll.Tally();
        Assert.Equal([0, 0, 2], tally.Counts);
        Assert.Equal(2, tally.Voters);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 1 })]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { -1 })]
    public void Cast_InvalidSingleChoice_IsRejected(int[] choices)
    {
        var poll = PollBallots.For(new PollSettings(["A", "B", "C"], MultipleChoice: false, Anonymous: false));

        var error = Assert.Throws<RejectedException>(() => poll.Cast(Ana, choices));

        Assert.Equal(LiveSessionErrors.InvalidBallot, error.Code);
        Assert.Equal(0, poll.Tally().Voters);
    }

    [Fact]
    public void Cast_MultipleChoice_CountsEachOptionOncePerPerson()
    {
        var poll = PollBallots.For(new PollSettings(["A", "B", "C"], MultipleChoice: true, Anonymous: false));

        poll.Cast(Ana, [2, 0]);
        poll.Cast(Bo, [0]);

        Assert.Equal([2, 0, 1], poll.Tally().Counts);
        Assert.Throws<RejectedException>(() => poll.Cast(Bo, [1, 1]));
    }

    [Fact]
    public void Cast_AfterClosing_ConflictsAndBallotsShowOnlyWhenNotAnonymous()
    {
        var open = PollBallots.For(new PollSettings(["A", "B"], MultipleChoice: false, Anonymous: false));
        var secret = PollBallots.For(new PollSettings(["A", "B"], MultipleChoice: false, Anonymous: true));
        open.Cast(Ana, [1]);
        secret.Cast(Ana, [1]);
        Assert.Null(open.Tally().Ballots);

        open.Closed = secret.Closed = true;

        Assert.Throws<ConflictException>(() => open.Cast(Bo, [0]));
        Assert.Equal(Ana, Assert.Single(open.Tally().Ballots!).PersonId);
        Assert.Null(secret.Tally().Ballots);
    }
}
