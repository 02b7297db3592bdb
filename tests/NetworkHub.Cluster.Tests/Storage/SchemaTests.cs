using NetworkHub.Cluster.Tests.Infrastructure;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>The migrate command of the silo program, and a cluster silo's refusal to start on a schema it does not know.</summary>
public sealed class SchemaTests
{
    private static readonly int KnownVersion = new SchemaMigrator(new StorageOptions { Provider = DatabaseProvider.PostgreSql }).KnownVersion;

    [Fact]
    public async Task Migrate_RunTwiceOnPostgreSql_SucceedsAndRecordsEveryVersionOnce()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var first = await Programs.RunSiloCommandAsync("migrate", "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={database.ConnectionString}");
        var second = await Programs.RunSiloCommandAsync("migrate", "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={database.ConnectionString}");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains($"PostgreSql schema at version {KnownVersion}.", second.Output, StringComparison.Ordinal);
        Assert.Equal(KnownVersion, await database.CountAsync("SELECT count(*) FROM networkhub_schema"));
        Assert.Equal(KnownVersion, await database.CountAsync("SELECT max(version) FROM networkhub_schema"));
    }

    [Fact]
    public async Task Migrate_OnSqlite_ReachesTheSameVersionAsPostgreSql()
    {
        var path = Path.Combine(Path.GetTempPath(), $"networkhub-test-{Guid.NewGuid():N}.db");
        try
        {
            var result = await Programs.RunSiloCommandAsync("migrate", "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={path}");

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains($"Sqlite schema at version {KnownVersion}.", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(null, "schema is at version 0, this build needs")]
    [InlineData("DELETE FROM networkhub_schema WHERE version = (SELECT max(version) FROM networkhub_schema)", "Run the migration first: dotnet run --project silo -- migrate")]
    [InlineData("INSERT INTO networkhub_schema (version) VALUES (999)", "schema is at version 999, newer than version")]
    public async Task ClusterSilo_OnAnUnknownSchema_RefusesToStartAndSaysWhy(string? change, string expected)
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        if (change is not null)
        {
            Assert.Equal(0, (await Programs.RunSiloCommandAsync("migrate", "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={database.ConnectionString}")).ExitCode);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(change, connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var silo = NodeProcess.Start("silo", Programs.SiloDll, [
            "--Orleans:Mode=Cluster", $"--Orleans:ClusterId=schema-{Guid.NewGuid():N}",
            $"--Orleans:SiloPort={FreePorts.Next()}", $"--Orleans:GatewayPort={FreePorts.Next()}",
            "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={database.ConnectionString}"], Programs.SiloDirectory);
        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 3, silo.Output);
        Assert.Contains("The silo did not start: ", silo.Output, StringComparison.Ordinal);
        Assert.Contains(expected, silo.Output, StringComparison.Ordinal);
    }
}
