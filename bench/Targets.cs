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

    public static async Task<HubConnection> StartAsync(Uri url, string? token, Action<string> received)
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
        connection.On<LiveSessionEvent>("Event", e =>
        {
            if (e.Change is ContributionPosted posted)
            {
                received(posted.Contribution.Text);
            }
        });
        connection.On<LiveSessionView>("Snapshot", _ => { });
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
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(Connections.Enums));
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

    public async Task<HubConnection> ConnectReceiverAsync(Action<string> received)
    {
        var connection = await Connections.StartAsync(new Uri(Connections.Address(app), "/bare"), null, received);
        await connection.InvokeAsync("Join", Group);
        return connection;
    }

    public Task SendAsync(string text) => senders[(Interlocked.Increment(ref _next) & int.MaxValue) % senders.Length].InvokeAsync<long>("Broadcast", Group, text);

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
    }
}

/// <summary>The real application (embedded mode, SQLite file): one public forum, one running session, receivers join as observers.</summary>
internal sealed class NetworkHubTarget(WebApplication app, HubConnection[] senders, Guid sessionId, string viewerToken, string directory) : IFanOutTarget
{
    private int _next;

    public static async Task<NetworkHubTarget> StartAsync(int senderCount)
    {
        var directory = Path.Combine(Path.GetTempPath(), "networkhub-bench", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Storage:SqlitePath", Path.Combine(directory, "networkhub.db"),
            "--Orleans:SiloPort", Connections.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", Connections.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
            "--LiveSessions:ContributionBurst", "10000",
            "--Api:AuthRequestsPerMinute", "1000000",
            "--LiveSessions:ContributionsPerMinute", "1000000",
        ];
        var app = NetworkHubApp.Create(args);
        await app.StartAsync();
        var address = Connections.Address(app);
        using var http = new HttpClient { BaseAddress = address };
        var facilitatorToken = await SignUpAsync(http, "Facilitator");
        var viewerToken = await SignUpAsync(http, "Viewer");

        http.DefaultRequestHeaders.Authorization = new("Bearer", facilitatorToken);
        var forum = await Read(await http.PostAsJsonAsync("/api/v1/forums", new { name = "Bench forum", visibility = "public" }));
        var session = await Read(await http.PostAsJsonAsync($"/api/v1/forums/{forum.GetProperty("id").GetGuid()}/sessions", new
        {
            title = "Bench session",
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(8),
            agenda = new[] { new { title = "Open floor", format = "plenary", plannedMinutes = 600 } },
        }));
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
            var token = await SignUpAsync(http, $"Participant {i}");
            var invitation = await Read(await http.PostAsJsonAsync($"/api/v1/forums/{forumId}/invitations", new { role = "member" }));
            using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invitations/{invitation.GetProperty("token").GetString()}/accept");
            accept.Headers.Authorization = new("Bearer", token);
            (await http.SendAsync(accept)).EnsureSuccessStatusCode();
            senders[i] = await Connections.StartAsync(new Uri(address, "/hubs/sessions"), token, _ => { });
            await senders[i].CallAsync<LiveSessionJoined>("Join", sessionId, null);
        }

        return new NetworkHubTarget(app, senders, sessionId, viewerToken, directory);
    }

    public async Task<HubConnection> ConnectReceiverAsync(Action<string> received)
    {
        var connection = await Connections.StartAsync(new Uri(Connections.Address(app), "/hubs/sessions"), viewerToken, received);
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

        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; it is in the temp folder.
        }
    }

    private static async Task<string> SignUpAsync(HttpClient http, string name)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.org";
        const string password = "a long enough bench passphrase";
        (await http.PostAsJsonAsync("/api/v1/accounts", new { email, password, displayName = name })).EnsureSuccessStatusCode();
        var token = await Read(await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }));
        return token.GetProperty("token").GetString()!;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
