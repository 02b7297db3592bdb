using System.Net;
using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>Two silos and two API nodes on one PostgreSQL: any node serves any data and any token.</summary>
public sealed class CrossNodeTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _cluster = await TestCluster.StartAsync(_database.ConnectionString);
    }

    [Fact]
    public async Task Organisation_WrittenThroughOneApiNode_IsReadableThroughTheOther()
    {
        var token = await NetworkHubApi.SignUpAsync(_cluster!.Api(0));
        var id = Guid.CreateVersion7();

        using var created = await NetworkHubApi.CreateOrganisationAsync(_cluster.Api(0), token, id, TestContext.Current.CancellationToken);
        var name = await NetworkHubApi.ReadOrganisationNameAsync(_cluster.Api(1), token, id);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(NetworkHubApi.NameOf(id), name);
    }

    [Fact]
    public async Task Token_IssuedByOneApiNode_WorksOnTheOtherAndAfterBothRestart()
    {
        var token = await NetworkHubApi.SignUpAsync(_cluster!.Api(0));

        using var onOtherNode = await NetworkHubApi.GetAsync(_cluster.Api(1), token, "/api/v1/me");
        await _cluster.RestartApiAsync(0);
        await _cluster.RestartApiAsync(1);
        using var afterRestart0 = await NetworkHubApi.GetAsync(_cluster.Api(0), token, "/api/v1/me");
        using var afterRestart1 = await NetworkHubApi.GetAsync(_cluster.Api(1), token, "/api/v1/me");
        using var unknownToken = await NetworkHubApi.GetAsync(_cluster.Api(1), "nht_unknown", "/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, onOtherNode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRestart0.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRestart1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownToken.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
