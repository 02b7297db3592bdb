using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Content in PostgreSQL (cluster mode), so every node serves the same bytes: chunks of <see cref="ChunkSize"/> in
/// <c>networkhub_content_chunks</c> and one row per content in <c>networkhub_content</c> (script 005). A write is one
/// transaction that holds one chunk in memory at a time and commits only when the source is read to its end within the
/// limit; anything else rolls it back, so nothing is stored. A read fetches one chunk (or the part of it a range needs) at
/// a time, each by its own short query, so a slow client never holds a connection between reads.
/// </summary>
public sealed class PostgreSqlContentStore(string connectionString) : IContentStore, IAsyncDisposable
{
    public const int ChunkSize = 1024 * 1024;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public Task<StoredContent> WriteAsync(Stream source, long maxBytes, CancellationToken cancellationToken) =>
        WriteAsync(Guid.CreateVersion7(), source, maxBytes, cancellationToken);

    /// <summary>The same under a given id; import keeps the ids an export carries.</summary>
    internal async Task<StoredContent> WriteAsync(Guid contentId, Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO networkhub_content_chunks (content, chunk, bytes) VALUES (@content, @chunk, @bytes)", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid>("content", contentId));
        var chunkNumber = new NpgsqlParameter<int>("chunk", 0);
        var bytes = new NpgsqlParameter<ReadOnlyMemory<byte>>("bytes", NpgsqlDbType.Bytea);
        insert.Parameters.Add(chunkNumber);
        insert.Parameters.Add(bytes);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long size = 0;
        while (await FillAsync(source, buffer, cancellationToken) is var filled and > 0)
        {
            size += filled;
            if (size > maxBytes)
            {
                throw new ContentTooLargeException(maxBytes);
            }

            hash.AppendData(buffer, 0, filled);
            bytes.TypedValue = buffer.AsMemory(0, filled);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            chunkNumber.TypedValue++;
        }

        var stored = new StoredContent(contentId, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        await using (var header = new NpgsqlCommand(
            "INSERT INTO networkhub_content (content, size, sha256) VALUES (@content, @size, @sha256)", connection, transaction))
        {
            header.Parameters.Add(new NpgsqlParameter<Guid>("content", contentId));
            header.Parameters.Add(new NpgsqlParameter<long>("size", size));
            header.Parameters.Add(new NpgsqlParameter<string>("sha256", stored.Sha256));
            await header.ExecuteNonQueryAsync(cancellationToken);
        }

        // A cancellation that came after the last read still means the caller gave up: nothing is kept.
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<long?> GetSizeAsync(Guid contentId, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("SELECT size FROM networkhub_content WHERE content = @content");
        command.Parameters.Add(new NpgsqlParameter<Guid>("content", contentId));
        return await command.ExecuteScalarAsync(cancellationToken) is long size ? size : null;
    }

    public async Task<Stream?> OpenReadAsync(Guid contentId, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
        }

        if (await GetSizeAsync(contentId, cancellationToken) is not { } size)
        {
            return null;
        }

        var start = Math.Min(offset, size);
        var end = length is { } bounded && bounded < size - start ? start + bounded : size;
        return new ChunkReadStream(this, contentId, start, end);
    }

    public async Task DeleteAsync(Guid contentId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "networkhub_content", "networkhub_content_chunks" })
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE content = @content", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<Guid>("content", contentId));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>Bytes <paramref name="from"/> (within the chunk) for <paramref name="count"/>; only that part leaves the server.</summary>
    private async Task<byte[]> ReadChunkAsync(Guid contentId, int chunk, int from, int count, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand(
            "SELECT substring(bytes FROM @from FOR @count) FROM networkhub_content_chunks WHERE content = @content AND chunk = @chunk");
        command.Parameters.Add(new NpgsqlParameter<int>("from", from + 1));
        command.Parameters.Add(new NpgsqlParameter<int>("count", count));
        command.Parameters.Add(new NpgsqlParameter<Guid>("content", contentId));
        command.Parameters.Add(new NpgsqlParameter<int>("chunk", chunk));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[] is { } bytes && bytes.Length == count
            ? bytes
            : throw new IOException($"Content {contentId} lost its chunk {chunk} while it was read (deleted meanwhile?).");
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

    /// <summary>Bytes [start, end) of one content, a chunk at a time.</summary>
    private sealed class ChunkReadStream(PostgreSqlContentStore store, Guid contentId, long start, long end) : Stream
    {
        private readonly long _start = start;
        private long _position = start;
        private byte[] _chunk = [];
        private int _chunkOffset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => end - _start;
        public override long Position { get => _position - _start - (_chunk.Length - _chunkOffset); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_chunkOffset == _chunk.Length)
            {
                if (_position >= end || buffer.Length == 0)
                {
                    return 0;
                }

                var chunk = (int)(_position / ChunkSize);
                var from = (int)(_position % ChunkSize);
                var count = (int)Math.Min(ChunkSize - from, end - _position);
                _chunk = await store.ReadChunkAsync(contentId, chunk, from, count, cancellationToken);
                _chunkOffset = 0;
                _position += count;
            }

            var copied = Math.Min(buffer.Length, _chunk.Length - _chunkOffset);
            _chunk.AsMemory(_chunkOffset, copied).CopyTo(buffer);
            _chunkOffset += copied;
            return copied;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // Synchronous reads block on the query; ASP.NET Core and CopyToAsync read asynchronously.
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
