using System.Data.Common;
using System.Globalization;
using System.Text;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// The comments of every document, in <c>networkhub_document_comments</c> of the database grain state lives in
/// (script 006). Each document's comments grain is the only writer of its rows; erasure rewrites a person's id in
/// place. Replies carry their thread's round and group, so a round's threads are one query.
/// </summary>
public sealed class DocumentCommentTable : IAsyncDisposable
{
    internal const string Columns =
        "document, sequence, comment, version, section, quote, parent, author, organisation, round, group_kind, group_id, " +
        "text, status, at, response_kind, response_reply, responder, response_at";

    private readonly DbDataSource _source;
    private readonly bool _sqlite;

    public DocumentCommentTable(StorageOptions storage)
    {
        _sqlite = storage.Provider == DatabaseProvider.Sqlite;
        _source = _sqlite
            ? new SqliteDataSource(storage.EffectiveConnectionString)
            : NpgsqlDataSource.Create(storage.EffectiveConnectionString);
    }

    /// <summary>How many rows the document has and its highest sequence (0 for none).</summary>
    public async Task<(int Count, long LastSequence)> CountAsync(Guid documentId)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), COALESCE(MAX(sequence), 0) FROM networkhub_document_comments WHERE document = @document";
        Add(command, "document", Id(documentId));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    /// <summary>False when the comment id is taken (the row stays as it was).</summary>
    public async Task<bool> InsertAsync(DocumentComment c)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var names = Columns.Split(", ");
        command.CommandText = $"INSERT INTO networkhub_document_comments ({Columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) ON CONFLICT DO NOTHING";
        object?[] values =
        [
            Id(c.DocumentId), c.Sequence, Id(c.CommentId), c.Version, c.SectionId, c.Quote, Id(c.ParentId), Id(c.AuthorPersonId),
            Id(c.OrganisationId), Id(c.RoundId), c.Group?.Kind.ToString(), Id(c.Group?.Id), c.Text, c.Status.ToString(), Time(c.At),
            c.Response?.Kind.ToString(), c.Response?.Reply, Id(c.Response?.ResponderPersonId), c.Response is { } r ? Time(r.At) : null,
        ];
        for (var i = 0; i < names.Length; i++)
        {
            Add(command, names[i], values[i]);
        }

        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<DocumentComment?> FindAsync(Guid documentId, Guid commentId)
    {
        var found = await QueryAsync("document = @document AND comment = @comment", "", ("document", Id(documentId)), ("comment", Id(commentId)));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<int> CountRepliesAsync(Guid documentId, Guid parentId)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM networkhub_document_comments WHERE document = @document AND parent = @parent";
        Add(command, "document", Id(documentId));
        Add(command, "parent", Id(parentId));
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public Task UpdateStatusAsync(Guid documentId, Guid commentId, CommentStatus status) =>
        ExecuteAsync("UPDATE networkhub_document_comments SET status = @status WHERE document = @document AND comment = @comment",
            ("status", status.ToString()), ("document", Id(documentId)), ("comment", Id(commentId)));

    public Task UpdateResponseAsync(Guid documentId, Guid commentId, CommentResponse response) =>
        ExecuteAsync(
            "UPDATE networkhub_document_comments SET response_kind = @kind, response_reply = @reply, responder = @responder, response_at = @at " +
            "WHERE document = @document AND comment = @comment",
            ("kind", response.Kind.ToString()), ("reply", response.Reply), ("responder", Id(response.ResponderPersonId)), ("at", Time(response.At)),
            ("document", Id(documentId)), ("comment", Id(commentId)));

    /// <summary>
    /// First comments of the document matching <paramref name="filter"/> after sequence <paramref name="after"/>, in order;
    /// <paramref name="groups"/>, when given, keeps only threads of <paramref name="filter"/>'s round made in those groups.
    /// </summary>
    public Task<List<DocumentComment>> PageThreadsAsync(Guid documentId, CommentFilter filter, IReadOnlyList<SpaceRef>? groups, long? after, int limit)
    {
        var where = new StringBuilder("document = @document AND parent IS NULL");
        var parameters = new List<(string, object?)> { ("document", Id(documentId)) };
        if (after is { } cursor)
        {
            where.Append(" AND sequence > @after");
            parameters.Add(("after", cursor));
        }

        if (filter.Version is { } version)
        {
            where.Append(" AND version = @version");
            parameters.Add(("version", version));
        }

        if (filter.SectionId is { } section)
        {
            where.Append(" AND section = @section");
            parameters.Add(("section", section));
        }

        if (filter.Status is { } status)
        {
            where.Append(" AND status = @status");
            parameters.Add(("status", status.ToString()));
        }

        if (filter.RoundId is { } round)
        {
            where.Append(" AND round = @round");
            parameters.Add(("round", Id(round)));
        }

        if (groups is not null)
        {
            where.Append(groups.Count == 0 ? " AND 1 = 0" : $" AND group_id IN ({string.Join(", ", groups.Select((_, i) => $"@group{i}"))})");
            parameters.AddRange(groups.Select((g, i) => ($"group{i}", Id(g.Id))));
        }

        parameters.Add(("limit", limit));
        return QueryAsync(where.ToString(), "LIMIT @limit", [.. parameters]);
    }

    /// <summary>The replies to the given first comments, oldest first.</summary>
    public Task<List<DocumentComment>> RepliesAsync(Guid documentId, IReadOnlyList<Guid> parents) =>
        parents.Count == 0
            ? Task.FromResult(new List<DocumentComment>())
            : QueryAsync($"document = @document AND parent IN ({string.Join(", ", parents.Select((_, i) => $"@parent{i}"))})", "",
                [("document", Id(documentId)), .. parents.Select((p, i) => ($"parent{i}", Id(p)))]);

    /// <summary>Every comment and reply made in the round, in order.</summary>
    public Task<List<DocumentComment>> RoundAsync(Guid documentId, Guid roundId) =>
        QueryAsync("document = @document AND round = @round", "", ("document", Id(documentId)), ("round", Id(roundId)));

    /// <summary>Everything the person wrote, for their export.</summary>
    public Task<List<DocumentComment>> ByAuthorAsync(Guid personId) =>
        QueryAsync("author = @author", "", ("author", Id(personId)));

    /// <summary>Erasure: the person's comments keep their text under <paramref name="formerId"/>, and so do their responses. Repeatable.</summary>
    public async Task ReplacePersonAsync(Guid personId, Guid formerId)
    {
        await ExecuteAsync("UPDATE networkhub_document_comments SET author = @former WHERE author = @person", ("former", Id(formerId)), ("person", Id(personId)));
        await ExecuteAsync("UPDATE networkhub_document_comments SET responder = @former WHERE responder = @person", ("former", Id(formerId)), ("person", Id(personId)));
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<DocumentComment>> QueryAsync(string where, string tail, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM networkhub_document_comments WHERE {where} ORDER BY document, sequence {tail}";
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        var comments = new List<DocumentComment>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            comments.Add(Read(reader));
        }

        return comments;
    }

    private DocumentComment Read(DbDataReader r)
    {
        CommentResponse? response = r.IsDBNull(15)
            ? null
            : new CommentResponse(Enum.Parse<ResponseKind>(r.GetString(15)), r.IsDBNull(16) ? null : r.GetString(16), r.GetGuid(17), ReadTime(r, 18));
        SpaceRef? group = r.IsDBNull(10) ? null : new SpaceRef(Enum.Parse<SpaceKind>(r.GetString(10)), r.GetGuid(11));
        return new DocumentComment(
            r.GetGuid(2), r.GetGuid(0), r.GetInt32(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), GuidOrNull(r, 6), r.GetGuid(7),
            GuidOrNull(r, 8), GuidOrNull(r, 9), r.GetString(12), Enum.Parse<CommentStatus>(r.GetString(13)), ReadTime(r, 14), response, group,
            r.GetInt64(1));
    }

    private DateTimeOffset ReadTime(DbDataReader r, int column) => _sqlite
        ? DateTimeOffset.Parse(r.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
        : r.GetFieldValue<DateTimeOffset>(column);

    /// <summary>Times as both databases keep them (microseconds); callers cut theirs the same way, so what they return equals what is read later.</summary>
    public static DateTimeOffset Cut(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    private object Time(DateTimeOffset at) => _sqlite ? at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : at;

    private static Guid? GuidOrNull(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetGuid(column);

    /// <summary>SQLite keeps ids as text (as Microsoft.Data.Sqlite reads them back), PostgreSQL as uuid.</summary>
    private object? Id(Guid? id) => id is { } value && _sqlite ? value.ToString("D") : id;

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
