using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Fuzz;

/// <summary>Who sends a fuzzed request.</summary>
public enum FuzzActor
{
    Coordinator,
    Outsider,
    Anonymous,
    ApiKey,
}

/// <summary>
/// The spaces the fuzz aims at. The world (one organisation, coalition, forum and working group per visibility,
/// and a private forum with a session) is only read by its coordinator and attacked by everyone else, so it must
/// read back unchanged. The fuzz's own spaces (where the outsider is a member and the API key belongs) may be
/// changed by anyone.
/// </summary>
public sealed class FuzzWorld
{
    private readonly Dictionary<FuzzActor, string?> _secrets = [];

    private FuzzWorld(ApiHost host) => Host = host;

    public ApiHost Host { get; }

    public TestClient Coordinator { get; private set; } = null!;

    public TestClient Outsider { get; private set; } = null!;

    /// <summary>Ids by kind ("organisations", "coalitions", "working-groups", "forums", "live-sessions", "people").</summary>
    public Dictionary<string, List<Guid>> World { get; } = [];

    public Dictionary<string, List<Guid>> Own { get; } = [];

    public string? Secret(FuzzActor actor) => _secrets[actor];

    public static async Task<FuzzWorld> BuildAsync(ApiHost host)
    {
        var world = new FuzzWorld(host);
        var coordinator = world.Coordinator = await TestClient.SignedUpAsync(host, "Coordinadora");
        var outsider = world.Outsider = await TestClient.SignedUpAsync(host, "Outsider");
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            var organisation = await coordinator.CreateOrganisationAsync(visibility);
            var coalition = await coordinator.CreateCoalitionAsync(visibility);
            world.Add(world.World, "organisations", organisation.Id);
            world.Add(world.World, "coalitions", coalition.Id);
            world.Add(world.World, "forums", await CreateAsync(coordinator, $"/api/v1/coalitions/{coalition.Id}/forums", new { name = "Foro", visibility }));
            world.Add(world.World, "working-groups", await CreateAsync(coordinator, $"/api/v1/coalitions/{coalition.Id}/working-groups", new { name = "Grupo", visibility }));
        }

        var privateForum = await CreateAsync(coordinator, "/api/v1/forums", new { name = "Foro privado", visibility = Visibility.Private });
        world.Add(world.World, "forums", privateForum);
        world.Add(world.World, "live-sessions", await CreateAsync(coordinator, $"/api/v1/forums/{privateForum}/sessions", Session()));
        world.Add(world.World, "people", coordinator.PersonId);

        var ownOrganisation = (await coordinator.CreateOrganisationAsync()).Id;
        var ownCoalition = (await coordinator.CreateCoalitionAsync(Visibility.MembersOnly)).Id;
        await coordinator.AddMemberAsync($"/api/v1/coalitions/{ownCoalition}", outsider, SpaceRole.Member);
        var ownForum = await CreateAsync(coordinator, $"/api/v1/coalitions/{ownCoalition}/forums", new { name = "Foro propio", visibility = Visibility.MembersOnly });
        await coordinator.AddMemberAsync($"/api/v1/forums/{ownForum}", outsider, SpaceRole.Member);
        world.Add(world.Own, "organisations", ownOrganisation);
        world.Add(world.Own, "coalitions", ownCoalition);
        world.Add(world.Own, "forums", ownForum);
        world.Add(world.Own, "working-groups", await CreateAsync(coordinator, $"/api/v1/coalitions/{ownCoalition}/working-groups", new { name = "Grupo propio" }));
        world.Add(world.Own, "live-sessions", await CreateAsync(coordinator, $"/api/v1/forums/{ownForum}/sessions", Session()));
        world.Add(world.Own, "people", outsider.PersonId);

        var key = await TestClient.ReadAsync<JsonElement>(
            await coordinator.PostAsync($"/api/v1/organisations/{ownOrganisation}/api-keys", new { name = "Fuzz key", scope = "read-write" }), HttpStatusCode.Created);
        world._secrets[FuzzActor.Coordinator] = coordinator.Token;
        world._secrets[FuzzActor.Outsider] = outsider.Token;
        world._secrets[FuzzActor.Anonymous] = null;
        world._secrets[FuzzActor.ApiKey] = key.GetProperty("key").GetString();
        return world;
    }

    /// <summary>What the world's spaces and session read back as, to the coordinator: profiles, members and roles.</summary>
    public async Task<string> SnapshotAsync()
    {
        var snapshot = new JsonObject();
        foreach (var (kind, ids) in World.Where(k => k.Key != "people"))
        {
            foreach (var id in ids)
            {
                var path = $"/api/v1/{kind}/{id}";
                snapshot[path] = await ReadAsync(path);
                if (kind != "live-sessions")
                {
                    var members = await ReadAsync($"{path}/members");
                    snapshot[$"{path}/members"] = members is JsonArray list
                        ? string.Join(",", list.Select(m => $"{m!["personId"]}:{m["role"]}").Order(StringComparer.Ordinal))
                        : members;
                }
            }
        }

        return snapshot.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private async Task<JsonNode> ReadAsync(string path) => JsonNode.Parse(await (await Coordinator.GetAsync(path)).Content.ReadAsStringAsync())!;

    private void Add(Dictionary<string, List<Guid>> pool, string kind, Guid id)
    {
        if (!pool.TryGetValue(kind, out var ids))
        {
            pool[kind] = ids = [];
        }

        ids.Add(id);
    }

    private static object Session() => new
    {
        title = "Asamblea",
        startsAt = DateTimeOffset.UtcNow.AddDays(1),
        endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(2),
        agenda = new[] { new { title = "Apertura", format = "plenary", plannedMinutes = 10 } },
    };

    private static async Task<Guid> CreateAsync(TestClient client, string path, object body) =>
        (await TestClient.ReadAsync<JsonElement>(await client.PostAsync(path, body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
