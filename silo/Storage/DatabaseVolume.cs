using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// Checked before the host starts: a SQLite file the process cannot write (a read-only volume, a folder it may not
/// create) would otherwise abort the start-up deep inside Orleans with a stack trace. One line says what is wrong.
/// </summary>
public static class DatabaseVolume
{
    /// <summary>EX_IOERR from sysexits.h: the process cannot write the database it was given.</summary>
    public const int NotWritableExitCode = 74;

    /// <summary>Null when the configured database can be written (or is PostgreSQL, whose server decides); else the line to print.</summary>
    public static async Task<string?> ProblemAsync(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var path = Path.GetFullPath(storage.SqlitePath);
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var connection = await new SqliteDataSource(storage.EffectiveConnectionString).OpenConnectionAsync();
            await using var command = connection.CreateCommand();

            // Takes the write lock without writing anything: SQLite refuses it on a file it opened read-only.
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            var why = e is SqliteException sqlite ? $"{sqlite.Message.TrimEnd('.')}" : e.Message.TrimEnd('.');
            return $"NetworkHub cannot write its database {path}: {why}. Make the folder and file writable (a read-only volume or a full disk are the usual causes); exit code {NotWritableExitCode}.";
        }
    }
}
