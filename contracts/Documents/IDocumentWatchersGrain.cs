using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Documents;

/// <summary>
/// One per space (keyed by the space's id): the documents of the space that someone is watching live right now, so an
/// access change in the space reaches their open connections without the space listing its documents. A document joins
/// on its first watcher and leaves after its last.
/// </summary>
[Alias("NetworkHub.IDocumentWatchersGrain")]
public interface IDocumentWatchersGrain : IGrainWithGuidKey
{
    Task WatchedAsync(Guid documentId);

    /// <summary>One-way: the document may be telling this while this grain waits on it.</summary>
    [OneWay] Task UnwatchedAsync(Guid documentId);

    /// <summary>
    /// Someone's access in the space (or, for null, anyone's) may have narrowed: each watched document checks its watchers
    /// again and ends the streams of those who lost access. Returns once they have; a failure fails the call, so the
    /// space's outbox that sent it retries.
    /// </summary>
    Task AccessChangedAsync(Guid? personId);

    /// <summary>
    /// The space's visibility changed: the hint on its documents' index rows follows, so public search finds them or
    /// no longer does. A failure fails the call, so the space's outbox retries.
    /// </summary>
    Task SpaceVisibilityChangedAsync(SpaceRef space, Visibility visibility);
}
