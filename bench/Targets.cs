using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkHub.Api;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Bench;

/// <summary>A server that fans a message out to N receivers: NetworkHub's live session, or a bare hub as the baseline.</summary>
internal interface IFanOutTarget : IAsyncDisposable
{
    /// <summary>A connected receiver that has joined; <paramref name="received"/> gets each contribution's text.</summary>
    Task<HubConnection> ConnectReceiverAsync(Action<string> received);

    /// <summary>
    /// Posts one contribution and returns when the server acknowledges it. Sends rotate over several sender
    /// connections, as in a session where many people write at once: SignalR runs one connection's calls one at a
    /// time, so a single sender would measure its own round trips rather than the server's fan-out.
    /// </summary>
    Task SendAsync(string text);
}

internal static class Connections
{
    public static readonly JsonStringEnumConverter Enums = new(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    /// <summary>Calls a NetworkHub hub method, which answers a reply: its value, or the error it failed with.</summary>
    public static async Task<T> CallAsync<T>(this HubConnection connection, string method, params object?[] args)
    {
        var reply = await connection.InvokeCoreAsync<HubReply<T>>(method, args);
        return reply.Error is { } error ? throw new InvalidOperationException($"{method} failed: {error.Code}: {error.Message}") : reply.Value!;
    }

    /// <summary>A live session's receiver: <paramref name="received"/> gets each contribution's text.</summary>
    public static Task<HubConnection> StartAsync(Uri url, string? token, Action<string> received) => OpenAsync(url, token, connection =>
    {
        void Apply(LiveSessionEvent e)
        {
            if (e.Change is ContributionPosted posted)
            {
                received(posted.Contribution.Text);
            }
        }

        connection.On<LiveSessionEvent>("Event", Apply);
        connection.On<LiveSessionEvent[]>("Events", batch => Array.ForEach(batch, Apply));
        connection.On<LiveSessionView>("Snapshot", _ => { });
    });

    /// <summary>A started WebSocket connection; <paramref name="handlers"/> registers what it listens to before it starts.</summary>
    public static async Task<HubConnection> OpenAsync(Uri url, string? token, Action<HubConnection> handlers)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(Enums))
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        handlers(connection);
        await connection.StartAsync();
        return connection;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The baseline: a minimal hub that puts each connection in one group and broadcasts the same event shape to it.</summary>
internal sealed class BareTarget(WebApplication app, HubConnection[] senders) : IFanOutTarget
{
    private const string Group = "session";
    private int _next;

    public static async Task<BareTarget> StartAsync(int senderCount)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Relayed meeting events are as large as the tallies NetworkHub sent; the default 32 KB would refuse them.
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = null).AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(Connections.Enums));
        var app = builder.Build();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync();
        var senders = new HubConnection[senderCount];
        for (var i = 0; i < senderCount; i++)
        {
            senders[i] = await Connections.StartAsync(new Uri(Connections.Address(app), "/bare"), null, _ => { });
        }

        return new BareTarget(app, senders);
    }

    public Task<HubConnection> ConnectReceiverAsync(Action<string> received) => ConnectAsync(connection =>
    {
        connection.On<LiveSessionEvent>("Event", e =>
        {
            if (e.Change is ContributionPosted posted)
            {
                received(posted.Contribution.Text);
            }
        });
    });

    /// <summary>A receiver in the group; <paramref name="handlers"/> registers what it listens to.</summary>
    public async Task<HubConnection> ConnectAsync(Action<HubConnection> handlers)
    {
        var connection = await Connections.OpenAsync(new Uri(Connections.Address(app), "/bare"), null, handlers);
        await connection.InvokeAsync("Join", Group);
        return connection;
    }

    public Task SendAsync(string text) => Next().InvokeAsync<long>("Broadcast", Group, text);

    /// <summary>Sends the group a meeting event exactly as NetworkHub's hub sent it (same JSON, same size), as a "MeetingEvent" message.</summary>
    public Task RelayAsync(JsonElement meetingEvent) => Next().InvokeAsync("Relay", Group, meetingEvent);

    private HubConnection Next() => senders[(Interlocked.Increment(ref _next) & int.MaxValue) % senders.Length];

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in senders)
        {
            await sender.DisposeAsync();
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class BareHub : Hub
    {
        private static long _sequence;
        private static readonly Guid Author = Guid.CreateVersion7();

        public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

        public async Task<long> Broadcast(string group, string text)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            var contribution = new Contribution(Guid.CreateVersion7(), Author, null, Author, "Facilitator", text, null, DateTimeOffset.UtcNow, []);
            await Clients.Group(group).SendAsync("Event", new LiveSessionEvent(sequence, DateTimeOffset.UtcNow, new ContributionPosted(contribution)));
            return sequence;
        }

        public Task Relay(string group, JsonElement meetingEvent) => Clients.Group(group).SendAsync("MeetingEvent", meetingEvent);
    }
}

