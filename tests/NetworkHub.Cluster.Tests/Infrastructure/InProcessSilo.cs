using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkHub.Silo;
using NetworkHub.Silo.Storage;
using Orleans.Storage;

namespace NetworkHub.Cluster.Tests.Infrastructure;

/// <summary>
/// A NetworkHub silo inside the test process, configured exactly as the silo program configures itself
/// (<see cref="SiloBuilderExtensions.AddNetworkHubSilo"/>), for tests that talk to grains or to Orleans'
/// storage provider directly.
/// </summary>
internal sealed class InProcessSilo(IHost host) : IAsyncDisposable
{
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    /// <summary>Orleans' ADO.NET grain storage running our SQL, as the grains use it.</summary>
    public IGrainStorage Storage => host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    public static Task<InProcessSilo> StartSqliteAsync(string path) => StartAsync(new()
    {
        ["Orleans:Mode"] = "Embedded",
        ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
        ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = path,
    });

    /// <summary>A one-silo cluster on PostgreSQL; the database must be migrated already, as a cluster silo only checks.</summary>
    public static Task<InProcessSilo> StartPostgreSqlAsync(string connectionString) => StartAsync(new()
    {
        ["Orleans:Mode"] = "Cluster",
        ["Orleans:ClusterId"] = "in-process-" + Guid.NewGuid().ToString("N")[..8],
        ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
        ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = connectionString,
    });

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }

    private static async Task<InProcessSilo> StartAsync(Dictionary<string, string?> settings)
    {
        // No defaults: nothing from this process's environment or from an appsettings.json copied beside the tests.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddNetworkHubSilo(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new InProcessSilo(host);
    }
}
