using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Live;

namespace NetworkHub.Contracts.Documents;

/// <summary>
/// A document in a space (keyed by the document's id): its details, its versions (the bytes live in the content store,
/// never here) and the outline of each, and its live stream. Follows the visibility of its space: whoever may not see
/// inside the space gets not-found, exactly as for an id that does not exist.
/// </summary>
[Alias("NetworkHub.IDocumentGrain")]
public interface IDocumentGrain : ILiveStreamGrain<DocumentEvent, DocumentSnapshot, DocumentCatchUp>
{
    /// <summary>The caller's access; throws not-found when the document is invisible to them. Interleaves, so comments and rounds can ask while this grain waits on them.</summary>
    [AlwaysInterleave] Task<DocumentAccess> GetAccessAsync(Caller caller);

    /// <summary>The outline of <paramref name="version"/> (the latest when null), for callers who may read the document.</summary>
    [ReadOnly] Task<DocumentOutline> GetOutlineAsync(Caller caller, int? version);

    /// <summary>
    /// For feedback round grains only (never exposed by the API): the title and the sections of a version, which a
    /// round shows to the groups it asks even when they are not in the document's space.
    /// </summary>
    [ReadOnly] Task<DocumentVersionText> GetVersionTextAsync(int version);

    /// <summary>
    /// For the comments grain only: appends <paramref name="change"/> (a comment posted or changed) to the document's
    /// live stream, after the comment is written. Repeating it is harmless for clients (they replace by comment id).
    /// </summary>
    Task PublishAsync(DocumentChange change);
}

[GenerateSerializer, Alias("NetworkHub.DocumentVersionText")]
public sealed record DocumentVersionText(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] string Title,
    [property: Id(2)] DocumentVersionSummary Version,
    [property: Id(3)] IReadOnlyList<DocumentSection> Sections);
