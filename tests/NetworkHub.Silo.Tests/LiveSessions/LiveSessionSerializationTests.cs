using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.LiveSessions;
using Orleans.Serialization;

namespace NetworkHub.Silo.Tests.LiveSessions;

/// <summary>Every event kind survives Orleans serialization: catches a missing [GenerateSerializer] or [Id].</summary>
public sealed class LiveSessionSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(LiveSessionEvent).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    public static TheoryData<LiveSessionChange> Changes()
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UnixEpoch;
        var person = new PresentPerson(id, "Colibrí", LiveSessionRole.Participant, [new SessionOrganisation(id, "Red")]);
        var room = new BreakoutRoom(id, "Room 1", [id], id, at, "Summary");
        LiveSessionChange[] changes =
        [
            new SessionStatusChanged(LiveSessionStatus.Running, at),
            new AgendaChanged([new AgendaItem(id, "Poll", AgendaFormat.Poll, 5, new PollSettings(["A", "B"], true, true), null, null)]),
            new ItemOpened(1, id, at),
            new TimerExtended(id, id, at),
            new FacilitatorAppointed(id),
            new ParticipantMuted(id, true),
            new ParticipantRemoved(id),
            new PresenceChanged(person, true),
            new ContributionPosted(new Contribution(id, id, null, id, "Ana", "Text", id, at, [new ReactionCount("heart", 2)])),
            new ReactionChanged(id, "heart", 3),
            new SpeakingQueueChanged(id, new SpeakingQueueView([id], id, at)),
            new PollTallied(id, new PollResult(["A"], [1], 1, true, [new PollBallot(id, [0])])),
            new StatementSubmitted(id, id, "S"),
            new StatementTallied(id, new StatementTally(id, "S", 1, 2, 3)),
            new StatementsConcluded(id, new StatementResults([id], [new OpinionGroup(0, 3, [new GroupStance(id, 0.5, 0.25, 4)])])),
            new BreakoutOpened(id, [room]),
            new SummaryPosted(id, id, "Summary"),
            new OutcomeRecorded(id, "Outcome"),
            new ParticipantAccessChanged(id, LiveSessionRole.Observer),
            new ParticipantAccessChanged(id, null),
        ];
        var data = new TheoryData<LiveSessionChange>();
        foreach (var change in changes)
        {
            data.Add(change);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void RoundTrip_EveryChange_KeepsTypeAndValues(LiveSessionChange change)
    {
        var original = new LiveSessionEvent(7, DateTimeOffset.UnixEpoch, change);

        var copy = Serializer.Deserialize<LiveSessionEvent>(Serializer.SerializeToArray(original))!;

        Assert.Equal(original.Sequence, copy.Sequence);
        Assert.Equal(change.GetType(), copy.Change.GetType());
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(change), System.Text.Json.JsonSerializer.Serialize(copy.Change));
    }
}
