using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>
/// A database failure during a hub call reaches the client as the same typed code HTTP answers with (503's
/// "service.unavailable"), not as SignalR's generic error. A grain call filter in the host makes the session grain's
/// call fail with the error SQLite gives when another writer holds the database (SQLITE_BUSY), the way a failed
/// state write surfaces; everything else (hub, filter, silo, serialization of the error) is the real server.
/// </summary>
public sealed class HubUnavailabilityTests
{
    [Fact]
    public async Task HubCall_WhenTheDatabaseFails_FailsWithServiceUnavailable_AndRecovers()
    {
        var outage = new DatabaseOutage();
        await using var host = await ApiHost.StartConfiguredAsync(null, builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(outage));
        await using var scenario = await SessionScenario.CreateAsync(host, participants: 1);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var id = scenario.Session.Id;

        outage.Failing = true;
        var code = await facilitator.FailAsync("OpenLobby", id);
        outage.Failing = false;

        Assert.Equal("service.unavailable", code);
        Assert.True(await facilitator.SendAsync("OpenLobby", id) > 0);
    }

    private sealed class DatabaseOutage : IIncomingGrainCallFilter
    {
        public volatile bool Failing;

        public Task Invoke(IIncomingGrainCallContext context) =>
            Failing && context.MethodName == "OpenLobbyAsync"
                ? throw new SqliteException("SQLite Error 5: 'database is locked'.", 5)
                : context.Invoke();
    }
}
