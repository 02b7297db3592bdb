using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Documents;

[GenerateSerializer, Alias("NetworkHub.DocumentWatchersState")]
public sealed class DocumentWatchersState
{
    [Id(0)] public List<Guid> Documents { get; set; } = [];
}

/// <summary>
/// A space's documents with live watchers (see <see cref="IDocumentWatchersGrain"/>). Bounded by the documents open in
/// someone's browser right now, not by the documents of the space; written only when a document joins or leaves.
/// </summary>
internal sealed class DocumentWatchersGrain(
    [PersistentState("document-watchers", StorageNames.Default)] IPersistentState<DocumentWatchersState> state, IDocumentIndex index)
    : Grain, IDocumentWatchersGrain
{
    public async Task WatchedAsync(Guid documentId)
    {
        if (!state.State.Documents.Contains(documentId))
        {
            state.State.Documents.Add(documentId);
            await state.WriteStateAsync();
        }
    }

    public async Task UnwatchedAsync(Guid documentId)
    {
        if (state.State.Documents.Remove(documentId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>No deadlock: the documents ask the space through its interleaving GetAccessAsync, and leave one-way.</summary>
    public Task AccessChangedAsync(Guid? personId) =>
        Task.WhenAll(state.State.Documents.ToList().Select(d => GrainFactory.GetGrain<IDocumentGrain>(d).AccessChangedAsync(personId)));

    /// <summary>One statement over the space's rows; nothing of this grain's state is needed or changed.</summary>
    public Task SpaceVisibilityChangedAsync(SpaceRef space, Visibility visibility) =>
        index.SetSpaceVisibilityAsync(space, visibility, CancellationToken.None);
}
