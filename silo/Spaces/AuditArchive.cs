using System.Data.Common;
using System.Globalization;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// Audit lines older than the window a space or live session keeps in its state, in the table
/// <c>networkhub_audit</c> of the database grain state lives in (the SQLite file in the embedded mode, PostgreSQL in
/// a cluster). Lines are keyed by their owner (<c>{kind}/{id}</c>) and sequence number, and hold ids only.
/// </summary>
public sealed class AuditArchive : IAsyncDisposable
{
    private const string Columns = "sequence, at, actor_person, actor_organisation, action, subject, detail";

    private readonly DbDataSource _source;
    private readonly bool _sqlite;

    public AuditArchive(StorageOptions storage)
    {
        _sqlite = storage.Provider == DatabaseProvider.Sqlite;
        _source = _sqlite
            ? new SqliteDataSource(storage.EffectiveConnectionString)
            : NpgsqlDataSource.Create(storage.EffectiveConnectionString);
    }

    /// <summary>
    /// Moves the lines beyond the window from <paramref name="window"/> to the table. Called before the state write
    /// that would drop them: if this fails, nothing has left the window and the caller's write fails with it; if the
    /// state write fails afterwards, the lines are in both places, and moving them again changes nothing.
    /// </summary>
    public async Task MoveOverflowAsync(string owner, List<AuditEntry> window)
    {
        var overflow = AuditLog.Overflow(window);
        if (overflow == 0)
        {
            return;
        }

        await AddAsync(owner, window.GetRange(0, overflow));

        // Only the front is removed: lines appended meanwhile (a live session's interleaved calls) stay.
        window.RemoveRange(0, overflow);
    }

    /// <summary>A page of the owner's audit log after <paramref name="after"/>, from the table where it lies before the window.</summary>
    public async Task<AuditPage> PageAsync(string owner, IReadOnlyList<AuditEntry> window, long? after, int limit)
    {
        var from = after ?? 0;
        while (true)
        {
            var start = AuditLog.WindowStart(window);

            // Most logs never left their window (it starts at line 1): then the table is not asked at all.
            IReadOnlyList<AuditEntry> archived = start > 1 && from + 1 < start
                ? await ReadAsync(owner, from, start, limit + 1)
                : [];

            // A live session's interleaved write may have moved lines out of the window during the read; read again then.
            if (AuditLog.WindowStart(window) == start)
            {
                return AuditLog.Page(archived, window, after, limit);
            }
        }
    }

    /// <summary>Writes lines; one already stored under its owner and sequence is left as it is.</summary>
    public async Task AddAsync(string owner, IReadOnlyList<AuditEntry> lines)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO networkhub_audit (owner, {Columns})
            VALUES (@owner, @sequence, @at, @actor_person, @actor_organisation, @action, @subject, @detail)
            ON CONFLICT (owner, sequence) DO NOTHING
            """;
        foreach (var line in lines)
        {
            command.Parameters.Clear();
            Add(command, "owner", owner);
            Add(command, "sequence", line.Sequence);
            Add(command, "at", _sqlite ? line.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : line.At.ToUniversalTime());
            Add(command, "actor_person", Id(line.ActorPersonId));
            Add(command, "actor_organisation", Id(line.ActorOrganisationId));
            Add(command, "action", line.Action);
            Add(command, "subject", Id(line.SubjectId));
            Add(command, "detail", line.Detail);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>The owner's lines with <paramref name="after"/> &lt; sequence &lt; <paramref name="before"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string owner, long after, long before, int limit)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM networkhub_audit
            WHERE owner = @owner AND sequence > @after AND sequence < @before
            ORDER BY sequence LIMIT @limit
            """;
        Add(command, "owner", owner);
        Add(command, "after", after);
        Add(command, "before", before);
        Add(command, "limit", limit);
        var lines = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(new AuditEntry(
                reader.GetInt64(0),
                _sqlite ? DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : reader.GetFieldValue<DateTimeOffset>(1),
                GuidOrNull(reader, 2),
                GuidOrNull(reader, 3),
                reader.GetString(4),
                GuidOrNull(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return lines;
    }

    /// <summary>
    /// Account erasure: every archived line that names <paramref name="personId"/>, as actor or as subject, names
    /// <paramref name="formerMemberId"/> instead. Returns how many lines changed (a line naming the person twice counts twice).
    /// </summary>
    public async Task<int> ReplacePersonAsync(Guid personId, Guid formerMemberId)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var changed = 0;
        foreach (var column in (string[])["actor_person", "subject"])
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"UPDATE networkhub_audit SET {column} = @former WHERE {column} = @person";
            Add(command, "former", Id(formerMemberId));
            Add(command, "person", Id(personId));
            changed += await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return changed;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>SQLite keeps ids as text (as Microsoft.Data.Sqlite reads them back), PostgreSQL as uuid.</summary>
    private object? Id(Guid? id) => id is { } value && _sqlite ? value.ToString("D") : id;

    private static Guid? GuidOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetGuid(column);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
