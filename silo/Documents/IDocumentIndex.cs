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
}

/// <summary>
/// What the index holds of a document. <see cref="Revision"/>: the grain's state version, so a late write never
/// replaces a newer one. <see cref="Text"/>: the latest version's text, every section's heading and text.
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
    string Text);
