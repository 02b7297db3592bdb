using System.Net;
using NetworkHub.Contracts.Coalitions;

namespace NetworkHub.Api.Tests.Spaces;

public sealed class ConcurrencyTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    private static object Body(string name) => new { name, topics = new[] { "peace" }, visibility = "public" };

    [Fact]
    public async Task Update_WithCurrentETag_Succeeds_WithStaleETag_Is412AndKeepsTheFirst()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync();
        var path = $"/api/v1/coalitions/{coalition.Id}";
        var read = await coordinator.GetAsync(path);
        var etag = read.Headers.ETag!.Tag;

        var first = await coordinator.PutAsync(path, Body("First edit"), etag);
        var second = await coordinator.PutAsync(path, Body("Second edit, based on the old version"), etag);

        await TestClient.Expect(first, HttpStatusCode.OK);
        Assert.Equal("\"v1\"", etag);
        Assert.Equal("\"v2\"", first.Headers.ETag!.Tag);
        await TestClient.ProblemAsync(second, HttpStatusCode.PreconditionFailed, "space.version-mismatch");
        var current = await coordinator.GetAsync<CoalitionDetails>(path);
        Assert.Equal(("First edit", 2), (current.Name, current.Version));
    }

    [Fact]
    public async Task Update_WithMalformedIfMatch_Is400AndChangesNothing()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync(name: "Unchanged");
        var path = $"/api/v1/coalitions/{coalition.Id}";

        var response = await coordinator.PutAsync(path, Body("Changed"), "\"version one\"");

        await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.if-match");
        Assert.Equal("Unchanged", (await coordinator.GetAsync<CoalitionDetails>(path)).Name);
    }
}
