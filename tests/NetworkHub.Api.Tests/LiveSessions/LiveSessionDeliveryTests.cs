using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Api.Live;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>Catching up after a reconnect, bad messages, rate limits, and acknowledged contributions surviving a restart.</summary>
public sealed class LiveSessionDeliveryTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    private static readonly object[] Plenary = [new { title = "Open floor", format = "plenary", plannedMinutes = 30 }];

    [Fact]
    public async Task Join_WithLastSequenceAfterDisconnect_ReceivesExactlyTheMissedEvents()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2, agenda: Plenary);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var stays = await scenario.JoinAsync(scenario.Participants[0]);
        var drops = await scenario.JoinAsync(scenario.Participants[1]);
        var id = scenario.Session.Id;
        await facilitator.SendAsync("Start", id);
        await stays.SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), "Before the drop"));
        await drops.WaitForSequenceAsync(stays.LastSequence);
        var lastSeen = drops.LastSequence;

        await drops.Connection.StopAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            await stays.SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), $"While away {i}"));
        }

        var back = await scenario.ConnectAsync(scenario.Participants[1]);
        var joined = await back.JoinAsync(id, lastSeen);
        var after = await facilitator.SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), "After the return"));
        await back.WaitForSequenceAsync(after);

        back.AssertInOrder();
        Assert.Null(back.Snapshot);
        var expected = facilitator.Events.Where(e => e.Sequence > lastSeen && e.Sequence <= after).ToList();
        Assert.Equal(expected.Select(e => e.Sequence), back.Events.Select(e => e.Sequence));
        Assert.Equal(expected.Select(e => e.Change), back.Events.Select(e => e.Change), ChangeComparer.Instance);
        Assert.Equal(3, back.Events.Count(e => e.Change is ContributionPosted { Contribution.Text: var t } && t.StartsWith("While away", StringComparison.Ordinal)));
        Assert.True(joined.Sequence >= lastSeen + 3);
    }

    /// <summary>
    /// The node's feed sends a group at most one message per <see cref="LiveBatches.Pace"/>:
    /// contributions arriving in a burst reach every watcher complete and in order, in a few batches rather than a
    /// message each. The bound allows for how long the burst took, so a slow machine cannot fail it.
    /// </summary>
    [Fact]
    public async Task Contributions_InABurst_ReachWatchersInOrder_InFewerMessagesThanEvents()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 3, agenda: Plenary);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var speakers = new List<SessionClient>();
        foreach (var participant in scenario.Participants)
        {
            speakers.Add(await scenario.JoinAsync(participant));
        }

        var id = scenario.Session.Id;
        var started = await facilitator.SendAsync("Start", id);
        await facilitator.WaitForSequenceAsync(started);

        var burst = Stopwatch.StartNew();
        var acknowledged = await Task.WhenAll(speakers.Select(async (speaker, s) =>
        {
            var last = 0L;
            for (var i = 0; i < 8; i++)
            {
                last = await speaker.SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), $"Speaker {s}, point {i}"));
            }

            return last;
        }));
        var took = burst.Elapsed;
        await facilitator.WaitForSequenceAsync(acknowledged.Max());

        facilitator.AssertInOrder();
        var contributions = facilitator.Events.Where(e => e.Sequence > started).ToList();
        Assert.Equal(24, contributions.Count(e => e.Change is ContributionPosted));
        var messages = facilitator.Messages.Count(m => m[^1] > started);
        Assert.True(messages <= 3 + (int)(took / LiveBatches.Pace),
            $"{contributions.Count} events in {took.TotalMilliseconds:F0} ms came in {messages} messages");
    }

    [Fact]
    public async Task Join_WithoutLastSequence_StartsFromSnapshot()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1, agenda: Plenary);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        await facilitator.SendAsync("Start", scenario.Session.Id);
        await facilitator.SendAsync("Contribute", scenario.Session.Id, new ContributeCommand(Guid.CreateVersion7(), "Welcome"));

        var late = await scenario.JoinAsync(scenario.Participants[0]);

        Assert.NotNull(late.Snapshot);
        Assert.Equal("Welcome", Assert.Single(late.Snapshot.Items[0].Contributions).Text);
        Assert.Equal(LiveSessionStatus.Running, late.Snapshot.Details.Status);
    }

    [Fact]
    public async Task BadMessages_OversizedOrMalformed_GetHubErrorAndChangeNothing()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1, agenda: Plenary);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var participant = await scenario.JoinAsync(scenario.Participants[0]);
        var id = scenario.Session.Id;
        await facilitator.SendAsync("Start", id);
        var before = await scenario.Facilitator.GetAsync<LiveSessionView>($"{scenario.SessionPath}/state");

        var oversized = await participant.FailAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), new string('x', LiveSessionLimits.ContributionMaxLength + 1)));
        await participant.FailAsync("Contribute", id, "not a contribution");
        await participant.FailAsync("Contribute", "not a session id", new ContributeCommand(Guid.CreateVersion7(), "text"));
        await participant.FailAsync("NoSuchMethod", id);
        var control = await participant.FailAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), "bell \u0007"));
        var unknownReaction = await participant.FailAsync("React", id, Guid.NewGuid(), "<script>");

        var after = await scenario.Facilitator.GetAsync<LiveSessionView>($"{scenario.SessionPath}/state");
        Assert.Equal(LiveSessionErrors.TextTooLong, oversized);
        Assert.Equal(LiveSessionErrors.InvalidInput, control);
        Assert.Equal(LiveSessionErrors.InvalidInput, unknownReaction);
        Assert.Equal(before.Sequence, after.Sequence);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, participant.Connection.State);
        await participant.SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), "Still here"));
    }

    [Fact]
    public async Task Contribute_FasterThanTheRateLimit_IsRefusedPerConnection()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1, agenda: Plenary);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var flooding = await scenario.JoinAsync(scenario.Participants[0]);
        await facilitator.SendAsync("Start", scenario.Session.Id);

        var refused = 0;
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await flooding.Connection.CallAsync<long>("Contribute", scenario.Session.Id, new ContributeCommand(Guid.CreateVersion7(), $"Flood {i}"));
            }
            catch (HubCallFailedException e) when (e.Error is { Code: LiveSessionErrors.RateLimited, RetryAfterSeconds: > 0 })
            {
                refused++;
            }
        }

        Assert.InRange(refused, 1, 20 - 10);
        await facilitator.SendAsync("Contribute", scenario.Session.Id, new ContributeCommand(Guid.CreateVersion7(), "Another connection is not limited"));
    }

    [Fact]
    public async Task Contribute_Acknowledged_SurvivesRestartOfTheNode()
    {
        var database = ApiHost.NewDatabasePath();
        var host = await ApiHost.StartAsync(database);
        string token, path;
        await using (var scenario = await SessionScenario.CreateAsync(host, participants: 0, agenda: Plenary))
        {
            var facilitator = await scenario.JoinAsync(scenario.Facilitator);
            await facilitator.SendAsync("Start", scenario.Session.Id);
            await facilitator.Connection.CallAsync<long>("Contribute", scenario.Session.Id,
                new ContributeCommand(Guid.CreateVersion7(), "Written before the restart"));
            (token, path) = (scenario.Facilitator.Token!, $"{scenario.SessionPath}/state");
        }

        await host.DisposeAsync();
        await using var restarted = await ApiHost.StartAsync(database);
        using var again = restarted.CreateClient();
        again.UseBearer(token);

        var state = await again.GetAsync<LiveSessionView>(path);

        Assert.Equal("Written before the restart", Assert.Single(state.Items[0].Contributions).Text);
    }

    /// <summary>Changes compare by their JSON form, since records holding lists compare lists by reference.</summary>
    private sealed class ChangeComparer : IEqualityComparer<LiveSessionChange>
    {
        public static readonly ChangeComparer Instance = new();

        public bool Equals(LiveSessionChange? x, LiveSessionChange? y) => Json(x) == Json(y);

        public int GetHashCode(LiveSessionChange obj) => Json(obj).GetHashCode(StringComparison.Ordinal);

        private static string Json(LiveSessionChange? change) => System.Text.Json.JsonSerializer.Serialize(change, TestClient.Json);
    }
}
