using System.Net;
using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>(d) Reminders live in the database: one registered before a silo dies still fires, on the silo that survives.</summary>
public sealed class ReminderFailoverTests : IAsyncLifetime
{
    private const int Tokens = 12;
    private TestDatabase? _database;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();

        // Tokens that expire within seconds, and a reminder period short enough to retry a missed tick in the test.
        _cluster = await TestCluster.StartAsync(_database.ConnectionString,
            siloSettings: [.. ClusterSettings.LoopbackSilo, "--Orleans:ReminderService:MinimumReminderPeriod=00:00:01", "--Accounts:ExpiryCheckPeriod=00:00:02"],
            apiSettings: [.. ClusterSettings.LoopbackApi, "--Accounts:TokenLifetime=00:00:10"]);
    }

    [Fact]
    public async Task ExpiryReminder_RegisteredBeforeASiloDies_FiresOnTheSurvivorAndDeletesTheCredential()
    {
        var cluster = _cluster!;
        var email = await NetworkHubApi.RegisterAsync(cluster.Api(0));

        // Each sign-in issues a credential with an expiry reminder. The reminders spread over both silos' ranges
        // by grain hash: with 12 of them, the chance that none belonged to the silo killed below is about 1 in 4000.
        var tokens = new List<string>();
        for (var i = 0; i < Tokens; i++)
        {
            tokens.Add(await NetworkHubApi.SignInAsync(cluster.Api(i % 2), email));
        }

        Assert.Equal(Tokens, await CountRemindersAsync());
        Assert.Equal(Tokens, await CountCredentialsAsync());

        cluster.KillSilo(1);
        await Eventually.WaitAsync(async () => await CountRemindersAsync() == 0 && await CountCredentialsAsync() == 0,
            TimeSpan.FromSeconds(60), "every expiry reminder to fire and delete its credential");

        Assert.Equal(1, await cluster.ActiveSilosAsync());
        using var expired = await NetworkHubApi.GetAsync(cluster.Api(0), tokens[0], "/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private Task<long> CountRemindersAsync() =>
        _database!.CountAsync("SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'expiry'");

    private Task<long> CountCredentialsAsync() =>
        _database!.CountAsync("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'credential'");
}
