using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Silo.Documents;

/// <summary>A row of <c>networkhub_feedback_round_groups</c>: one group a round invites.</summary>
public sealed record RoundGroupRow(
    Guid RoundId, SpaceRef Group, Guid DocumentId, int Version, string Title, DateTimeOffset Deadline, IReadOnlyList<string> SectionIds, bool Closed);

/// <summary>
/// The groups feedback rounds invite, one row each (script 006), written by each round's grain when it opens and
/// closes: what "my open rounds" and a document's list of rounds read, each in one indexed query.
/// </summary>
public sealed class FeedbackRoundTable : IAsyncDisposable
{
    internal const string Columns = "round, group_kind, group_id, document, version, title, deadline, sections, closed";

    private readonly DbDataSource _source;
    private readonly bool _sqlite;

    public FeedbackRoundTable(StorageOptions storage)
    {
        _sqlite = storage.Provider == DatabaseProvider.Sqlite;
        _source = _sqlite
            ? new SqliteDataSource(storage.EffectiveConnectionString)
            : NpgsqlDataSource.Create(storage.EffectiveConnectionString);
    }

    /// <summary>Writes every row of a round in one transaction; rows already there are set to what is given, so a repeat heals a partial write.</summary>
    public async Task UpsertAsync(IReadOnlyList<RoundGroupRow> rows)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var row in rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = Columns.Split(", ");
            command.CommandText =
                $"INSERT INTO networkhub_feedback_round_groups ({Columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) " +
                "ON CONFLICT (round, group_kind, group_id) DO UPDATE SET title = excluded.title, deadline = excluded.deadline, " +
                "sections = excluded.sections, closed = excluded.closed";
            object?[] values =
            [
                Id(row.RoundId), row.Group.Kind.ToString(), Id(row.Group.Id), Id(row.DocumentId), row.Version, row.Title, Time(row.Deadline),
                JsonSerializer.Serialize(row.SectionIds), _sqlite ? (row.Closed ? 1 : 0) : row.Closed,
            ];
            for (var i = 0; i < names.Length; i++)
            {
                Add(command, names[i], values[i]);
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public Task<List<RoundGroupRow>> ForDocumentAsync(Guid documentId) =>
        QueryAsync("document = @document", ("document", Id(documentId)));

    /// <summary>Rows of rounds still open at <paramref name="now"/> that invite one of <paramref name="groups"/>.</summary>
    public Task<List<RoundGroupRow>> OpenForGroupsAsync(IReadOnlyList<SpaceRef> groups, DateTimeOffset now) =>
        groups.Count == 0
            ? Task.FromResult(new List<RoundGroupRow>())
            : QueryAsync(
                $"group_id IN ({string.Join(", ", groups.Select((_, i) => $"@group{i}"))}) AND closed = @closed AND deadline > @now",
                [.. groups.Select((g, i) => ($"group{i}", Id(g.Id))), ("closed", _sqlite ? 0 : false), ("now", Time(now))]);

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<List<RoundGroupRow>> QueryAsync(string where, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM networkhub_feedback_round_groups WHERE {where} ORDER BY deadline, round, group_kind, group_id";
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        var rows = new List<RoundGroupRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RoundGroupRow(
                reader.GetGuid(0), new SpaceRef(Enum.Parse<SpaceKind>(reader.GetString(1)), reader.GetGuid(2)), reader.GetGuid(3), reader.GetInt32(4),
                reader.GetString(5),
                _sqlite
                    ? DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                    : reader.GetFieldValue<DateTimeOffset>(6),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(7)) ?? [],
                reader.GetBoolean(8)));
        }

        return rows;
    }

    /// <summary>SQLite keeps times as text in one fixed-width UTC form, so comparing the text compares the times.</summary>
    private object Time(DateTimeOffset at) => _sqlite ? at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : at;

    private object? Id(Guid id) => _sqlite ? id.ToString("D") : id;

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
