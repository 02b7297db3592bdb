using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>
/// A live session with participants connected to different API nodes: each node's relay subscribes to the
/// session grain through Orleans, so a contribution posted on one node reaches the sockets of the other.
/// </summary>
public sealed class CrossNodeSessionTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly List<HubConnection> _connections = [];
    private TestDatabase? _database;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _cluster = await TestCluster.StartAsync(_database.ConnectionString);
    }

    [Fact]
    public async Task Contributions_PostedOnOneApiNode_ReachParticipantsOnTheOther()
    {
        var (node0, node1) = (_cluster!.Api(0), _cluster.Api(1));
        var facilitator = await NetworkHubApi.SignUpAsync(node0);
        var nearby = await NetworkHubApi.SignUpAsync(node0);
        var faraway = await NetworkHubApi.SignUpAsync(node1);
        var forumId = (await PostAsync(node0, facilitator, "/api/v1/forums", new { name = "Foro binacional", visibility = "private" })).GetProperty("id").GetGuid();
        foreach (var (node, person) in new[] { (node0, nearby), (node1, faraway) })
        {
            var invitation = await PostAsync(node0, facilitator, $"/api/v1/forums/{forumId}/invitations", new { role = "member" });
            await PostAsync(node, person, $"/api/v1/invitations/{invitation.GetProperty("token").GetString()}/accept", new { });
        }

        var now = DateTimeOffset.UtcNow;
        var session = await PostAsync(node0, facilitator, $"/api/v1/forums/{forumId}/sessions", new
        {
            title = "Sesión entre nodos",
            startsAt = now,
            endsAt = now.AddHours(1),
            timeZone = "Europe/Madrid",
            languages = new[] { "es" },
            agenda = new[] { new { title = "Plenary", format = "plenary", plannedMinutes = 30 } },
        });
        var sessionId = session.GetProperty("id").GetGuid();

        var host = await ConnectAsync(node0, facilitator);
        var (here, hereSaw) = await JoinAsync(node0, nearby, sessionId);
        var (there, thereSaw) = await JoinAsync(node1, faraway, sessionId);
        await host.CallAsync<JsonElement>("Join", sessionId, null);
        await host.CallAsync<long>("OpenLobby", sessionId);
        var started = await host.CallAsync<long>("Start", sessionId);

        var fromNode0 = await here.CallAsync<long>("Contribute", sessionId, new { id = Guid.CreateVersion7(), text = "Escrito en el nodo cero" });
        var fromNode1 = await there.CallAsync<long>("Contribute", sessionId, new { id = Guid.CreateVersion7(), text = "Escrito en el nodo uno" });

        Assert.Contains("Escrito en el nodo cero", await thereSaw.WaitForAsync(fromNode0), StringComparison.Ordinal);
        Assert.Contains("Escrito en el nodo uno", await hereSaw.WaitForAsync(fromNode1), StringComparison.Ordinal);
        // Both were in the session from the start: both nodes delivered the same events, in one order, without gaps.
        // (An acknowledgement can overtake the event it acknowledges, so wait for each client's own one too.)
        await thereSaw.WaitForAsync(fromNode1);
        await hereSaw.WaitForAsync(fromNode0);
        Assert.Equal(Enumerable.Range((int)started, (int)(fromNode1 - started) + 1).Select(s => (long)s), thereSaw.Sequences.Where(s => s >= started && s <= fromNode1));
        Assert.Equal(thereSaw.Sequences.Where(s => s >= started && s <= fromNode1), hereSaw.Sequences.Where(s => s >= started && s <= fromNode1));
    }

    [Fact]
    public async Task AccessEndedOnOneApiNode_StopsDeliveryToConnectionsOnTheOther()
    {
        var (node0, node1) = (_cluster!.Api(0), _cluster.Api(1));
        var facilitator = await NetworkHubApi.SignUpAsync(node0);
        var (stays, removed, signsOut) = (await NetworkHubApi.SignUpAsync(node1), await NetworkHubApi.SignUpAsync(node1), await NetworkHubApi.SignUpAsync(node1));
        var forumId = (await PostAsync(node0, facilitator, "/api/v1/forums", new { name = "Foro privado", visibility = "private" })).GetProperty("id").GetGuid();
        foreach (var person in new[] { stays, removed, signsOut })
        {
            var invitation = await PostAsync(node0, facilitator, $"/api/v1/forums/{forumId}/invitations", new { role = "member" });
            await PostAsync(node1, person, $"/api/v1/invitations/{invitation.GetProperty("token").GetString()}/accept", new { });
        }

        var now = DateTimeOffset.UtcNow;
        var sessionId = (await PostAsync(node0, facilitator, $"/api/v1/forums/{forumId}/sessions", new
        {
            title = "Sesión privada",
            startsAt = now,
            endsAt = now.AddHours(1),
            agenda = new[] { new { title = "Plenary", format = "plenary", plannedMinutes = 30 } },
        })).GetProperty("id").GetGuid();
        var host = await ConnectAsync(node0, facilitator);
        await host.CallAsync<JsonElement>("Join", sessionId, null);
        var (_, staysSaw) = await JoinAsync(node1, stays, sessionId);
        var (removedConnection, removedSaw) = await JoinAsync(node1, removed, sessionId);
        var (signedOutConnection, signedOutSaw) = await JoinAsync(node1, signsOut, sessionId);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signedOutConnection.Closed += _ => Task.FromResult(closed.TrySetResult());
        await host.CallAsync<long>("OpenLobby", sessionId);
        await host.CallAsync<long>("Start", sessionId);

        var removedId = (await GetAsync(node1, removed, "/api/v1/me")).GetProperty("id").GetGuid();
        await SendAsync(node0, facilitator, HttpMethod.Delete, $"/api/v1/forums/{forumId}/members/{removedId}");
        await SendAsync(node0, signsOut, HttpMethod.Post, "/api/v1/auth/sign-out");
        var secret = await host.CallAsync<long>("Contribute", sessionId, new { id = Guid.CreateVersion7(), text = "Solo para quien sigue dentro" });
        await staysSaw.WaitForAsync(secret);
        var refused = await removedConnection.ErrorOfAsync("RaiseHand", sessionId);
        await closed.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal("live-session.not-found", refused?.Code);
        Assert.DoesNotContain(removedSaw.Sequences, s => s >= secret);
        Assert.Contains("access-changed", await removedSaw.WaitForAsync(removedSaw.Sequences[^1]), StringComparison.Ordinal);
        Assert.DoesNotContain(signedOutSaw.Sequences, s => s >= secret);
    }

    private static async Task<JsonElement> GetAsync(HttpClient node, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await node.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task SendAsync(HttpClient node, string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await node.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
    }

    private async Task<(HubConnection Connection, Received Events)> JoinAsync(HttpClient node, string token, Guid sessionId)
    {
        var connection = await ConnectAsync(node, token);
        var received = new Received();
        connection.On<JsonElement>("Event", received.Add);
        connection.On<JsonElement[]>("Events", batch => Array.ForEach(batch, received.Add));
        await connection.CallAsync<JsonElement>("Join", sessionId, null);
        return (connection, received);
    }

    private async Task<HubConnection> ConnectAsync(HttpClient node, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress!, "/hubs/sessions"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        _connections.Add(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static async Task<JsonElement> PostAsync(HttpClient node, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await node.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    /// <summary>The events one connection received, by sequence number; a test waits on them without sleeping.</summary>
    private sealed class Received
    {
        private readonly object _gate = new();
        private readonly SortedDictionary<long, string> _events = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<long> Sequences
        {
            get
            {
                lock (_gate)
                {
                    return [.. _events.Keys];
                }
            }
        }

        public void Add(JsonElement e)
        {
            lock (_gate)
            {
                _events[e.GetProperty("sequence").GetInt64()] = e.GetRawText();
                _changed.TrySetResult();
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        /// <summary>The event with the given sequence number, as JSON, once it has arrived.</summary>
        public async Task<string> WaitForAsync(long sequence)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_events.TryGetValue(sequence, out var found))
                    {
                        return found;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(timeout.Token);
            }
        }
    }
}
