using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NetworkHub.Api;

namespace NetworkHub.Bench;

/// <summary>
/// The real application in this process (embedded silo, a SQLite file in the temp folder, real Kestrel), reached over
/// REST with one pooled client; every benchmark of the platform starts it this way.
/// </summary>
internal sealed class Platform(WebApplication app, string directory) : IAsyncDisposable
{
    public Uri Address { get; } = Connections.Address(app);

    public HttpClient Http { get; } = new() { BaseAddress = Connections.Address(app), Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>The app's services, for benchmarks that also measure a component on its own (a store, the index).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The folder the SQLite file and the content folder are in.</summary>
    public string Directory => directory;

    /// <summary>Starts the app with rate limits out of the way; <paramref name="settings"/> are more command-line style settings.</summary>
    public static async Task<Platform> StartAsync(params string[] settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "networkhub-bench", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Storage:SqlitePath", Path.Combine(directory, "networkhub.db"),
            "--Orleans:SiloPort", Connections.FreePort().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", Connections.FreePort().ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
            "--Api:AuthRequestsPerMinute", "1000000",
            .. settings,
        ];
        var app = NetworkHubApp.Create(args);
        await app.StartAsync();
        return new Platform(app, directory);
    }

    /// <summary>Registers a new person and signs them in: their bearer token and person id.</summary>
    public async Task<(string Token, Guid PersonId)> SignUpAsync(string name)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.org";
        const string password = "a long enough bench passphrase";
        (await Http.PostAsJsonAsync("/api/v1/accounts", new { email, password, displayName = name })).EnsureSuccessStatusCode();
        var token = await Read(await Http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }));
        return (token.GetProperty("token").GetString()!, token.GetProperty("personId").GetGuid());
    }

    /// <summary>Sends a request as the person <paramref name="token"/> signs in; the answer's JSON, or throws with its problem.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        return await Read(response);
    }

    public Task<JsonElement> PostAsync(string path, string token, object? body = null) => SendAsync(HttpMethod.Post, path, token, body);

    public static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; it is in the temp folder.
        }
    }
}
