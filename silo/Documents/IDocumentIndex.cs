using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Every document's row for lists, publications and full-text search, in the database grain state lives in (SQLite
/// FTS5 in the embedded mode, PostgreSQL full-text in cluster mode). Written by the document grain after each change;
/// a row may lag its grain, so readers confirm access with the space before they show a row.
/// </summary>
public interface IDocumentIndex
{
    /// <summary>Writes the document's row as given (a newer <see cref="DocumentIndexEntry.Revision"/> wins; an older one is ignored).</summary>
    Task UpsertAsync(DocumentIndexEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the document's row; nothing happens when there is none.</summary>
    Task DeleteAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the hint of whether <paramref name="space"/> is public on every row of its documents. Readers call it when the
    /// space's answer differs from a row's hint, so a hint that went stale is put right by the next look.
    /// </summary>
    Task SetSpaceVisibilityAsync(SpaceRef space, Visibility visibility, CancellationToken cancellationToken);

    /// <summary>
    /// The space's documents, most recently changed first, optionally of one status or carrying one tag (exactly),
    /// after the cursor <paramref name="after"/> (a <see cref="DocumentPage.NextAfter"/>; anything else is invalid input).
    /// </summary>
    Task<DocumentPage> ListAsync(SpaceRef space, DocumentStatus? status, string? tag, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Full-text search over title, tags, description and text, among the documents of <see cref="DocumentSearch.Spaces"/>
    /// (and of the spaces whose rows say they are public, when <see cref="DocumentSearch.IncludePublic"/>): the hits from
    /// position <see cref="DocumentSearch.Offset"/> in rank order, at most <see cref="DocumentSearch.Limit"/>. The query text
    /// is taken literally, as words; the last word also matches as a prefix.
    /// </summary>
    Task<IReadOnlyList<DocumentSearchHit>> SearchAsync(DocumentSearch search, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IDocumentIndex.SearchAsync"/> looks for, and where.</summary>
public sealed record DocumentSearch(string Query, IReadOnlyCollection<SpaceRef> Spaces, bool IncludePublic, int Offset, int Limit);

/// <summary>
/// What the index holds of a document. <see cref="Revision"/>: the grain's state version, so a late write never
/// replaces a newer one. <see cref="Text"/>: the latest version's text, every section's heading and text (the first
/// <see cref="DocumentSearchLimits.IndexedTextMaxLength"/> characters are kept). <see cref="SpaceVisibility"/>: the space's
/// visibility as the writer last saw it, kept as a hint for public search; null keeps the row's hint (new rows: not public).
/// </summary>
public sealed record DocumentIndexEntry(
    Guid DocumentId,
    SpaceRef Space,
    string Title,
    string? Description,
    IReadOnlyList<string> Tags,
    string? Language,
    DocumentStatus Status,
    int LatestVersion,
    long Revision,
    DateTimeOffset UpdatedAt,
    string Text,
    Visibility? SpaceVisibility = null);