/// <summary>The real application (embedded mode, SQLite file): one public forum, one running session, receivers join as observers.</summary>
internal sealed class NetworkHubTarget(Platform platform, HubConnection[] senders, Guid sessionId, string viewerToken) : IFanOutTarget
{
    private int _next;

    public static async Task<NetworkHubTarget> StartAsync(int senderCount)
    {
        var platform = await Platform.StartAsync(
            "--LiveSessions:ContributionBurst", "10000",
            "--LiveSessions:ContributionsPerMinute", "1000000");
        var address = platform.Address;
        var (facilitatorToken, _) = await platform.SignUpAsync("Facilitator");
        var (viewerToken, _) = await platform.SignUpAsync("Viewer");
        var forum = await platform.PostAsync("/api/v1/forums", facilitatorToken, new { name = "Bench forum", visibility = "public" });
        var session = await platform.PostAsync($"/api/v1/forums/{forum.GetProperty("id").GetGuid()}/sessions", facilitatorToken, new
        {
            title = "Bench session",
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(8),
            agenda = new[] { new { title = "Open floor", format = "plenary", plannedMinutes = 600 } },
        });
        var sessionId = session.GetProperty("id").GetGuid();
        var forumId = forum.GetProperty("id").GetGuid();
        var facilitator = await Connections.StartAsync(new Uri(address, "/hubs/sessions"), facilitatorToken, _ => { });
        await facilitator.CallAsync<LiveSessionJoined>("Join", sessionId, null);
        await facilitator.CallAsync<long>("Start", sessionId);

        // The facilitator sends first; the other senders are participants the facilitator invited into the forum.
        var senders = new HubConnection[senderCount];
        senders[0] = facilitator;
        for (var i = 1; i < senderCount; i++)
        {
            var (token, _) = await platform.SignUpAsync($"Participant {i}");
            var invitation = await platform.PostAsync($"/api/v1/forums/{forumId}/invitations", facilitatorToken, new { role = "member" });
            await platform.PostAsync($"/api/v1/invitations/{invitation.GetProperty("token").GetString()}/accept", token);
            senders[i] = await Connections.StartAsync(new Uri(address, "/hubs/sessions"), token, _ => { });
            await senders[i].CallAsync<LiveSessionJoined>("Join", sessionId, null);
        }

        return new NetworkHubTarget(platform, senders, sessionId, viewerToken);
    }

    public async Task<HubConnection> ConnectReceiverAsync(Action<string> received)
    {
        var connection = await Connections.StartAsync(new Uri(platform.Address, "/hubs/sessions"), viewerToken, received);
        await connection.CallAsync<LiveSessionJoined>("Join", sessionId, null);
        return connection;
    }

    public Task SendAsync(string text) =>
        senders[(Interlocked.Increment(ref _next) & int.MaxValue) % senders.Length]
            .CallAsync<long>("Contribute", sessionId, new ContributeCommand(Guid.CreateVersion7(), text));

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in senders)
        {
            await sender.DisposeAsync();
        }

        await platform.DisposeAsync();
    }
}
