using System.Net;
using System.Text.Json;
using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>An API node of a cluster whose PostgreSQL is stopped is not ready, says why, and is ready again once it is back.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private DedicatedPostgres? _postgres;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _postgres = await DedicatedPostgres.StartAsync();
        _cluster = await TestCluster.StartAsync(_postgres.ConnectionString, silos: 1, apis: 1, siloSettings: ClusterSettings.LoopbackSilo, apiSettings: ClusterSettings.LoopbackApi);
    }

    [Fact]
    public async Task Ready_WhilePostgreSqlIsStopped_Answers503WithTheReason_AndRecovers()
    {
        var api = _cluster!.Api(0);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(api)).Status);

        await _postgres!.StopAsync();
        var down = await Eventually.WaitAsync(() => ReadyAsync(api), r => r.Status != HttpStatusCode.OK, TimeSpan.FromSeconds(30), "/health/ready to fail");
        await _postgres.StartAgainAsync();
        var up = await Eventually.WaitAsync(() => ReadyAsync(api), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/health/ready to answer 200 again");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Grain state cannot be written: the database is unreachable."), down);
        Assert.Equal((HttpStatusCode.OK, (string?)null), up);
    }

    private static async Task<(HttpStatusCode Status, string? Reason)> ReadyAsync(HttpClient api)
    {
        using var response = await api.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (!body.StartsWith('{'))
        {
            return (response.StatusCode, body);
        }

        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
    }

    public async ValueTask DisposeAsync()
    {
        await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_postgres?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
