using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkHub.Api;

namespace NetworkHub.Api.Tests;

/// <summary>
/// The real application on real Kestrel (loopback, a free port), with its co-hosted silo on free ports and
/// its grain state in a real SQLite file. Start a second one on the same file to test a restart.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, string databasePath, Uri address)
    {
        _app = app;
        DatabasePath = databasePath;
        Address = address;
    }

    public string DatabasePath { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "networkhub-tests", $"{Guid.NewGuid():N}", "networkhub.db");

    public static Task<ApiHost> StartAsync(string? databasePath = null, params string[] settings) => StartAsync(databasePath, null, settings);

    /// <summary>A host whose every log line (any category, at the levels the settings allow) also goes to <paramref name="logs"/>.</summary>
    public static Task<ApiHost> StartAsync(string? databasePath, ILoggerProvider? logs, params string[] settings) =>
        StartConfiguredAsync(databasePath, builder =>
        {
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        }, settings);

    /// <summary>A host whose builder <paramref name="configure"/> adjusts before it is built (a grain call filter, say).</summary>
    public static async Task<ApiHost> StartConfiguredAsync(string? databasePath, Action<WebApplicationBuilder> configure, params string[] settings)
    {
        databasePath ??= NewDatabasePath();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Storage:SqlitePath", databasePath,
            "--Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:ClusterId", $"test-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default", "Warning",

            // Every test signs people up from 127.0.0.1; the per-address limit has a test of its own.
            "--Api:AuthRequestsPerMinute", "1000000",
            "--Accounts:AddressThrottle:FreeFailures", "1000000",
            .. settings,
        ];
        var app = NetworkHubApp.Create(args, configure);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiHost(app, databasePath, new Uri(address));
    }

    public TestClient CreateClient() => new(new HttpClient { BaseAddress = Address });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One host for the whole assembly: tests use fresh accounts and ids, so they do not disturb each other.</summary>
public sealed class SharedHost : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await ApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
