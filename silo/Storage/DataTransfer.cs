using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetworkHub.Silo.Committees;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// Moves everything NetworkHub stores (grain state, reminders, Data Protection keys, archived audit lines, the decision register, document comments,
/// the groups feedback rounds invite, the documents index and the content store's bytes, see <see cref="DocumentTransfer"/>) between the configured
/// database and an export file, rows unchanged. Rows carry Orleans' own bytes, hashes and ServiceId, which do
/// not depend on the database, so a SQLite install and a PostgreSQL cluster can trade them. Membership is not
/// moved: it only describes silos that are running.
/// </summary>
public sealed class DataTransfer(StorageOptions options)
{
    private const string StorageColumns = "GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version";
    private const string ReminderColumns = "ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version";
    private const string KeyColumns = "friendly_name, xml, created_on";
    private const string AuditColumns = "owner, sequence, at, actor_person, actor_organisation, action, subject, detail";
    private const string DecisionColumns =
        "committee, year, sequence, number, meeting, motion, title, text, outcome, method, total_yes, total_no, total_abstain, " +
        "present, voting, quorum_required, quorum_met, ballot, decided_at";

    private readonly SchemaMigrator _schema = new(options);

    /// <summary>Writes every row to <paramref name="path"/>; stop the silos first, or later writes miss the file.</summary>
    public async Task<TransferCounts> ExportAsync(string path, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureCurrentAsync(cancellationToken);
        await using var connection = await _schema.OpenAsync(cancellationToken);

        // One snapshot, so the file is consistent even if something writes during the export.
        await using var transaction = await connection.BeginTransactionAsync(
            options.Provider == DatabaseProvider.Sqlite ? IsolationLevel.Serializable : IsolationLevel.RepeatableRead, cancellationToken);

        // Written beside the target and renamed at the end, so a failed export never looks like a finished one.
        var partial = path + ".partial";
        int states = 0, reminders = 0, keys = 0, audit = 0, decisions = 0, comments = 0, roundGroups = 0, documents = 0, contents = 0;
        await using var transfer = new DocumentTransfer(options);
        await using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false)))
        {
            await WriteAsync(writer, new ExportLine { Header = new(ExportFile.Format, ExportFile.FormatVersion, _schema.KnownVersion, options.Provider, DateTimeOffset.UtcNow) });
            await foreach (var row in QueryAsync(connection, transaction, $"SELECT {StorageColumns} FROM OrleansStorage ORDER BY ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString", ReadStorage, cancellationToken))
            {
                await WriteAsync(writer, new ExportLine { Storage = row });
                states++;
            }

            await foreach (var row in QueryAsync(connection, transaction, $"SELECT {ReminderColumns} FROM OrleansRemindersTable ORDER BY ServiceId, GrainId, ReminderName", ReadReminder, cancellationToken))
            {
                await WriteAsync(writer, new ExportLine { Reminder = row });
                reminders++;
            }

            await foreach (var row in QueryAsync(connection, transaction, $"SELECT {KeyColumns} FROM networkhub_data_protection_keys ORDER BY id", ReadKey, cancellationToken))
            {
                await WriteAsync(writer, new ExportLine { DataProtectionKey = row });
                keys++;
            }

            await foreach (var row in QueryAsync(connection, transaction, $"SELECT {AuditColumns} FROM networkhub_audit ORDER BY owner, sequence", ReadAudit, cancellationToken))
            {
                await WriteAsync(writer, new ExportLine { Audit = row });
                audit++;
            }

            await foreach (var row in QueryAsync(connection, transaction, $"SELECT {DecisionColumns} FROM networkhub_decisions ORDER BY committee, year, sequence", ReadDecision, cancellationToken))
            {
                await WriteAsync(writer, new ExportLine { Decision = row });
                decisions++;
            }

            await foreach (var row in QueryAsync(connection, transaction, $"SELECT {DocumentCommentTable.Columns} FROM networkhub_document_comments ORDER BY document, sequence", ReadComment, cancellationToken))
            {
                await WriteAsync(writer, new ExportLine { DocumentComment = row });
                comments++;
            }

            await foreach (var row in QueryAsync(connection, transaction, $"SELECT {FeedbackRoundTable.Columns} FROM networkhub_feedback_round_groups ORDER BY round, group_kind, group_id", ReadRoundGroup, cancellationToken))
            {
                await WriteAsync(writer, new ExportLine { FeedbackRoundGroup = row });
                roundGroups++;
            }

            await foreach (var line in transfer.ExportAsync(connection, transaction, cancellationToken))
            {
                await WriteAsync(writer, line);
                documents += line.Document is null ? 0 : 1;
                contents += line.Content is null ? 0 : 1;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        File.Move(partial, path, overwrite: true);
        return new(states, reminders, keys, audit, decisions, comments, roundGroups, documents, contents);
    }

    /// <summary>Loads a file into an empty database (created or migrated first), all rows or none.</summary>
    public async Task<TransferCounts> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = Parse(await reader.ReadLineAsync(cancellationToken)).Header;
        if (header is not { Format: ExportFile.Format, FormatVersion: ExportFile.FormatVersion })
        {
            throw new InvalidDataException($"{path} is not a NetworkHub export (format {ExportFile.Format} version {ExportFile.FormatVersion}).");
        }

        if (header.SchemaVersion > _schema.KnownVersion)
        {
            throw new InvalidDataException($"{path} comes from schema version {header.SchemaVersion}, newer than version {_schema.KnownVersion} known to this build.");
        }

        await _schema.MigrateAsync(cancellationToken);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var transfer = new DocumentTransfer(options);
        await EnsureEmptyAsync(connection, transaction, transfer, cancellationToken);

        using var storage = Insert(connection, transaction, "OrleansStorage", StorageColumns);
        using var reminder = Insert(connection, transaction, "OrleansRemindersTable", ReminderColumns);
        using var key = Insert(connection, transaction, "networkhub_data_protection_keys", KeyColumns);
        using var auditLine = Insert(connection, transaction, "networkhub_audit", AuditColumns);
        using var decision = Insert(connection, transaction, "networkhub_decisions", DecisionColumns + ", search");
        using var comment = Insert(connection, transaction, "networkhub_document_comments", DocumentCommentTable.Columns);
        using var roundGroup = Insert(connection, transaction, "networkhub_feedback_round_groups", FeedbackRoundTable.Columns);
        int states = 0, reminders = 0, keys = 0, audit = 0, decisions = 0, comments = 0, roundGroups = 0, documents = 0;
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                switch (Parse(line))
                {
                    case { Storage: { } s }:
                        await ExecuteAsync(storage, cancellationToken, s.GrainIdHash, s.GrainIdN0, s.GrainIdN1, s.GrainTypeHash, s.GrainTypeString,
                            s.GrainIdExtensionString, s.ServiceId, s.PayloadBinary, Utc(s.ModifiedOn), s.Version);
                        states++;
                        break;
                    case { Reminder: { } r }:
                        await ExecuteAsync(reminder, cancellationToken, r.ServiceId, r.GrainId, r.ReminderName, Utc(r.StartTime), r.Period, r.GrainHash, r.Version);
                        reminders++;
                        break;
                    case { DataProtectionKey: { } k }:
                        await ExecuteAsync(key, cancellationToken, k.FriendlyName, k.Xml, Utc(k.CreatedOn));
                        keys++;
                        break;
                    case { Audit: { } a }:
                        await ExecuteAsync(auditLine, cancellationToken, a.Owner, a.Sequence,
                            Sqlite ? Utc(a.At).ToString("O", CultureInfo.InvariantCulture) : Utc(a.At),
                            Id(a.ActorPerson), Id(a.ActorOrganisation), a.Action, Id(a.Subject), a.Detail);
                        audit++;
                        break;
                    case { Decision: { } d }:
                        await ExecuteAsync(decision, cancellationToken, Id(d.Committee), d.Year, d.Sequence, d.Number, Id(d.Meeting), Id(d.Motion),
                            d.Title, d.Text, d.Outcome, d.Method, d.TotalYes, d.TotalNo, d.TotalAbstain, d.Present, d.Voting, d.QuorumRequired,
                            d.QuorumMet, d.Ballot, Sqlite ? Utc(d.DecidedAt).ToString("O", CultureInfo.InvariantCulture) : Utc(d.DecidedAt),
                            DecisionRegister.SearchText(d.Title, d.Text));
                        decisions++;
                        break;
                    case { DocumentComment: { } c }:
                        await ExecuteAsync(comment, cancellationToken, Id(c.Document), c.Sequence, Id(c.Comment), c.Version, c.Section, c.Quote, Id(c.Parent),
                            Id(c.Author), Id(c.Organisation), Id(c.Round), c.GroupKind, Id(c.GroupId), c.Text, c.Status, Time(c.At), c.ResponseKind,
                            c.ResponseReply, Id(c.Responder), c.ResponseAt is { } answered ? Time(answered) : null);
                        comments++;
                        break;
                    case { FeedbackRoundGroup: { } g }:
                        await ExecuteAsync(roundGroup, cancellationToken, Id(g.Round), g.GroupKind, Id(g.GroupId), Id(g.Document), g.Version, g.Title,
                            Time(g.Deadline), g.Sections, g.Closed);
                        roundGroups++;
                        break;
                    case { Document: { } row }:
                        await transfer.ImportIndexRowAsync(connection, transaction, row, cancellationToken);
                        documents++;
                        break;
                    case { ContentChunk: { } first }:
                        await transfer.ImportContentAsync(first, null, reader, cancellationToken);
                        break;
                    case { Content: { } empty }:
                        await transfer.ImportContentAsync(null, empty, reader, cancellationToken);
                        break;
                    default:
                        throw new InvalidDataException($"{path} holds a line that is not a row: the file is damaged.");
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The content store is not in the transaction: what went there goes again, so the target stays empty.
            await transfer.DeleteImportedAsync();
            throw;
        }

        return new(states, reminders, keys, audit, decisions, comments, roundGroups, documents, transfer.ImportedContents);
    }

    private static async Task EnsureEmptyAsync(DbConnection connection, DbTransaction transaction, DocumentTransfer documents, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT count(*) FROM OrleansStorage) + (SELECT count(*) FROM OrleansRemindersTable) + (SELECT count(*) FROM networkhub_data_protection_keys) + (SELECT count(*) FROM networkhub_audit) + (SELECT count(*) FROM networkhub_decisions) + (SELECT count(*) FROM networkhub_document_comments) + (SELECT count(*) FROM networkhub_feedback_round_groups)";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0 || await documents.HoldsDataAsync(connection, transaction, cancellationToken))
        {
            // Merging two installations could silently replace one grain's state with another's; refuse instead.
            throw new InvalidOperationException("The target database already holds data; import only into a new, empty database.");
        }
    }

    private static StorageRow ReadStorage(DbDataReader r) => new(
        r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
        r.GetString(6), r.IsDBNull(7) ? null : (byte[])r.GetValue(7), Utc(r.GetDateTime(8)), r.IsDBNull(9) ? null : r.GetInt32(9));

    private static ReminderRow ReadReminder(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Utc(r.GetDateTime(3)), r.GetInt64(4), r.GetInt32(5), r.GetInt32(6));

    private static KeyRow ReadKey(DbDataReader r) => new(r.GetString(0), r.GetString(1), Utc(r.GetDateTime(2)));

    private AuditRow ReadAudit(DbDataReader r) => new(
        r.GetString(0), r.GetInt64(1),
        Sqlite ? DateTime.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) : Utc(r.GetDateTime(2)),
        GuidOrNull(r, 3), GuidOrNull(r, 4), r.GetString(5), GuidOrNull(r, 6), r.IsDBNull(7) ? null : r.GetString(7));

    private DecisionRow ReadDecision(DbDataReader r) => new(
        r.GetGuid(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetGuid(4), r.GetGuid(5), r.GetString(6), r.GetString(7),
        r.GetString(8), r.GetString(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12), r.GetInt32(13), r.GetInt32(14), r.GetInt32(15),
        r.GetBoolean(16), r.GetString(17),
        Sqlite ? DateTime.Parse(r.GetString(18), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) : Utc(r.GetDateTime(18)));

    private DocumentCommentRow ReadComment(DbDataReader r) => new(
        r.GetGuid(0), r.GetInt64(1), r.GetGuid(2), r.GetInt32(3), r.GetString(4), StringOrNull(r, 5), GuidOrNull(r, 6), r.GetGuid(7),
        GuidOrNull(r, 8), GuidOrNull(r, 9), StringOrNull(r, 10), GuidOrNull(r, 11), r.GetString(12), r.GetString(13), ReadTime(r, 14),
        StringOrNull(r, 15), StringOrNull(r, 16), GuidOrNull(r, 17), r.IsDBNull(18) ? null : ReadTime(r, 18));

    private FeedbackRoundGroupRow ReadRoundGroup(DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetGuid(3), r.GetInt32(4), r.GetString(5), ReadTime(r, 6), r.GetString(7), r.GetBoolean(8));

    private DateTime ReadTime(DbDataReader r, int column) =>
        Sqlite ? DateTime.Parse(r.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) : Utc(r.GetDateTime(column));

    /// <summary>Times as the tables keep them: ISO 8601 text in SQLite, timestamptz in PostgreSQL.</summary>
    private object Time(DateTime at) => Sqlite ? Utc(at).ToString("O", CultureInfo.InvariantCulture) : Utc(at);

    private static string? StringOrNull(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private bool Sqlite => options.Provider == DatabaseProvider.Sqlite;

    /// <summary>Ids as <see cref="Spaces.AuditArchive"/> stores them: text in SQLite, uuid in PostgreSQL.</summary>
    private object? Id(Guid? id) => id is { } value && Sqlite ? value.ToString("D") : id;

    private static Guid? GuidOrNull(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetGuid(column);

    /// <summary>SQLite keeps times as text without a zone; every time NetworkHub stores is UTC.</summary>
    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static async IAsyncEnumerable<T> QueryAsync<T>(DbConnection connection, DbTransaction transaction, string sql, Func<DbDataReader, T> read,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return read(reader);
        }
    }

    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, string table, string columns)
    {
        var names = columns.Split(", ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Types are inferred from the values: a UTC DateTime becomes timestamptz in Npgsql and text in SQLite.</summary>
    private static async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static ExportLine Parse(string? line) =>
        (line is null ? null : JsonSerializer.Deserialize<ExportLine>(line, ExportFile.Json))
        ?? throw new InvalidDataException("The export file is empty or damaged.");

    private static Task WriteAsync(StreamWriter writer, ExportLine line) =>
        writer.WriteLineAsync(JsonSerializer.Serialize(line, ExportFile.Json));
}
