namespace NetworkHub.Silo.Documents;

/// <summary>
/// Where the bytes of document versions live, addressed only by ids the server made: files under the data folder
/// (embedded mode) or PostgreSQL (cluster mode, so every node serves the same bytes). Never in grain state. Both
/// implementations pass the same contract tests.
/// </summary>
public interface IContentStore
{
    /// <summary>
    /// Streams <paramref name="source"/> into new content, hashing it on the way, without holding it in memory. More
    /// than <paramref name="maxBytes"/> throws <see cref="ContentTooLargeException"/>; that, a cancellation or any
    /// failure leaves nothing stored.
    /// </summary>
    Task<StoredContent> WriteAsync(Stream source, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The content's size, or null when there is no such content.</summary>
    Task<long?> GetSizeAsync(Guid contentId, CancellationToken cancellationToken);

    /// <summary>
    /// A stream over <paramref name="length"/> bytes from <paramref name="offset"/> (to the end when null), read as the
    /// caller reads (never the whole content at once); null when there is no such content.
    /// </summary>
    Task<Stream?> OpenReadAsync(Guid contentId, long offset, long? length, CancellationToken cancellationToken);

    /// <summary>Removes the content; nothing happens when it is not there.</summary>
    Task DeleteAsync(Guid contentId, CancellationToken cancellationToken);
}

/// <summary>What was stored: its id, its size in bytes and its SHA-256 (lower-case hex).</summary>
public sealed record StoredContent(Guid ContentId, long Size, string Sha256);

/// <summary>An upload went past the limit; nothing was kept.</summary>
public sealed class ContentTooLargeException(long maxBytes)
    : Exception($"The content is larger than the limit of {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
