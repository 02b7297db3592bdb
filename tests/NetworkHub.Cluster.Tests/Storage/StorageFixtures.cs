using Microsoft.Data.Sqlite;
using NetworkHub.Cluster.Tests.Infrastructure;
using NetworkHub.Silo.Storage;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>A running silo on one provider, and a way to count the rows its storage holds.</summary>
internal interface IStorageFixture
{
    InProcessSilo Silo { get; }

    Task<long> CountRowsAsync(string stateName);
}

public sealed class SqliteStorageFixture : IStorageFixture, IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"networkhub-test-{Guid.NewGuid():N}.db");
    private InProcessSilo? _silo;

    InProcessSilo IStorageFixture.Silo => _silo!;

    public async ValueTask InitializeAsync() => _silo = await InProcessSilo.StartSqliteAsync(_path);

    public async Task<long> CountRowsAsync(string stateName)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = @name";
        command.Parameters.AddWithValue("@name", stateName);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await (_silo?.DisposeAsync() ?? ValueTask.CompletedTask);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }
}

public sealed class PostgreSqlStorageFixture : IStorageFixture, IAsyncLifetime
{
    private TestDatabase? _database;
    private InProcessSilo? _silo;

    InProcessSilo IStorageFixture.Silo => _silo!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        await new SchemaMigrator(new StorageOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = _database.ConnectionString }).MigrateAsync();
        _silo = await InProcessSilo.StartPostgreSqlAsync(_database.ConnectionString);
    }

    public Task<long> CountRowsAsync(string stateName) =>
        _database!.CountAsync("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = @name", ("name", stateName));

    public async ValueTask DisposeAsync()
    {
        await (_silo?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
