using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// Applies the project's own SQL scripts (embedded from Storage/Sql/{Provider}) in file-name order.
/// Every script is idempotent and records its number in <c>networkhub_schema</c>, so running the
/// migration again changes nothing, and a process can tell whether the database is newer than it knows.
/// </summary>
public sealed class SchemaMigrator(StorageOptions options)
{
    private static readonly Assembly ScriptAssembly = typeof(SchemaMigrator).Assembly;

    public IReadOnlyList<string> Scripts => ScriptAssembly.GetManifestResourceNames()
        .Where(n => n.StartsWith($"Sql/{options.Provider}/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The newest schema version this build knows: the number of its newest script.</summary>
    public int KnownVersion => Scripts.Select(VersionOf).DefaultIfEmpty(0).Max();

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath));
            if (!string.IsNullOrEmpty(directory))
            {
                System.IO.Directory.CreateDirectory(directory);
            }
        }

        await using var connection = await OpenAsync(cancellationToken);
        var current = await ReadVersionAsync(connection, cancellationToken);
        EnsureNotNewer(current);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers and the single writer proceed together; it is a property of the file.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var script in Scripts)
        {
            await using var stream = ScriptAssembly.GetManifestResourceStream(script)!;
            using var reader = new StreamReader(stream);
            var sql = await reader.ReadToEndAsync(cancellationToken);

            // One transaction per script: a failed script leaves nothing half-applied, and the lock a
            // PostgreSQL script takes holds until commit, so silos migrating at once wait for each other.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, sql, cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        return await ReadVersionAsync(connection, cancellationToken);
    }

    /// <summary>Fails with a message that says what to do when the database is not at this build's version.</summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var current = await ReadVersionAsync(connection, cancellationToken);
        EnsureNotNewer(current);
        if (current < KnownVersion)
        {
            throw new SchemaVersionException(
                $"The database schema is at version {current}, this build needs {KnownVersion}. " +
                "Run the migration first: dotnet run --project silo -- migrate");
        }
    }

    private void EnsureNotNewer(int current)
    {
        if (current > KnownVersion)
        {
            throw new SchemaVersionException(
                $"The database schema is at version {current}, newer than version {KnownVersion} known to this build. " +
                "Upgrade NetworkHub before starting it on this database.");
        }
    }

    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        return options.Provider == DatabaseProvider.Sqlite
            ? await new SqliteDataSource(options.EffectiveConnectionString).OpenConnectionAsync(cancellationToken)
            : await OpenPostgreSqlAsync(options.EffectiveConnectionString, cancellationToken);
    }

    private static async Task<DbConnection> OpenPostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<int> ReadVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = connection is SqliteConnection
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'networkhub_schema'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_name = 'networkhub_schema' AND table_schema = current_schema()";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) == 0)
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM networkhub_schema";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int VersionOf(string script) =>
        int.Parse(Path.GetFileName(script).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
}
