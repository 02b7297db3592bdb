using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Documents;

/// <summary>A documents index whose calls are timed in <see cref="StorageMetrics"/>.</summary>
internal sealed class MeasuredDocumentIndex(IDocumentIndex inner, StorageMetrics metrics) : IDocumentIndex, IAsyncDisposable
{
    private const string Store = "document-index";

    public Task UpsertAsync(DocumentIndexEntry entry, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "upsert", () => inner.UpsertAsync(entry, cancellationToken));

    public Task DeleteAsync(Guid documentId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "delete", () => inner.DeleteAsync(documentId, cancellationToken));

    public Task SetSpaceVisibilityAsync(SpaceRef space, Visibility visibility, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "set-space-visibility", () => inner.SetSpaceVisibilityAsync(space, visibility, cancellationToken));

    public Task<DocumentPage> ListAsync(SpaceRef space, DocumentStatus? status, string? tag, string? after, int limit, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "list", () => inner.ListAsync(space, status, tag, after, limit, cancellationToken));

    public Task<IReadOnlyList<DocumentSearchHit>> SearchAsync(DocumentSearch search, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(Store, "search", () => inner.SearchAsync(search, cancellationToken));

    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
