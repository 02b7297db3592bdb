using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Documents;

/// <summary>A document as a space's list and its publications show it, read from the documents index.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentSummary")]
public sealed record DocumentSummary(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] SpaceRef Space,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] string? Language,
    [property: Id(6)] DocumentStatus Status,
    [property: Id(7)] int LatestVersion,
    [property: Id(8)] DateTimeOffset UpdatedAt);

/// <summary>One page of a space's documents, most recently changed first; <see cref="NextAfter"/> asks for the next page.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentPage")]
public sealed record DocumentPage(
    [property: Id(0)] IReadOnlyList<DocumentSummary> Documents,
    [property: Id(1)] string? NextAfter);

/// <summary>
/// A document that matched a search. <see cref="Snippet"/>: plain text around the first match in the document's text (the
/// start of it when only the title or tags matched). <see cref="Rank"/>: higher is better; comparable within one search only.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DocumentSearchHit")]
public sealed record DocumentSearchHit(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] SpaceRef Space,
    [property: Id(2)] string Title,
    [property: Id(3)] IReadOnlyList<string> Tags,
    [property: Id(4)] DocumentStatus Status,
    [property: Id(5)] string Snippet,
    [property: Id(6)] double Rank);

/// <summary>One page of search hits, best first; <see cref="NextAfter"/> asks for the next page.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentSearchPage")]
public sealed record DocumentSearchPage(
    [property: Id(0)] IReadOnlyList<DocumentSearchHit> Hits,
    [property: Id(1)] string? NextAfter);

/// <summary>Limits of the documents index and its search.</summary>
public static class DocumentSearchLimits
{
    /// <summary>A search's text, in characters.</summary>
    public const int QueryMaxLength = 200;

    /// <summary>Words of a search beyond this many are ignored.</summary>
    public const int QueryMaxWords = 16;

    /// <summary>Characters of a document's text the index keeps and searches; the rest is not found by search.</summary>
    public const int IndexedTextMaxLength = 1_000_000;
}
