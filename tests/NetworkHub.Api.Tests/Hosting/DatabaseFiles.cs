namespace NetworkHub.Api.Tests.Hosting;

/// <summary>The bytes of a SQLite database as they lie on disk: the file and its -wal and -shm files, read while the host runs.</summary>
public static class DatabaseFiles
{
    public static IReadOnlyList<byte[]> Read(string databasePath) =>
        [.. new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists).Select(ReadShared)];

    /// <summary>How many times <paramref name="needle"/> occurs in the files, not overlapping.</summary>
    public static int Count(IEnumerable<byte[]> files, byte[] needle) => files.Sum(bytes => Count(bytes, needle));

    public static int Count(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle); at >= 0; at = haystack.IndexOf(needle))
        {
            count++;
            haystack = haystack[(at + needle.Length)..];
        }

        return count;
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
