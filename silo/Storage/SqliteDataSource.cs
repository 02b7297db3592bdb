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

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new DurableConnection(connectionString);

    private sealed class DurableConnection(string connectionString) : SqliteConnection(connectionString)
    {
        // DbConnection.OpenAsync calls Open, so this covers both; a pooled connection runs it again at each open.
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = $"PRAGMA synchronous={Synchronous};";
            command.ExecuteNonQuery();
        }
    }
}
