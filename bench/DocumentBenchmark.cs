using NetworkHub.Silo.Documents;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Bench;

/// <summary>
/// Documents: upload and download throughput (HTTP API, each content store, against a plain file copy) and search latency
/// over many documents (the HTTP endpoint and the index, against a LIKE scan). The application runs in this process in
/// embedded mode (SQLite file, content folder beside it); the PostgreSQL store is measured too when a server is given
/// (<c>--postgres</c> or NETWORKHUB_TEST_POSTGRES), in a database made for the run and dropped after it.
/// </summary>
internal static class DocumentBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Arguments.Value(args, "--sizes", "1,10,50").Split(',').Select(int.Parse).ToArray();
        var repeats = int.Parse(Arguments.Value(args, "--repeats", "3"));
        var documents = int.Parse(Arguments.Value(args, "--documents", "10000"));
        var searches = int.Parse(Arguments.Value(args, "--searches", "300"));
        var only = Arguments.Value(args, "--only", "content,search").Split(',');
        var server = Arguments.Value(args, "--postgres", Environment.GetEnvironmentVariable("NETWORKHUB_TEST_POSTGRES") ?? "");

        await using var platform = await Platform.StartAsync();
        if (only.Contains("content"))
        {
            Console.WriteLine($"Upload and download, median of {repeats}, MB = 2^20 bytes; ratios to File.Copy (higher is faster):");
            await using var postgres = server.Length > 0 ? await PostgresDatabase.CreateAsync(server) : null;
            await new ContentThroughput(platform, platform.Directory, repeats).RunAsync(sizes, postgres?.Store);
        }

        if (only.Contains("search"))
        {
            await new SearchLatency(platform, documents, searches).RunAsync();
        }

        return 0;
    }

    /// <summary>A fresh database with the schema, for the PostgreSQL content store; dropped afterwards.</summary>
    private sealed class PostgresDatabase(string server, string name, PostgreSqlContentStore store) : IAsyncDisposable
    {
        public PostgreSqlContentStore Store => store;

        public static async Task<PostgresDatabase> CreateAsync(string server)
        {
            var name = "nh_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            await new SchemaMigrator(new StorageOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString }).MigrateAsync();
            return new PostgresDatabase(server, name, new PostgreSqlContentStore(connectionString));
        }

        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
