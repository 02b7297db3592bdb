using System.Security.Cryptography;
using NetworkHub.Cluster.Tests.Infrastructure;
using NetworkHub.Contracts.Documents;
using NetworkHub.Silo.Documents;
using NetworkHub.Silo.Storage;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// The content store contract, run against files in a folder and against PostgreSQL: bytes come back exactly, the limit
/// holds to the byte, a refused, cancelled or failed write leaves nothing behind, and ranges read what they say.
/// </summary>
public abstract class ContentStoreContractTests
{
    private const long Limit = DocumentLimits.DefaultMaxUploadBytes;
    private const int TenMegabytes = 10 * 1000 * 1000;

    private readonly IContentStoreFixture _fixture;

    private protected ContentStoreContractTests(IContentStoreFixture fixture) => _fixture = fixture;

    private IContentStore Store => _fixture.Store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Bytes(long count, int seed = 7)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static bool Same(byte[] expected, byte[] actual) => expected.AsSpan().SequenceEqual(actual);

    private async Task<byte[]> ReadAsync(Guid contentId, long offset = 0, long? length = null)
    {
        await using var stream = await Store.OpenReadAsync(contentId, offset, length, Ct) ?? throw new InvalidOperationException("no content");
        using var copy = new MemoryStream();

        // Small reads, so a read that spans chunks or stops inside one is exercised.
        var buffer = new byte[50_000];
        int read;
        while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData((long)TenMegabytes)]
    [InlineData(Limit)]
    public async Task WriteAsync_ThenOpenReadAsync_GivesTheSameBytes(long size)
    {
        var bytes = Bytes(size);

        var stored = await Store.WriteAsync(new MemoryStream(bytes), Limit, Ct);

        Assert.Equal(size, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(size, await Store.GetSizeAsync(stored.ContentId, Ct));
        Assert.True(Same(bytes, await ReadAsync(stored.ContentId)));
        await Store.DeleteAsync(stored.ContentId, Ct);
    }

    [Fact]
    public async Task WriteAsync_SourceInSmallUnevenReads_StoresEveryByte()
    {
        var bytes = Bytes(3 * 1024 * 1024 + 17);

        var stored = await Store.WriteAsync(new TrickleStream(bytes, 65_537), Limit, Ct);

        Assert.True(Same(bytes, await ReadAsync(stored.ContentId)));
    }

    [Fact]
    public async Task WriteAsync_OneByteOverTheLimit_ThrowsAndStoresNothing()
    {
        var before = await _fixture.CountStoredAsync();

        var error = await Assert.ThrowsAsync<ContentTooLargeException>(() => Store.WriteAsync(new MemoryStream(Bytes(Limit + 1)), Limit, Ct));

        Assert.Equal(Limit, error.MaxBytes);
        Assert.Equal(before, await _fixture.CountStoredAsync());
    }

    [Fact]
    public async Task WriteAsync_SmallLimit_HoldsToTheByte()
    {
        var atLimit = await Store.WriteAsync(new MemoryStream(Bytes(10)), 10, Ct);
        await Assert.ThrowsAsync<ContentTooLargeException>(() => Store.WriteAsync(new MemoryStream(Bytes(11)), 10, Ct));
        await Assert.ThrowsAsync<ContentTooLargeException>(() => Store.WriteAsync(new MemoryStream(Bytes(1)), 0, Ct));

        Assert.Equal(10, atLimit.Size);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_StoresNothing()
    {
        var before = await _fixture.CountStoredAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // The caller gives up after 3 MB have gone in.
        var source = new TrickleStream(Bytes(8 * 1024 * 1024), 256 * 1024, afterBytes: 3 * 1024 * 1024, then: cancel.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.WriteAsync(source, Limit, cancel.Token));

        Assert.Equal(before, await _fixture.CountStoredAsync());
    }

    [Fact]
    public async Task WriteAsync_SourceFails_StoresNothing()
    {
        var before = await _fixture.CountStoredAsync();
        var source = new TrickleStream(Bytes(4 * 1024 * 1024), 300_000, afterBytes: 2 * 1024 * 1024, then: () => throw new IOException("connection reset"));

        await Assert.ThrowsAsync<IOException>(() => Store.WriteAsync(source, Limit, Ct));

        Assert.Equal(before, await _fixture.CountStoredAsync());
    }

    [Fact]
    public async Task OpenReadAsync_Ranges_GiveExactlyThoseBytes()
    {
        var size = 2 * 1024 * 1024 + 1000;
        var bytes = Bytes(size, seed: 11);
        var id = (await Store.WriteAsync(new MemoryStream(bytes), Limit, Ct)).ContentId;
        const int Mebibyte = 1024 * 1024;

        foreach (var (offset, length) in new (long, long?)[]
                 {
                     (0, 10), (Mebibyte - 5, 10), (Mebibyte, Mebibyte), (Mebibyte - 1, Mebibyte + 2), (12_345, null), (size - 10, null),
                     (size - 3, 100), (size - 1, 1), (0, size), (0, long.MaxValue), (500, 0),
                 })
        {
            var expected = bytes.AsSpan((int)offset, (int)Math.Min(length ?? long.MaxValue, size - offset)).ToArray();
            Assert.True(Same(expected, await ReadAsync(id, offset, length)), $"range {offset}+{length}");
        }

        Assert.Empty(await ReadAsync(id, size, null));
        Assert.Empty(await ReadAsync(id, size + 5, 10));
        Assert.Empty(await ReadAsync(id, long.MaxValue, null));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheContent_TwiceIsNothing()
    {
        var before = await _fixture.CountStoredAsync();
        var id = (await Store.WriteAsync(new MemoryStream(Bytes(1_500_000)), Limit, Ct)).ContentId;
        var kept = (await Store.WriteAsync(new MemoryStream(Bytes(10)), Limit, Ct)).ContentId;

        await Store.DeleteAsync(id, Ct);
        await Store.DeleteAsync(id, Ct);

        Assert.Null(await Store.GetSizeAsync(id, Ct));
        Assert.Null(await Store.OpenReadAsync(id, 0, null, Ct));
        Assert.Equal(10, await Store.GetSizeAsync(kept, Ct));
        await Store.DeleteAsync(kept, Ct);
        Assert.Equal(before, await _fixture.CountStoredAsync());
    }

    [Fact]
    public async Task UnknownId_IsNull()
    {
        Assert.Null(await Store.GetSizeAsync(Guid.NewGuid(), Ct));
        Assert.Null(await Store.OpenReadAsync(Guid.NewGuid(), 0, null, Ct));
        Assert.Null(await Store.OpenReadAsync(Guid.NewGuid(), 10, 5, Ct));
        await Store.DeleteAsync(Guid.NewGuid(), Ct);
    }

    [Fact]
    public async Task WriteAsync_EveryContentGetsItsOwnId()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.WriteAsync(new MemoryStream(Bytes(1000, seed: i)), Limit, Ct)));

        Assert.Equal(8, ids.Select(s => s.ContentId).Distinct().Count());
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(Same(Bytes(1000, seed: i), await ReadAsync(ids[i].ContentId)));
        }
    }

    /// <summary>A source that hands out at most <c>step</c> bytes per read and can act once <c>afterBytes</c> have gone.</summary>
    private sealed class TrickleStream(byte[] bytes, int step, long afterBytes = long.MaxValue, Action? then = null) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= afterBytes)
            {
                then?.Invoke();
            }

            var count = Math.Min(Math.Min(buffer.Length, step), bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = Read(buffer.Span);
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(read);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A content store and a count of everything it keeps (files of every kind, or rows).</summary>
internal interface IContentStoreFixture
{
    IContentStore Store { get; }

    Task<long> CountStoredAsync();
}

public sealed class FileContentStoreFixture : IContentStoreFixture, IDisposable
{
    public FileContentStoreFixture() => Store = new FileContentStore(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"networkhub-content-{Guid.NewGuid():N}");

    public IContentStore Store { get; }

    public Task<long> CountStoredAsync() =>
        Task.FromResult((long)Directory.EnumerateFileSystemEntries(Folder, "*", SearchOption.AllDirectories).Count(File.Exists));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class PostgreSqlContentStoreFixture : IContentStoreFixture, IAsyncLifetime
{
    private TestDatabase? _database;
    private PostgreSqlContentStore? _store;

    public IContentStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        await new SchemaMigrator(new StorageOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = _database.ConnectionString }).MigrateAsync();
        _store = new PostgreSqlContentStore(_database.ConnectionString);
    }

    public Task<long> CountStoredAsync() =>
        _database!.CountAsync("SELECT (SELECT count(*) FROM networkhub_content) + (SELECT count(*) FROM networkhub_content_chunks)");

    public async ValueTask DisposeAsync()
    {
        await (_store?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}

public sealed class FileContentStoreContractTests(FileContentStoreFixture fixture)
    : ContentStoreContractTests(fixture), IClassFixture<FileContentStoreFixture>
{
    [Fact]
    public async Task WriteAsync_SpreadsContentOverFolders_LeavesNothingIncoming()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add((await fixture.Store.WriteAsync(new MemoryStream([1, 2, 3]), 10, TestContext.Current.CancellationToken)).ContentId);
        }

        // Ids made one after another share their leading (time) digits; the folders must not.
        var folders = Directory.GetDirectories(fixture.Folder).Select(Path.GetFileName).Where(n => n != "incoming").ToList();
        Assert.True(folders.Count > 10, $"{folders.Count} folders for 40 contents");
        Assert.Empty(Directory.GetFiles(Path.Combine(fixture.Folder, "incoming")));
    }
}

public sealed class PostgreSqlContentStoreContractTests(PostgreSqlContentStoreFixture fixture)
    : ContentStoreContractTests(fixture), IClassFixture<PostgreSqlContentStoreFixture>;
