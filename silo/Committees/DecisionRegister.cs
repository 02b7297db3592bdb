using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// The decision register of every committee, in the table <c>networkhub_decisions</c> of the database grain state
/// lives in (script 004). A decision is numbered when it is written (<c>{code}-{year}-{sequence:000}</c>, per
/// committee and calendar year in UTC) and never changed afterwards: there is no update and no delete. It holds the
/// motion's words, its result and ids of the committee, meeting and motion, never a person, so account erasure has
/// nothing to do here.
/// </summary>
public sealed partial class DecisionRegister : IAsyncDisposable
{
    private const string Columns =
        "committee, year, sequence, number, meeting, motion, title, text, outcome, method, total_yes, total_no, total_abstain, " +
        "present, voting, quorum_required, quorum_met, ballot, decided_at";

    /// <summary>
    /// Title and text folded to lower case when written: LIKE then ignores case in any language on both databases
    /// (SQLite folds ASCII only, and PostgreSQL's ILIKE folds by the server's locale, which is often C).
    /// </summary>
    private const string SearchColumn = "search";

    /// <summary>Between title and text in the search column, so a search cannot match across the two.</summary>
    private const char SearchSeparator = '\u001f';

    /// <summary>Numbering runs again when another writer took the number first; more than this many in a row is a fault.</summary>
    private const int NumberingAttempts = 50;

    private readonly DbDataSource _source;
    private readonly bool _sqlite;

    public DecisionRegister(StorageOptions storage)
    {
        _sqlite = storage.Provider == DatabaseProvider.Sqlite;
        _source = _sqlite
            ? new SqliteDataSource(storage.EffectiveConnectionString)
            : NpgsqlDataSource.Create(storage.EffectiveConnectionString);
    }

    /// <summary>
    /// Numbers <paramref name="draft"/> and writes it, or returns the decision already written for its motion, unchanged
    /// (whatever this draft says). The sequence is one more than the committee's highest of that year; two writers that
    /// pick the same one meet the key, and the one that lost looks again.
    /// </summary>
    public async Task<Decision> AppendAsync(Guid committeeId, string code, DecisionDraft draft)
    {
        if (!CodePattern().IsMatch(code))
        {
            throw new ArgumentException($"'{code}' is not a committee code (2 to 10 capital letters or digits).", nameof(code));
        }

        // Both databases keep microseconds; cutting here makes the decision returned now equal to the one read later.
        var decidedAt = draft.DecidedAt.ToUniversalTime();
        decidedAt = decidedAt.AddTicks(-(decidedAt.Ticks % 10));
        var year = decidedAt.Year;
        await using var connection = await _source.OpenConnectionAsync();
        for (var attempt = 0; attempt < NumberingAttempts; attempt++)
        {
            if (await ReadOneAsync(connection, committeeId, "motion = @key", Id(draft.MotionId)) is { } existing)
            {
                return existing;
            }

            var sequence = await NextSequenceAsync(connection, committeeId, year);
            var decision = new Decision(
                Number(code, year, sequence), committeeId, year, sequence, draft.MeetingId, draft.MotionId, draft.Title, draft.Text,
                draft.Result, draft.Ballot, decidedAt);
            if (await TryInsertAsync(connection, decision))
            {
                return decision;
            }
        }

        throw new InvalidOperationException($"No decision number could be taken for committee {committeeId} after {NumberingAttempts} attempts.");
    }

    /// <summary>
    /// The committee's decisions in number order (year, then sequence), after the decision numbered
    /// <paramref name="after"/>; <paramref name="text"/> matches title or text anywhere, ignoring case, taken literally.
    /// </summary>
    public async Task<DecisionPage> PageAsync(Guid committeeId, string? text, int? year, string? after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, Limits.PageSizeMax);
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("committee = @committee");
        Add(command, "committee", Id(committeeId));
        if (after is not null)
        {
            var (afterYear, afterSequence) = ParseCursor(after);
            where.Append(" AND (year > @after_year OR (year = @after_year AND sequence > @after_sequence))");
            Add(command, "after_year", afterYear);
            Add(command, "after_sequence", afterSequence);
        }

        if (year is { } onlyYear)
        {
            where.Append(" AND year = @year");
            Add(command, "year", onlyYear);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            where.Append($" AND {SearchColumn} LIKE @pattern ESCAPE '\\'");
            Add(command, "pattern", $"%{EscapeLike(Fold(text.Trim().Replace(SearchSeparator, ' ')))}%");
        }

