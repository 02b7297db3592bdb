using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace NetworkHub.Silo.Tests;

/// <summary>
/// One in-process Orleans test cluster for the assembly, with the real grains on a real SQLite file and a
/// fake clock. Tests use fresh ids; the ones that move the clock live in the <see cref="ClockCollection"/>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    internal static readonly string DatabasePath =
        Path.Combine(Path.GetTempPath(), "networkhub-silo-tests", $"{Guid.NewGuid():N}", "grains.db");

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = DatabasePath })
                .Build();
            siloBuilder.AddNetworkHubGrains(configuration, migrate: true);
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock);
            siloBuilder.AddIncomingGrainCallFilter<Faults>();
        }
    }
}

/// <summary>Tests that advance the shared fake clock run alone, so they cannot expire anything another test relies on.</summary>
[CollectionDefinition(nameof(ClockCollection), DisableParallelization = true)]
public sealed class ClockCollection;
