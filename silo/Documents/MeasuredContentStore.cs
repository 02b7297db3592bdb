namespace NetworkHub.Silo.Documents;

/// <summary>
/// A content store whose calls are timed in <see cref="StorageMetrics"/>. A read is timed until its stream is open,
/// not while the caller reads it: the caller's pace (a slow download) is not the store's latency.
/// </summary>
internal sealed class MeasuredContentStore(IContentStore inner, StorageMetrics metrics) : IContentStore, IAsyncDisposable
{
    private const string Store = "content";

    public Task<StoredContent> WriteAsync(Stream source, long maxBytes, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "write", () => inner.WriteAsync(source, maxBytes, cancellationToken));

    public Task<long?> GetSizeAsync(Guid contentId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "size", () => inner.GetSizeAsync(contentId, cancellationToken));

    public Task<Stream?> OpenReadAsync(Guid contentId, long offset, long? length, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "open-read", () => inner.OpenReadAsync(contentId, offset, length, cancellationToken));

    public Task DeleteAsync(Guid contentId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "delete", () => inner.DeleteAsync(contentId, cancellationToken));

    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
