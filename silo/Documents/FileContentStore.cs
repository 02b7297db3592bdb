using System.Security.Cryptography;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Content as files in a folder beside the SQLite database (the embedded mode): <c>{root}/{aa}/{id}</c>, where the id
/// is a UUID the store made and <c>aa</c> its last two hex digits (random in a version 7 UUID; the first ones are the
/// time, which would put years of content in one folder), so no folder grows past a few thousand entries.
/// A write goes to <c>{root}/incoming/</c> first and is renamed into place only when complete and flushed to disk, so a
/// crash, a cancellation or an upload over the limit never leaves content that looks whole.
/// </summary>
public sealed class FileContentStore : IContentStore
{
    private const string IncomingFolder = "incoming";
    private const int BufferSize = 81_920;

    private readonly string _root;

    public FileContentStore(string root)
    {
        _root = Path.GetFullPath(root);
        System.IO.Directory.CreateDirectory(Path.Combine(_root, IncomingFolder));
    }

    public Task<StoredContent> WriteAsync(Stream source, long maxBytes, CancellationToken cancellationToken) =>
        WriteAsync(Guid.CreateVersion7(), source, maxBytes, cancellationToken);

    /// <summary>The same under a given id; import keeps the ids an export carries.</summary>
    internal async Task<StoredContent> WriteAsync(Guid contentId, Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var incoming = Path.Combine(_root, IncomingFolder, $"{contentId:N}.part");
        try
        {
            long size = 0;
            string sha256;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new ContentTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathOf(contentId);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(incoming, target);
            return new StoredContent(contentId, size, sha256);
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    public Task<long?> GetSizeAsync(Guid contentId, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(contentId));
        return Task.FromResult<long?>(file.Exists ? file.Length : null);
    }

    public Task<Stream?> OpenReadAsync(Guid contentId, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(requested);
        }

        FileStream file;
        try
        {
            file = new FileStream(PathOf(contentId), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }

        file.Position = Math.Min(offset, file.Length);
        Stream result = length is { } count ? new BoundedReadStream(file, count) : file;
        return Task.FromResult<Stream?>(result);
    }

    public Task DeleteAsync(Guid contentId, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(contentId));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored in that content's folder: there is nothing to delete.
        }

        return Task.CompletedTask;
    }

    /// <summary>Every content the folder holds, for export.</summary>
    internal IEnumerable<Guid> ContentIds() =>
        System.IO.Directory.EnumerateDirectories(_root)
            .Where(d => Path.GetFileName(d) != IncomingFolder)
            .SelectMany(System.IO.Directory.EnumerateFiles)
            .Select(f => Guid.TryParseExact(Path.GetFileName(f), "N", out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Order();

    /// <summary>Only ever built from a Guid, so nothing a client sends can reach a path.</summary>
    private string PathOf(Guid contentId)
    {
        var name = contentId.ToString("N");
        return Path.Combine(_root, name[^2..], name);
    }
}
