using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// The documents index in the table <c>networkhub_documents</c> of the database grain state lives in (script 005), with
/// full-text search by the database itself: FTS5 in SQLite (kept in step by triggers in the same statement as the row),
/// a <c>tsvector</c> written with the row and a GIN index in PostgreSQL. Holds titles and text, never a person.
/// </summary>
public sealed class DocumentIndex : IDocumentIndex, IAsyncDisposable
{
    private const char TagSeparator = '\u001f';

    /// <summary>
    /// Text fed to the tsvector when the whole is too large for one (PostgreSQL's limit is 1 MB of lexemes and positions,
    /// which a long text of many distinct words can pass): the row is kept, and search finds the start of its text.
    /// </summary>
    private const int FallbackVectorTextLength = 100_000;

    private const string SummaryColumns = "document, space_kind, space_id, title, description, tags, language, status, latest_version, updated_at";

    private readonly DbDataSource _source;
    private readonly bool _sqlite;

    public DocumentIndex(StorageOptions storage)
    {
        _sqlite = storage.Provider == DatabaseProvider.Sqlite;
        _source = _sqlite
            ? new SqliteDataSource(storage.EffectiveConnectionString)
            : NpgsqlDataSource.Create(storage.EffectiveConnectionString);
    }

    public async Task UpsertAsync(DocumentIndexEntry entry, CancellationToken cancellationToken)
    {
        var text = entry.Text.Length > DocumentSearchLimits.IndexedTextMaxLength ? entry.Text[..DocumentSearchLimits.IndexedTextMaxLength] : entry.Text;
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        try
        {
            await UpsertAsync(connection, null, entry, text, text, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ProgramLimitExceeded && text.Length > FallbackVectorTextLength)
        {
            await UpsertAsync(connection, null, entry, text, text[..FallbackVectorTextLength], cancellationToken);
        }
    }

    /// <summary>
    /// For import: an exported row (its visibility hint as it was) in the import's transaction, the full-text columns made
    /// again as <see cref="UpsertAsync(DocumentIndexEntry, CancellationToken)"/> makes them.
    /// </summary>
    internal async Task ImportAsync(DbConnection connection, DbTransaction transaction, DocumentIndexEntry entry, CancellationToken cancellationToken)
    {
        var text = entry.Text.Length > DocumentSearchLimits.IndexedTextMaxLength ? entry.Text[..DocumentSearchLimits.IndexedTextMaxLength] : entry.Text;
        if (_sqlite || text.Length <= FallbackVectorTextLength)
        {
            await UpsertAsync(connection, transaction, entry, text, text, cancellationToken);
            return;
        }

        // A failed statement ends a PostgreSQL transaction; the savepoint lets the import go on with the shorter vector.
        await transaction.SaveAsync("document_row", cancellationToken);
        try
        {
            await UpsertAsync(connection, transaction, entry, text, text, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ProgramLimitExceeded)
        {
            await transaction.RollbackAsync("document_row", cancellationToken);
            await UpsertAsync(connection, transaction, entry, text, text[..FallbackVectorTextLength], cancellationToken);
        }
    }

    private async Task UpsertAsync(DbConnection connection, DbTransaction? transaction, DocumentIndexEntry entry, string text, string vectorText,
        CancellationToken cancellationToken)
    {
        const string Columns = "document, space_kind, space_id, space_public, title, description, tags, language, status, latest_version, revision, updated_at, text";
        var search = _sqlite ? "" : ", search";
        var vector = _sqlite ? "" : """
            , setweight(to_tsvector('networkhub_search', @title_folded), 'A')
              || setweight(to_tsvector('networkhub_search', @tags_folded), 'B')
              || setweight(to_tsvector('networkhub_search', @description_folded), 'C')
              || setweight(to_tsvector('networkhub_search', @text_folded), 'D')
            """;
        var falseValue = _sqlite ? "0" : "false";
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO networkhub_documents ({Columns}{search})
            VALUES (@document, @space_kind, @space_id, COALESCE(@space_public, {falseValue}), @title, @description, @tags, @language, @status,
                    @latest_version, @revision, @updated_at, @text{vector})
            ON CONFLICT (document) DO UPDATE SET
                space_kind = excluded.space_kind, space_id = excluded.space_id,
                space_public = COALESCE(@space_public, networkhub_documents.space_public),
                title = excluded.title, description = excluded.description, tags = excluded.tags, language = excluded.language,
                status = excluded.status, latest_version = excluded.latest_version, revision = excluded.revision,
                updated_at = excluded.updated_at, text = excluded.text{(_sqlite ? "" : ", search = excluded.search")}
            WHERE excluded.revision > networkhub_documents.revision
            """;
        var tags = Tags(entry.Tags);
        Add(command, "document", Id(entry.DocumentId));
        Add(command, "space_kind", entry.Space.Kind.ToString());
        Add(command, "space_id", Id(entry.Space.Id));
        Add(command, "space_public", entry.SpaceVisibility is { } visibility ? visibility == Visibility.Public : null, DbType.Boolean);
        Add(command, "title", entry.Title);
        Add(command, "description", entry.Description, DbType.String);
        Add(command, "tags", tags);
        Add(command, "language", entry.Language, DbType.String);
        Add(command, "status", entry.Status.ToString());
        Add(command, "latest_version", entry.LatestVersion);
        Add(command, "revision", entry.Revision);
        Add(command, "updated_at", Time(entry.UpdatedAt));
        Add(command, "text", text);
        if (!_sqlite)
        {
            // Folded here, not by the server: PostgreSQL lower-cases only ASCII under the C locale many servers run with.
            Add(command, "title_folded", entry.Title.ToLowerInvariant());
            Add(command, "tags_folded", tags.Replace(TagSeparator, ' ').ToLowerInvariant());
            Add(command, "description_folded", (entry.Description ?? "").ToLowerInvariant());
            Add(command, "text_folded", vectorText.ToLowerInvariant());
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM networkhub_documents WHERE document = @document";
        Add(command, "document", Id(documentId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetSpaceVisibilityAsync(SpaceRef space, Visibility visibility, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE networkhub_documents SET space_public = @public
            WHERE space_kind = @space_kind AND space_id = @space_id AND space_public <> @public
            """;
        Add(command, "public", visibility == Visibility.Public, DbType.Boolean);
        Add(command, "space_kind", space.Kind.ToString());
        Add(command, "space_id", Id(space.Id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DocumentPage> ListAsync(SpaceRef space, DocumentStatus? status, string? tag, string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, Limits.PageSizeMax);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = "space_kind = @space_kind AND space_id = @space_id";
        Add(command, "space_kind", space.Kind.ToString());
        Add(command, "space_id", Id(space.Id));
        if (status is { } onlyStatus)
        {
            where += " AND status = @status";
            Add(command, "status", onlyStatus.ToString());
        }

        if (tag is not null)
        {
            where += _sqlite ? " AND instr(tags, @tag) > 0" : " AND strpos(tags, @tag) > 0";
            Add(command, "tag", $"{TagSeparator}{tag}{TagSeparator}");
        }

        if (after is not null)
        {
            var (at, document) = DocumentCursor.Parse(after);
            where += " AND (updated_at < @after_at OR (updated_at = @after_at AND document < @after_document))";
            Add(command, "after_at", Time(at));
            Add(command, "after_document", Id(document));
        }

        command.CommandText = $"SELECT {SummaryColumns} FROM networkhub_documents WHERE {where} ORDER BY updated_at DESC, document DESC LIMIT @limit";
        Add(command, "limit", limit + 1);
        var documents = new List<DocumentSummary>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                documents.Add(new DocumentSummary(
                    reader.GetGuid(0), Space(reader, 1), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), Tags(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetString(6), Enum.Parse<DocumentStatus>(reader.GetString(7)), reader.GetInt32(8), ReadTime(reader, 9)));
            }
        }

        return documents.Count > limit
            ? new DocumentPage(documents[..limit], DocumentCursor.Format(documents[limit - 1].UpdatedAt, documents[limit - 1].DocumentId))
            : new DocumentPage(documents, null);
    }

    public async Task<IReadOnlyList<DocumentSearchHit>> SearchAsync(DocumentSearch search, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(search.Offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.Limit, 1);
        var words = SearchWords.Parse(search.Query);
        if (words.IsEmpty || (search.Spaces.Count == 0 && !search.IncludePublic))
        {
            return [];
        }

        var spaces = search.Spaces.Select(s => $"{s.Kind}:{Id(s.Id)}").ToArray();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return _sqlite
            ? await SearchSqliteAsync(connection, words.ToFts5(), spaces, search, cancellationToken)
            : await SearchPostgreSqlAsync(connection, words.ToTsQuery(), spaces, search, cancellationToken);
    }

    private static async Task<IReadOnlyList<DocumentSearchHit>> SearchSqliteAsync(
        DbConnection connection, string query, string[] spaces, DocumentSearch search, CancellationToken cancellationToken)
    {
        // The page first, the snippets of its rows after: a snippet in the first query would be made for every match
        // before the sort picks the page.
        var page = new List<(long Row, DocumentSearchHit Hit)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT d.id, d.document, d.space_kind, d.space_id, d.title, d.tags, d.status,
                       bm25(networkhub_documents_fts, 10.0, 5.0, 2.0, 1.0) AS score
                FROM networkhub_documents_fts JOIN networkhub_documents d ON d.id = networkhub_documents_fts.rowid
                WHERE networkhub_documents_fts MATCH @query
                  AND (d.space_kind || ':' || d.space_id IN (SELECT value FROM json_each(@spaces)) OR (@public AND d.space_public = 1))
                ORDER BY score, d.document
                LIMIT @limit OFFSET @offset
                """;
            Add(command, "query", query);
            Add(command, "spaces", JsonSerializer.Serialize(spaces));
            Add(command, "public", search.IncludePublic);
            Add(command, "limit", search.Limit);
            Add(command, "offset", search.Offset);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // bm25 is lower for better matches; the API's rank is higher for better ones.
                page.Add((reader.GetInt64(0), new DocumentSearchHit(reader.GetGuid(1), Space(reader, 2), reader.GetString(4), Tags(reader.GetString(5)),
                    Enum.Parse<DocumentStatus>(reader.GetString(6)), "", -reader.GetDouble(7))));
            }
        }

        if (page.Count == 0)
        {
            return [];
        }

        var snippets = new Dictionary<long, string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT rowid, snippet(networkhub_documents_fts, 3, '', '', '…', 24)
                FROM networkhub_documents_fts
                WHERE networkhub_documents_fts MATCH @query AND rowid IN (SELECT value FROM json_each(@rows))
                """;
            Add(command, "query", query);
            Add(command, "rows", JsonSerializer.Serialize(page.Select(p => p.Row)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                snippets[reader.GetInt64(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            }
        }

        return [.. page.Select(p => p.Hit with { Snippet = snippets.GetValueOrDefault(p.Row, "") })];
    }

    private static async Task<IReadOnlyList<DocumentSearchHit>> SearchPostgreSqlAsync(
        DbConnection connection, string query, string[] spaces, DocumentSearch search, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();

        // The headline only for the page's rows (the outer query runs after the inner one's limit), and only from the
        // start of a long text: ts_headline parses all it is given.
        command.CommandText = """
            WITH q AS (SELECT to_tsquery('networkhub_search', @query) AS query),
            page AS (
                SELECT d.document, ts_rank(d.search, q.query) AS score
                FROM networkhub_documents d, q
                WHERE d.search @@ q.query
                  AND ((d.space_kind || ':' || d.space_id::text) = ANY(@spaces) OR (@public AND d.space_public))
                ORDER BY score DESC, d.document
                OFFSET @offset LIMIT @limit
            )
            SELECT d.document, d.space_kind, d.space_id, d.title, d.tags, d.status, page.score,
                   ts_headline('networkhub_search', left(d.text, 20000), q.query,
                               'MaxFragments=1, MaxWords=24, MinWords=12, StartSel="", StopSel="", FragmentDelimiter=" … "')
            FROM page JOIN networkhub_documents d ON d.document = page.document, q
            ORDER BY page.score DESC, d.document
            """;
        Add(command, "query", query);
        command.Parameters.Add(new NpgsqlParameter<string[]>("spaces", spaces));
        Add(command, "public", search.IncludePublic);
        Add(command, "offset", search.Offset);
        Add(command, "limit", search.Limit);
        var hits = new List<DocumentSearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new DocumentSearchHit(reader.GetGuid(0), Space(reader, 1), reader.GetString(3), Tags(reader.GetString(4)),
                Enum.Parse<DocumentStatus>(reader.GetString(5)), reader.GetString(7), reader.GetFloat(6)));
        }

        return hits;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static SpaceRef Space(DbDataReader reader, int column) =>
        new(Enum.Parse<SpaceKind>(reader.GetString(column)), reader.GetGuid(column + 1));

    private static string Tags(IReadOnlyList<string> tags) =>
        tags.Count == 0 ? "" : TagSeparator + string.Join(TagSeparator, tags.Select(t => t.Replace(TagSeparator, ' '))) + TagSeparator;

    /// <summary>Tags as the column keeps them, as a list.</summary>
    internal static string[] Tags(string stored) => stored.Split(TagSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Microseconds, as PostgreSQL keeps them; in SQLite as fixed-width UTC text, whose order is time order.</summary>
    private object Time(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        utc = utc.AddTicks(-(utc.Ticks % 10));
        return _sqlite ? utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : utc;
    }

    private DateTimeOffset ReadTime(DbDataReader reader, int column) => _sqlite
        ? DateTimeOffset.ParseExact(reader.GetString(column), "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
        : reader.GetFieldValue<DateTimeOffset>(column);

    /// <summary>SQLite keeps ids as text (as Microsoft.Data.Sqlite reads them back), PostgreSQL as uuid.</summary>
    private object Id(Guid id) => _sqlite ? id.ToString("D") : id;

    private static void Add(DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        command.Parameters.Add(parameter);
    }
}
