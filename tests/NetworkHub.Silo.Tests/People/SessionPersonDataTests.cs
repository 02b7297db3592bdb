using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.LiveSessions;

namespace NetworkHub.Silo.Tests.People;

/// <summary>A session keeps what others took part in, under the former member; the person's id and name are gone from it.</summary>
public sealed class SessionPersonDataTests
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid Former = Guid.NewGuid();

    [Fact]
    public void Erase_ReplacesThePersonEverywhere_KeepsTalliesAndOthers()
    {
        var state = StateWithPersonAndOther();

        Assert.True(SessionPersonData.Erase(state, Person, Former));

        var item = state.Items[0];
        var mine = item.Contributions.Single(c => c.Text == "mine");
        Assert.Equal((Former, FormerMember.Name), (mine.AuthorId, mine.AuthorName));
        Assert.Equal(("theirs", "Otra"), (item.Contributions[1].Text, item.Contributions[1].AuthorName));
        Assert.Equal([Other, Former], item.Contributions[1].Reactions.Select(r => r.PersonId));
        Assert.Equal([1, 1], item.Poll!.Tally().Counts);
        Assert.Equal(Former, item.Statements!.Statements.Single().AuthorId);
        Assert.Equal(Former, item.Statements.Votes.Single().PersonId);
        Assert.DoesNotContain(item.Queue!.Waiting, p => p == Person);
        Assert.Equal([Other], state.Presence.Select(p => p.Person.PersonId));
        Assert.Equal(FormerMember.Name, state.Attendance.Single(a => a.PersonId == Former).Name);
        Assert.Empty(state.Log.Recent);
        Assert.Null(SessionPersonData.Export(state, Guid.NewGuid(), Person));
        Assert.False(SessionPersonData.Erase(state, Person, Former));
    }

    [Fact]
    public void Export_HoldsOnlyThePersonsOwn()
    {
        var export = SessionPersonData.Export(StateWithPersonAndOther(), Guid.NewGuid(), Person)!;

        Assert.Equal(["mine"], export.Contributions.Select(c => c.Text));
        Assert.Equal(["statement"], export.Statements.Select(s => s.Text));
        Assert.Equal([0], Assert.Single(export.Ballots).Choices);
        Assert.Single(export.Reactions);
        Assert.Single(export.StatementVotes);
    }

    private static LiveSessionState StateWithPersonAndOther()
    {
        var item = new ItemRecord { ItemId = Guid.NewGuid(), Queue = new SpeakingQueue(), Poll = PollBallots.For(new PollSettings(["a", "b"], false, false)), Statements = new StatementBoard() };
        item.Contributions.Add(new ContributionRecord { Id = Guid.NewGuid(), AuthorId = Person, AuthorName = "Amina", Text = "mine" });
        item.Contributions.Add(new ContributionRecord { Id = Guid.NewGuid(), AuthorId = Other, AuthorName = "Otra", Text = "theirs" });
        item.Contributions[1].Reactions.AddRange([new ReactionRecord("applause", Other), new ReactionRecord("applause", Person)]);
        item.Poll.Cast(Person, [0]);
        item.Poll.Cast(Other, [1]);
        var statement = item.Statements.Submit(Guid.NewGuid(), Person, "statement", DateTimeOffset.UtcNow);
        item.Statements.Vote(statement.Id, Person, StatementVote.Agree);
        item.Queue.Raise(Person);
        var state = new LiveSessionState { Exists = true, Items = [item] };
        state.Presence.Add(new PresenceRecord("node", new PresentPerson(Person, "Amina", LiveSessionRole.Participant, [])));
        state.Presence.Add(new PresenceRecord("node", new PresentPerson(Other, "Otra", LiveSessionRole.Participant, [])));
        state.Attendance.Add(new AttendanceEntry(Person, "Amina", DateTimeOffset.UtcNow));
        state.Log.Append(
            sequence => new LiveSessionEvent(sequence, DateTimeOffset.UtcNow, new PresenceChanged(new PresentPerson(Person, "Amina", LiveSessionRole.Participant, []), true)),
            LiveSessionLimits.EventLogCapacity);
        return state;
    }
}
