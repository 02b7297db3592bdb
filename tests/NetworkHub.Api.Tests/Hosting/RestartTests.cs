using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_OnTheSameDatabaseFile_KeepsAccountsTokensSpacesAndSchema()
    {
        var database = ApiHost.NewDatabasePath();
        string token, apiKey, email;
        Guid organisationId, coalitionId, memberId;
        await using (var first = await ApiHost.StartAsync(database))
        {
            using var coordinator = await TestClient.SignedUpAsync(first, "Coordinadora");
            using var member = await TestClient.SignedUpAsync(first, "Integrante");
            (token, email, memberId) = (coordinator.Token!, coordinator.Email, member.PersonId);
            organisationId = (await coordinator.CreateOrganisationAsync(Visibility.MembersOnly, name: "Persistente")).Id;
            coalitionId = (await coordinator.CreateCoalitionAsync(Visibility.Private, name: "Coalición duradera")).Id;
            await coordinator.AddMemberAsync($"/api/v1/coalitions/{coalitionId}", member, SpaceRole.Member);
            var key = await TestClient.ReadAsync<JsonElement>(
                await coordinator.PostAsync($"/api/v1/organisations/{organisationId}/api-keys", new { name = "sync", scope = "read" }), HttpStatusCode.Created);
            apiKey = key.GetProperty("key").GetString()!;
        }

        var schemaAfterFirstStart = Schema(database);
        await using var second = await ApiHost.StartAsync(database);
        using var again = second.CreateClient();
        again.UseBearer(token);
        using var integrator = second.CreateClient();
        integrator.UseBearer(apiKey);

        var organisation = await again.GetAsync<OrganisationDetails>($"/api/v1/organisations/{organisationId}");
        var coalition = await again.GetAsync<CoalitionDetails>($"/api/v1/coalitions/{coalitionId}");
        var members = await again.GetAsync<List<SpaceMember>>($"/api/v1/coalitions/{coalitionId}/members");
        var directory = await again.GetAsync<DirectoryPage>("/api/v1/coalitions?q=duradera");
        var viaKey = await integrator.GetAsync<OrganisationDetails>($"/api/v1/organisations/{organisationId}");
        var signIn = await second.CreateClient().PostAsync("/api/v1/auth/token", new { email, password = TestClient.Password });

        Assert.Equal(("Persistente", SpaceRole.Coordinator), (organisation.Name, organisation.YourRole));
        Assert.Equal("Coalición duradera", coalition.Name);
        Assert.Contains(members, m => m.PersonId == memberId && m.Role == SpaceRole.Member && m.Name == "Integrante");
        Assert.Equal([coalitionId], directory.Items.Select(i => i.Id));
        Assert.Equal(organisationId, viaKey.Id);
        await TestClient.Expect(signIn, HttpStatusCode.OK);
        Assert.Equal(schemaAfterFirstStart, Schema(database));
    }

    /// <summary>Every table, index and recorded schema version: a second start must change none of it.</summary>
    private static string Schema(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_concat(type || ' ' || name, '; ') FROM (SELECT type, name FROM sqlite_master ORDER BY name);
            SELECT group_concat(version, ',') FROM networkhub_schema;
            SELECT count(*) FROM OrleansQuery;
            """;
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        do
        {
            while (reader.Read())
            {
                parts.Add(reader.GetValue(0).ToString()!);
            }
        }
        while (reader.NextResult());
        return string.Join(" | ", parts);
    }
}
