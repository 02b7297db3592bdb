using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>(b) A silo dies with SIGKILL while clients write: nothing acknowledged is lost, and the grains it held come back on the survivor.</summary>
public sealed class SiloFailureTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _cluster = await TestCluster.StartAsync(_database.ConnectionString, siloSettings: ClusterSettings.LoopbackSilo, apiSettings: ClusterSettings.LoopbackApi);
    }

    [Fact]
    public async Task CreateOrganisation_WhileASiloIsKilled_EveryAcknowledgedWriteIsReadable()
    {
        var cluster = _cluster!;
        var token = await NetworkHubApi.SignUpAsync(cluster.Api(0));
        var load = WriteLoad.Start(cluster, token);
        await Eventually.WaitAsync(() => Task.FromResult(load.AcknowledgedAfter(0)), n => n >= 40, TimeSpan.FromSeconds(60), "40 acknowledged writes before the kill");

        var killedAt = load.Now;
        cluster.KillSilo(1);
        await Eventually.WaitAsync(() => cluster.CountMembersAsync(MembershipStatus.Dead), n => n == 1, TimeSpan.FromSeconds(90), "the killed silo to be declared dead");
        var declaredDead = load.Now - killedAt;
        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"silo declared dead {declaredDead:0.0} s after the kill"));
        await Eventually.WaitAsync(() => Task.FromResult(load.SteadyAcknowledgedAfter(killedAt)), n => n >= 40, TimeSpan.FromSeconds(90), "40 acknowledged writes after the last failure");
        var attempts = await load.StopAsync();

        // Read back through both API nodes with one silo left: grains that lived on the dead silo must reactivate on the survivor.
        var acknowledged = attempts.Where(a => a.Acknowledged).ToList();
        var lost = new List<Guid>();
        foreach (var attempt in acknowledged)
        {
            if (await NetworkHubApi.ReadOrganisationNameAsync(cluster.Api(attempt.Api ^ 1), token, attempt.Id) != NetworkHubApi.NameOf(attempt.Id))
            {
                lost.Add(attempt.Id);
            }
        }

        Figures.From(ClusterSettings.Scenario("silo killed (SIGKILL)"), attempts, lost.Count).Report(attempts, killedAt);

        Assert.Empty(lost);
        Assert.True(acknowledged.Count(a => a.Ended < killedAt) >= 40, "writes from before the kill were read back");
        Assert.Equal(1, await cluster.ActiveSilosAsync());
        Assert.All(attempts.Where(a => !a.Acknowledged), AssertServiceUnavailable);

        // No call waits out the client's response timeout: those through the dead silo's gateway fail when its
        // connection closes, those to grains it held when it is declared dead (seen here by polling, so a little late).
        var slowest = attempts.MaxBy(a => a.Ended - a.Started)!;
        Assert.True(slowest.Ended - slowest.Started < declaredDead + 1.5,
            FormattableString.Invariant($"a request took {slowest.Ended - slowest.Started:0.0} s (status {slowest.Status}); the silo was declared dead {declaredDead:0.0} s after the kill"));
    }

    /// <summary>A failure the client can act on: 503 problem details that say when to try again, never a 500.</summary>
    internal static void AssertServiceUnavailable(Attempt attempt)
    {
        Assert.True(attempt.Status == 503, $"a request failed with {attempt.Status?.ToString() ?? "no answer"}: {attempt.Failure}");
        Assert.Equal("application/problem+json", attempt.ContentType);
        Assert.NotNull(attempt.RetryAfter);
    }

    public async ValueTask DisposeAsync()
    {
        await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
