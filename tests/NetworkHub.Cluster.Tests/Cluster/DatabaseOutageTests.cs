using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>(c) PostgreSQL stops and starts again under write load: clients get 503 with Retry-After, never a 500, and nothing acknowledged is lost.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private DedicatedPostgres? _postgres;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _postgres = await DedicatedPostgres.StartAsync();
        _cluster = await TestCluster.StartAsync(_postgres.ConnectionString, siloSettings: ClusterSettings.LoopbackSilo, apiSettings: ClusterSettings.LoopbackApi);
    }

    [Fact]
    public async Task CreateOrganisation_WhileTheDatabaseRestarts_FailsWith503AndLosesNothing()
    {
        var cluster = _cluster!;
        var token = await NetworkHubApi.SignUpAsync(cluster.Api(0));
        var load = WriteLoad.Start(cluster, token);
        await Eventually.WaitAsync(() => Task.FromResult(load.AcknowledgedAfter(0)), n => n >= 40, TimeSpan.FromSeconds(60), "40 acknowledged writes before the outage");

        var stoppedAt = load.Now;
        await _postgres!.StopAsync();
        // An outage of at least 5 s, as long as a restart of a real server takes, and one that clients noticed.
        await Eventually.WaitAsync(() => Task.FromResult(load.FailedAfter(stoppedAt) >= 20 && load.Now - stoppedAt >= 5), TimeSpan.FromSeconds(60), "20 failed writes and 5 s of outage");
        var restartedAt = load.Now;
        await _postgres.StartAgainAsync();
        await Eventually.WaitAsync(() => Task.FromResult(load.SteadyAcknowledgedAfter(restartedAt)), n => n >= 40, TimeSpan.FromSeconds(90), "40 acknowledged writes after the last failure");
        var attempts = await load.StopAsync();

        var lost = new List<Guid>();
        foreach (var attempt in attempts.Where(a => a.Acknowledged))
        {
            if (await NetworkHubApi.ReadOrganisationNameAsync(cluster.Api(attempt.Api ^ 1), token, attempt.Id) != NetworkHubApi.NameOf(attempt.Id))
            {
                lost.Add(attempt.Id);
            }
        }

        var figures = Figures.From(ClusterSettings.Scenario("PostgreSQL stopped and restarted"), attempts, lost.Count);
        figures.Report(attempts, stoppedAt);
        Assert.Empty(lost);
        Assert.All(attempts.Where(a => !a.Acknowledged), SiloFailureTests.AssertServiceUnavailable);
        Assert.Equal(2, await cluster.ActiveSilosAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_postgres?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
