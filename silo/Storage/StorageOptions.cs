using System.ComponentModel.DataAnnotations;

namespace NetworkHub.Silo.Storage;

public enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSql = 1,
}

/// <summary>Where grain state, reminders and (in cluster mode) membership live.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, the database file; relative paths are taken from the working directory.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/networkhub.db";

    /// <summary>For PostgreSQL, an Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The ADO.NET invariant Orleans maps to a driver (the SQLite one loads Microsoft.Data.Sqlite).</summary>
    public string Invariant => Provider == DatabaseProvider.Sqlite ? "System.Data.SQLite" : "Npgsql";

    public string EffectiveConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite => $"Data Source={Path.GetFullPath(SqlitePath)};Pooling=True",
        _ => ConnectionString ?? throw new InvalidOperationException(
            "Storage:ConnectionString is required when Storage:Provider is PostgreSql."),
    };
}
