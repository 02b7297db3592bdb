using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Cluster.Tests.Infrastructure;
using Npgsql;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// Erasure on PostgreSQL, with silos and an API node as real processes: afterwards no row of any table holds the
/// person's e-mail, names, pseudonym or join message (as text, or as UTF-8 or UTF-16 bytes in a binary column), while the
/// session record keeps their contribution under "former member".
/// </summary>
public sealed class PostgreSqlErasureTests : IAsyncLifetime
{
    private readonly List<HubConnection> _connections = [];
    private TestDatabase? _database;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _cluster = await TestCluster.StartAsync(_database.ConnectionString, silos: 2, apis: 1);
    }

    [Fact]
    public async Task Erase_OnPostgreSql_LeavesNoRowWithAMarker_AndTheRecordKeepsTheContribution()
    {
        var api = _cluster!.Api(0);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var email = $"erase-{tag}@example.org";
        string[] markers = [email, $"Ñandú Marcada {tag}", $"Colibrí {tag}", $"Quiero unirme {tag}"];
        var contribution = $"Contribución {tag}";
        using (var registered = await api.PostAsJsonAsync("/api/v1/accounts", new { email, password = NetworkHubApi.Password, displayName = markers[1], pseudonym = markers[2] }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var person = await NetworkHubApi.SignInAsync(api, email);
        var coordinator = await NetworkHubApi.SignUpAsync(api);
        var organisation = await SendAsync(api, coordinator, HttpMethod.Post, "/api/v1/organisations", new { name = "Red", kind = "civil-society-organisation", country = "CO", visibility = "public" });
        await SendAsync(api, person, HttpMethod.Post, $"/api/v1/organisations/{organisation.GetProperty("id").GetGuid()}/join-requests", new { message = markers[3] });
        var forumId = (await SendAsync(api, coordinator, HttpMethod.Post, "/api/v1/forums", new { name = "Foro", visibility = "private" })).GetProperty("id").GetGuid();
        var invitation = await SendAsync(api, coordinator, HttpMethod.Post, $"/api/v1/forums/{forumId}/invitations", new { role = "member" });
        await SendAsync(api, person, HttpMethod.Post, $"/api/v1/invitations/{invitation.GetProperty("token").GetString()}/accept", new { });
        var now = DateTimeOffset.UtcNow;
        var sessionId = (await SendAsync(api, coordinator, HttpMethod.Post, $"/api/v1/forums/{forumId}/sessions", new
        {
            title = "Asamblea",
            startsAt = now,
            endsAt = now.AddHours(1),
            timeZone = "UTC",
            languages = new[] { "es" },
            agenda = new[] { new { title = "Plenary", format = "plenary", plannedMinutes = 30 } },
        })).GetProperty("id").GetGuid();

        var facilitator = await ConnectAsync(api, coordinator, sessionId);
        var participant = await ConnectAsync(api, person, sessionId);
        await facilitator.CallAsync<long>("OpenLobby", sessionId);
        await facilitator.CallAsync<long>("Start", sessionId);
        await participant.CallAsync<long>("Contribute", sessionId, new { id = Guid.CreateVersion7(), text = contribution });
        await facilitator.CallAsync<long>("Close", sessionId);
        var before = await RowsWithAsync(markers);

        using (var erased = await SendRawAsync(api, person, HttpMethod.Delete, "/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        var after = await RowsWithAsync(markers);
        TestContext.Current.TestOutputHelper?.WriteLine($"rows with a marker before erasure: {string.Join(", ", before.Values)}; after: {string.Join(", ", after.Values)}");
        Assert.True(before.Values.Sum() > 0, "the scan finds the markers before the erasure");
        Assert.All(after, hit => Assert.True(hit.Value == 0, $"{hit.Key} still in {hit.Value} rows"));

        var record = await SendAsync(api, coordinator, HttpMethod.Get, $"/api/v1/live-sessions/{sessionId}/record", null);
        var kept = record.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("contributions").EnumerateArray())
            .Single(c => c.GetProperty("text").GetString() == contribution);
        Assert.Equal("former member", kept.GetProperty("authorName").GetString());
        using var signIn = await api.PostAsJsonAsync("/api/v1/auth/token", new { email, password = NetworkHubApi.Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    /// <summary>Per marker, the rows of every table that hold it: in the row's text, or as UTF-8 or UTF-16 bytes (bytea prints as hex).</summary>
    private async Task<Dictionary<string, long>> RowsWithAsync(string[] markers)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tables, t => t.Equals("orleansstorage", StringComparison.OrdinalIgnoreCase));
        var found = new Dictionary<string, long>();
        foreach (var marker in markers)
        {
            long rows = 0;
            foreach (var table in tables)
            {
                await using var count = new NpgsqlCommand(
                    $"SELECT count(*) FROM {table} t WHERE strpos(lower(t::text), lower(@text)) > 0 OR strpos(t::text, @utf8) > 0 OR strpos(t::text, @utf16) > 0", connection);
                count.Parameters.AddWithValue("text", marker);
                count.Parameters.AddWithValue("utf8", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(marker)));
                count.Parameters.AddWithValue("utf16", Convert.ToHexStringLower(Encoding.Unicode.GetBytes(marker)));
                rows += Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            }

            found[marker] = rows;
        }

        return found;
    }

    private async Task<HubConnection> ConnectAsync(HttpClient api, string token, Guid sessionId)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress!, "/hubs/sessions"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        _connections.Add(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.CallAsync<JsonElement>("Join", sessionId, null);
        return connection;
    }

    private static async Task<JsonElement> SendAsync(HttpClient api, string token, HttpMethod method, string path, object? body)
    {
        using var response = await SendRawAsync(api, token, method, path, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient api, string token, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api.SendAsync(request, TestContext.Current.CancellationToken);
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
}
