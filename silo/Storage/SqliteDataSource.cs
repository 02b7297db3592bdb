using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// Where every SQLite connection of the silo comes from: Orleans' providers (given as their <c>DataSource</c>),
/// the schema migrator and the readiness check. SQLite's <c>synchronous</c> setting belongs to the connection,
/// not the file, and Microsoft.Data.Sqlite's connection string has no keyword for it, so each open sets it.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    /// <summary>
    /// FULL with WAL: a commit is fsynced to the WAL before it returns, so an acknowledged write survives a
    /// power loss, not only a crash of the process (NORMAL would lose the last commits then).
    /// </summary>
    public const string Synchronous = "FULL";

    /// <summary>
    /// Deleted and overwritten content is overwritten with zeros rather than left in free pages and cells, so an erased
    /// person's data cannot be read back from the file (with <see cref="CheckpointAsync"/> for the write-ahead log).
    /// </summary>
    public const string SecureDelete = "ON";

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new DurableConnection(connectionString);

    /// <summary>
    /// Copies the write-ahead log into the database file and truncates it to zero bytes, so old page images (which still
    /// hold what a later write replaced) leave the -wal file. Returns false when a reader kept it from finishing.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var wait = connection.CreateCommand())
        {
            // TRUNCATE waits for readers through the busy handler; give it up to 5 s rather than failing at once.
            wait.CommandText = "PRAGMA busy_timeout=5000;";
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) == 0;
    }

    private sealed class DurableConnection(string connectionString) : SqliteConnection(connectionString)
    {
        // DbConnection.OpenAsync calls Open, so this covers both; a pooled connection runs it again at each open.
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = $"PRAGMA synchronous={Synchronous}; PRAGMA secure_delete={SecureDelete};";
            command.ExecuteNonQuery();
        }
    }
}