        command.CommandText = $"SELECT {Columns} FROM networkhub_decisions WHERE {where} ORDER BY year, sequence LIMIT @limit";
        Add(command, "limit", limit + 1);
        var decisions = await ReadAllAsync(command);
        return decisions.Count > limit
            ? new DecisionPage(decisions[..limit], decisions[limit - 1].Number)
            : new DecisionPage(decisions, null);
    }

    /// <summary>The committee's decision numbered <paramref name="number"/> (in any case), or null.</summary>
    public async Task<Decision?> FindAsync(Guid committeeId, string number)
    {
        await using var connection = await _source.OpenConnectionAsync();
        return await ReadOneAsync(connection, committeeId, "number = @key", number.Trim().ToUpperInvariant());
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static string Number(string code, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{code}-{year:0000}-{sequence:000}");

    /// <summary>A cursor is a number this register gave out: the year and sequence are its last two parts.</summary>
    private static (int Year, int Sequence) ParseCursor(string number)
    {
        var parts = number.Split('-');
        if (parts.Length == 3 && CodePattern().IsMatch(parts[0])
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return (year, sequence);
        }

        throw new InvalidInputException(ErrorCodes.InvalidCursor, "The cursor is not one this API returned.");
    }

    private static string Fold(string value) => value.ToLowerInvariant();

    /// <summary>What the search column holds for a decision; import computes it again rather than carrying it.</summary>
    internal static string SearchText(string title, string text) => Fold(title) + SearchSeparator + Fold(text);

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private async Task<int> NextSequenceAsync(DbConnection connection, Guid committeeId, int year)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) + 1 FROM networkhub_decisions WHERE committee = @committee AND year = @year";
        Add(command, "committee", Id(committeeId));
        Add(command, "year", year);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>False when the number (or the motion) was taken meanwhile: every key and unique index says no quietly.</summary>
    private async Task<bool> TryInsertAsync(DbConnection connection, Decision d)
    {
        await using var command = connection.CreateCommand();
        var names = Columns.Split(", ");
        command.CommandText = $"""
            INSERT INTO networkhub_decisions ({Columns}, {SearchColumn})
            VALUES ({string.Join(", ", names.Select(n => "@" + n))}, @{SearchColumn})
            ON CONFLICT DO NOTHING
            """;
        var r = d.Result;
        object?[] values =
        [
            Id(d.CommitteeId), d.Year, d.Sequence, d.Number, Id(d.MeetingId), Id(d.MotionId), d.Title, d.Text,
            r.Outcome.ToString(), r.Method.ToString(), r.Totals.Yes, r.Totals.No, r.Totals.Abstain,
            r.PresentAllotments, r.VotingAllotments, r.QuorumRequired, r.QuorumMet, d.Ballot.ToString(),
            _sqlite ? d.DecidedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : d.DecidedAt,
        ];
        for (var i = 0; i < names.Length; i++)
        {
            Add(command, names[i], values[i]);
        }

        Add(command, SearchColumn, SearchText(d.Title, d.Text));

        return await command.ExecuteNonQueryAsync() == 1;
    }

    private async Task<Decision?> ReadOneAsync(DbConnection connection, Guid committeeId, string condition, object key)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM networkhub_decisions WHERE committee = @committee AND {condition}";
        Add(command, "committee", Id(committeeId));
        Add(command, "key", key);
        var found = await ReadAllAsync(command);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<List<Decision>> ReadAllAsync(DbCommand command)
    {
        var decisions = new List<Decision>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var result = new VoteResult(
                Enum.Parse<VoteOutcome>(reader.GetString(8)),
                Enum.Parse<VotingMethod>(reader.GetString(9)),
                new VoteTotals(reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12)),
                reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15), reader.GetBoolean(16));
            decisions.Add(new Decision(
                reader.GetString(3), reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetGuid(4), reader.GetGuid(5),
                reader.GetString(6), reader.GetString(7), result, Enum.Parse<BallotKind>(reader.GetString(17)),
                _sqlite
                    ? DateTimeOffset.Parse(reader.GetString(18), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                    : reader.GetFieldValue<DateTimeOffset>(18)));
        }

        return decisions;
    }

    /// <summary>SQLite keeps ids as text (as Microsoft.Data.Sqlite reads them back), PostgreSQL as uuid.</summary>
    private object Id(Guid id) => _sqlite ? id.ToString("D") : id;

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    [GeneratedRegex("^[A-Z0-9]{2,10}$")]
    private static partial Regex CodePattern();
}
