using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// The documents' part of an export and import: the rows of the documents index and every content of the content store
/// (each version's bytes and its sections' text) under the ids the grain states name. Content moves in chunks of
/// <see cref="ChunkSize"/>, never whole in memory. The content store is not the database (a folder beside SQLite) or not
/// the import's transaction (PostgreSQL's store writes on its own connections), so what an import stored is deleted
/// again when the import fails (<see cref="DeleteImportedAsync"/>).
/// </summary>
internal sealed class DocumentTransfer(StorageOptions options) : IAsyncDisposable
{
    private const int ChunkSize = PostgreSqlContentStore.ChunkSize;
    private const string IndexColumns =
        "document, space_kind, space_id, space_public, title, description, tags, language, status, latest_version, revision, updated_at, text";

    private readonly IContentStore _store = options.Provider == DatabaseProvider.Sqlite
        ? new FileContentStore(DocumentStorage.ContentFolder(options))
        : new PostgreSqlContentStore(options.EffectiveConnectionString);

    private readonly DocumentIndex _index = new(options);
    private readonly List<Guid> _imported = [];

    private bool Sqlite => options.Provider == DatabaseProvider.Sqlite;

    /// <summary>The index rows, then each content's chunks and end, in id order.</summary>
    public async IAsyncEnumerable<ExportLine> ExportAsync(DbConnection connection, DbTransaction transaction,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (var command = Command(connection, transaction, $"SELECT {IndexColumns} FROM networkhub_documents ORDER BY document"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new ExportLine { Document = ReadIndexRow(reader) };
            }
        }

        foreach (var contentId in await ContentIdsAsync(connection, transaction, cancellationToken))
        {
            await using var content = await _store.OpenReadAsync(contentId, 0, null, cancellationToken)
                ?? throw new InvalidOperationException($"Content {contentId} went away during the export; stop the silos first.");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[ChunkSize];
            long offset = 0;
            while (await FillAsync(content, buffer, cancellationToken) is var filled and > 0)
            {
                hash.AppendData(buffer, 0, filled);
                yield return new ExportLine { ContentChunk = new(contentId, offset, buffer[..filled]) };
                offset += filled;
            }

            yield return new ExportLine { Content = new(contentId, offset, Convert.ToHexStringLower(hash.GetHashAndReset())) };
        }
    }

    /// <summary>Refuses a target whose content store or index already holds something, as the rest of an import does.</summary>
    public async Task<bool> HoldsDataAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT count(*) FROM networkhub_documents");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0
            || (await ContentIdsAsync(connection, transaction, cancellationToken)).Count > 0;
    }

    public Task ImportIndexRowAsync(DbConnection connection, DbTransaction transaction, DocumentIndexRow row, CancellationToken cancellationToken) =>
        _index.ImportAsync(connection, transaction, new DocumentIndexEntry(
            row.Document, new SpaceRef(Enum.Parse<SpaceKind>(row.SpaceKind), row.SpaceId), row.Title, row.Description, row.Tags, row.Language,
            Enum.Parse<DocumentStatus>(row.Status), row.LatestVersion, row.Revision, new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero), row.Text,
            row.SpacePublic ? Visibility.Public : Visibility.Private), cancellationToken);

    /// <summary>
    /// Stores one content under its exported id: <paramref name="first"/> is its first chunk (null for a content of no
    /// bytes, whose end <paramref name="empty"/> came alone), the rest is read from <paramref name="reader"/> up to its end.
    /// </summary>
    public async Task ImportContentAsync(ContentChunkRow? first, ContentRow? empty, StreamReader reader, CancellationToken cancellationToken)
    {
        var chunks = new ChunkLines(reader, first, empty);
        var contentId = first?.ContentId ?? empty!.ContentId;
        _imported.Add(contentId);
        var stored = _store switch
        {
            FileContentStore files => await files.WriteAsync(contentId, chunks, long.MaxValue, cancellationToken),
            PostgreSqlContentStore database => await database.WriteAsync(contentId, chunks, long.MaxValue, cancellationToken),
            _ => throw new InvalidOperationException("No content store to import into."),
        };
        if (chunks.End is not { } end || end.Size != stored.Size || end.Sha256 != stored.Sha256)
        {
            throw new InvalidDataException($"Content {contentId} in the export does not match its size and SHA-256: the file is damaged.");
        }
    }

    public int ImportedContents => _imported.Count;

    /// <summary>After a failed import: the content it stored goes, so the target is as empty as before.</summary>
    public async Task DeleteImportedAsync()
    {
        foreach (var contentId in _imported)
        {
            await _store.DeleteAsync(contentId, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _index.DisposeAsync();
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private async Task<IReadOnlyList<Guid>> ContentIdsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_store is FileContentStore files)
        {
            return [.. files.ContentIds()];
        }

        var ids = new List<Guid>();
        await using var command = Command(connection, transaction, "SELECT content FROM networkhub_content ORDER BY content");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private DocumentIndexRow ReadIndexRow(DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetBoolean(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
        DocumentIndex.Tags(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.GetInt32(9), r.GetInt64(10),
        Sqlite
            ? DateTime.Parse(r.GetString(11), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)
            : DateTime.SpecifyKind(r.GetDateTime(11), DateTimeKind.Utc),
        r.GetString(12));

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length && await source.ReadAsync(buffer.AsMemory(filled), cancellationToken) is var read and > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>One content's chunk lines as a stream, for the store to read as it would an upload; stops at the content's end line.</summary>
    private sealed class ChunkLines(StreamReader reader, ContentChunkRow? first, ContentRow? end) : Stream
    {
        private readonly Guid _contentId = first?.ContentId ?? end!.ContentId;
        private byte[] _chunk = first?.Bytes ?? [];
        private long _offset = first is { Offset: not 0 } ? throw Damaged() : 0;
        private int _at;

        public ContentRow? End { get; private set; } = end;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _offset + _at; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_at == _chunk.Length)
            {
                if (End is not null)
                {
                    return 0;
                }

                switch (DataTransfer.Parse(await reader.ReadLineAsync(cancellationToken)))
                {
                    case { ContentChunk: { } next } when next.ContentId == _contentId && next.Offset == _offset + _chunk.Length:
                        _offset = next.Offset;
                        _chunk = next.Bytes;
                        _at = 0;
                        break;
                    case { Content: { } last } when last.ContentId == _contentId:
                        End = last;
                        break;
                    default:
                        throw Damaged();
                }
            }

            var copied = Math.Min(buffer.Length, _chunk.Length - _at);
            _chunk.AsMemory(_at, copied).CopyTo(buffer);
            _at += copied;
            return copied;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static InvalidDataException Damaged() =>
            new("The export's content lines are out of order (a chunk missing or misplaced): the file is damaged.");
    }
}
