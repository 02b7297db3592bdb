using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>What the hub accepts before a connection opens: which origins, and what its request lines let into the logs.</summary>
public sealed class HubHandshakeTests(SharedHost shared)
{
    private const string Foreign = "https://evil.example";

    private static readonly JsonStringEnumConverter KebabEnums = new(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task WebSocket_FromForeignOrigin_IsRefusedWith403()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", Foreign);
        socket.Options.SetRequestHeader("Authorization", $"Bearer {person.Token}");
        var address = new UriBuilder(new Uri(_host.Address, "/hubs/sessions")) { Scheme = "ws" }.Uri;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(address, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Negotiate_FromForeignOrigin_IsRefusedWith403()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/sessions/negotiate?negotiateVersion=1");
        request.Headers.TryAddWithoutValidation("Origin", Foreign);

        var response = await person.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await TestClient.ProblemAsync(response, HttpStatusCode.Forbidden, LiveSessionErrors.OriginNotAllowed);
    }

    [Fact]
    public async Task Connect_FromOwnOriginOrWithoutOrigin_Joins()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 1);
        var own = _host.Address.GetLeftPart(UriPartial.Authority);
        await using var browser = await ConnectAsync(new Uri(_host.Address, "/hubs/sessions"), scenario.Participants[0].Token!, own);
        await using var app = await ConnectAsync(new Uri(_host.Address, "/hubs/sessions"), scenario.Facilitator.Token!, origin: null);

        var asBrowser = await browser.CallAsync<LiveSessionJoined>("Join", scenario.Session.Id, null);
        var asApp = await app.CallAsync<LiveSessionJoined>("Join", scenario.Session.Id, null);

        Assert.Equal(LiveSessionRole.Participant, asBrowser.Role);
        Assert.Equal(LiveSessionRole.Facilitator, asApp.Role);
    }

    [Fact]
    public async Task Connect_WithAccessTokenInQuery_KeepsTheTokenOutOfEveryLogLine()
    {
        using var logs = new CapturedLogs();
        await using var host = await ApiHost.StartAsync(null,
            "--Logging:LogLevel:Default", "Debug", "--Logging:LogLevel:Microsoft.AspNetCore", "Debug", "--Logging:LogLevel:Orleans", "Warning");
        await using var scenario = await SessionScenario.CreateAsync(host, participants: 1);
        var token = scenario.Participants[0].Token!;

        // As the browser client does: the token in the query of negotiate and of the WebSocket request.
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, $"/hubs/sessions?access_token={token}"), o => o.Transports = HttpTransportType.WebSockets)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(KebabEnums))
            .Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);
        var joined = await connection.CallAsync<LiveSessionJoined>("Join", scenario.Session.Id, null);
        await connection.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(LiveSessionRole.Participant, joined.Role);
        Assert.Contains(logs.Lines, l => l.Contains("/hubs/sessions", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(token[4..], StringComparison.Ordinal));
    }

    private static async Task<HubConnection> ConnectAsync(Uri address, string token, string? origin)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(address, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                if (origin is not null)
                {
                    o.Headers["Origin"] = origin;
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(KebabEnums))
            .Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>
    /// Every log line of the process, as the logging framework's event source publishes it (registered by default in
    /// every host), formatted and with its arguments as JSON.
    /// </summary>
    private sealed class CapturedLogs : EventListener
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => [.. _lines];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Extensions-Logging")
            {
                // FormattedMessage (4) and JsonMessage (8).
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)(4 | 8));
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData) =>
            _lines?.Enqueue(string.Join(" | ", eventData.Payload?.Select(p => p?.ToString()) ?? []));
    }
}
