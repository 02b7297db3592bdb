using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Access;

/// <summary>Every kind of caller the authorisation matrix covers.</summary>
public enum Actor
{
    Anonymous,
    Outsider,
    Observer,
    Member,
    Coordinator,
    ApiKeyRead,
    ApiKeyReadWrite,
}

/// <summary>
/// A small network built once for the matrix: an organisation with a read and a read-write API key, and a
/// public, a members-only and a private coalition in which one person each is observer, member and coordinator.
/// </summary>
public sealed class AccessWorld(SharedHost shared) : IAsyncLifetime
{
    private readonly Dictionary<Actor, TestClient> _clients = [];

    public Guid OrganisationId { get; private set; }

    public Dictionary<Visibility, Guid> Coalitions { get; } = [];

    public TestClient Client(Actor actor) => _clients[actor];

    public async ValueTask InitializeAsync()
    {
        var host = shared.Host;
        var coordinator = await TestClient.SignedUpAsync(host, "Coordinator");
        var observer = await TestClient.SignedUpAsync(host, "Observer");
        var member = await TestClient.SignedUpAsync(host, "Member");
        _clients[Actor.Anonymous] = host.CreateClient();
        _clients[Actor.Outsider] = await TestClient.SignedUpAsync(host, "Outsider");
        _clients[Actor.Observer] = observer;
        _clients[Actor.Member] = member;
        _clients[Actor.Coordinator] = coordinator;

        var organisation = await coordinator.CreateOrganisationAsync();
        OrganisationId = organisation.Id;
        await coordinator.AddMemberAsync($"/api/v1/organisations/{OrganisationId}", observer, SpaceRole.Observer);
        await coordinator.AddMemberAsync($"/api/v1/organisations/{OrganisationId}", member, SpaceRole.Member);
        _clients[Actor.ApiKeyRead] = await KeyClientAsync(host, coordinator, "read");
        _clients[Actor.ApiKeyReadWrite] = await KeyClientAsync(host, coordinator, "read-write");

        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            var coalition = await coordinator.CreateCoalitionAsync(visibility);
            Coalitions[visibility] = coalition.Id;
            await coordinator.AddMemberAsync($"/api/v1/coalitions/{coalition.Id}", observer, SpaceRole.Observer);
            await coordinator.AddMemberAsync($"/api/v1/coalitions/{coalition.Id}", member, SpaceRole.Member);
        }
    }

    private async Task<TestClient> KeyClientAsync(ApiHost host, TestClient coordinator, string scope)
    {
        var response = await coordinator.PostAsync($"/api/v1/organisations/{OrganisationId}/api-keys", new { name = $"{scope} key", scope });
        var key = await TestClient.ReadAsync<JsonElement>(response, HttpStatusCode.Created);
        var client = host.CreateClient();
        client.UseBearer(key.GetProperty("key").GetString()!);
        return client;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
