using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>
/// How a failed hub call reaches the client: a refusal or an outage as the typed error of the method's reply, with
/// the same codes HTTP answers with; any other failure as SignalR's generic error, which reveals nothing. A grain
/// call filter in the host makes the session grain's call fail; everything else (hub, filter, silo, serialization)
/// is the real server.
/// </summary>
public sealed class HubErrorTests
{
    [Fact]
    public async Task HubCall_RefusedByTheSession_AnswersTheTypedError_AndChangesNothing()
    {
        await using var host = await ApiHost.StartAsync();
        await using var scenario = await SessionScenario.CreateAsync(host, participants: 1);
        var participant = await scenario.JoinAsync(scenario.Participants[0]);

        var error = await participant.Connection.ErrorOfAsync("OpenLobby", scenario.Session.Id);

        Assert.Equal(LiveSessionErrors.NotFacilitator, error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(error!.Message));
        Assert.Null(error.RetryAfterSeconds);
        Assert.Equal(LiveSessionStatus.Scheduled, participant.Snapshot!.Details.Status);
    }

    [Fact]
    public async Task HubCall_WhenTheDatabaseFails_FailsWithServiceUnavailable_AndRecovers()
    {
        var outage = new Outage(() => new SqliteException("SQLite Error 5: 'database is locked'.", 5));
        await using var host = await ApiHost.StartConfiguredAsync(null, builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(outage));
        await using var scenario = await SessionScenario.CreateAsync(host, participants: 1);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var id = scenario.Session.Id;

        outage.Failing = true;
        var error = await facilitator.Connection.ErrorOfAsync("OpenLobby", id);
        outage.Failing = false;

        Assert.Equal(new HubError("service.unavailable", "The service is briefly unavailable; try again shortly.", 5), error);
        Assert.True(await facilitator.SendAsync("OpenLobby", id) > 0);
    }

    [Fact]
    public async Task HubCall_FailingUnexpectedly_IsSignalRsGenericError_WithoutTheServersDetail()
    {
        var outage = new Outage(() => new InvalidOperationException("connection string Host=db-7.internal"));
        await using var host = await ApiHost.StartConfiguredAsync(null, builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(outage));
        await using var scenario = await SessionScenario.CreateAsync(host, participants: 1);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);

        outage.Failing = true;
        var error = await Assert.ThrowsAsync<HubException>(() => facilitator.Connection.ErrorOfAsync("OpenLobby", scenario.Session.Id));

        Assert.DoesNotContain("db-7", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.Message, StringComparison.Ordinal);
    }

    private sealed class Outage(Func<Exception> failure) : IIncomingGrainCallFilter
    {
        public volatile bool Failing;

        public Task Invoke(IIncomingGrainCallContext context) =>
            Failing && context.MethodName == "OpenLobbyAsync" ? throw failure() : context.Invoke();
    }
}
