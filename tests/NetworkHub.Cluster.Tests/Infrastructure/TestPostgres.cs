using Npgsql;

namespace NetworkHub.Cluster.Tests.Infrastructure;

/// <summary>The PostgreSQL server that test.sh starts. Every test that needs one gets a new database on it.</summary>
internal static class TestPostgres
{
    public const string Variable = "NETWORKHUB_TEST_POSTGRES";

    /// <summary>Fails rather than skips: CI must run these tests, so a missing server is an error.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with ./test.sh, or start a server with " +
                $"'scripts/postgres.sh start' and set {Variable} to the connection string it prints.");

    public static Task<TestDatabase> CreateDatabaseAsync() => CreateDatabaseAsync(ServerConnectionString);

    public static async Task<TestDatabase> CreateDatabaseAsync(string server)
    {
        var name = "nh_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(server, name);
    }
}

internal sealed class TestDatabase(string server, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
