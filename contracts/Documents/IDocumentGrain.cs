using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.Spaces;

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

    /// <summary>
    /// Members of <paramref name="space"/> (or a read-write API key standing for one) create a document there. Repeating
    /// it as its creator returns the document as it is; the id is the server's (see the API's Idempotency-Key).
    /// </summary>
    Task<DocumentView> CreateAsync(Caller caller, SpaceRef space, DocumentProfile profile);

    [ReadOnly] Task<DocumentView> GetAsync(Caller caller);

    /// <summary>The space's coordinators or the document's creator; 412 when <paramref name="expectedVersion"/> is stale.</summary>
    Task<DocumentView> UpdateAsync(Caller caller, DocumentProfile profile, int? expectedVersion);

    /// <summary>
    /// The caller's access when they may add versions (members; a read-write key), else the refusal: the API asks this
    /// before it reads an upload's body.
    /// </summary>
    [ReadOnly] Task<DocumentAccess> RequireContributorAsync(Caller caller);

    /// <summary>Adds the next version (its bytes already stored); at most <see cref="DocumentLimits.MaxVersions"/>.</summary>
    Task<DocumentVersionSummary> AddVersionAsync(Caller caller, AddVersionCommand command);

    /// <summary>Every version, oldest first.</summary>
    [ReadOnly] Task<IReadOnlyList<DocumentVersionSummary>> GetVersionsAsync(Caller caller);

    /// <summary>Where one version's bytes and text are, for the API to stream them.</summary>
    [ReadOnly] Task<DocumentVersionFiles> GetVersionFilesAsync(Caller caller, int version);

    /// <summary>Managers only: the document goes, with its versions' content; its id is not-found from then on.</summary>
    Task DeleteAsync(Caller caller, int? expectedVersion);

    /// <summary>Erasure: the person's id as creator and author becomes <paramref name="formerId"/>. Repeatable.</summary>
    Task ErasePersonAsync(Guid personId, Guid formerId);
}

[GenerateSerializer, Alias("NetworkHub.DocumentVersionText")]
public sealed record DocumentVersionText(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] string Title,
    [property: Id(2)] DocumentVersionSummary Version,
    [property: Id(3)] IReadOnlyList<DocumentSection> Sections);
