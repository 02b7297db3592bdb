using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Documents;

/// <summary>A document as its readers see it: details, the caller's rights and the latest version.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentView")]
public sealed record DocumentView(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] SpaceRef Space,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] string? Language,
    [property: Id(6)] DocumentStatus Status,
    [property: Id(7)] int Version,
    [property: Id(8)] Guid CreatedBy,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt,
    [property: Id(11)] DocumentVersionSummary? Latest,
    [property: Id(12)] bool CanComment,
    [property: Id(13)] bool CanManage);

/// <summary>The whole document as of <see cref="Sequence"/>, for a viewer further behind than the kept log.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentSnapshot")]
public sealed record DocumentSnapshot(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DocumentView Document);

/// <summary>What a relay gets back when a connection joins a document, or when it asks for events it missed.</summary>
/// <remarks><see cref="Present"/>: the people the document counts as watching, for relays only (never sent to clients).</remarks>
[GenerateSerializer, Alias("NetworkHub.DocumentCatchUp")]
public sealed record DocumentCatchUp(
    [property: Id(0)] long Sequence,
    [property: Id(1)] IReadOnlyList<DocumentEvent>? Events,
    [property: Id(2)] DocumentSnapshot? Snapshot,
    [property: Id(3)] IReadOnlyList<Guid> Present) : Live.ILiveCatchUp<DocumentEvent, DocumentSnapshot>
{
    public bool Admits(Guid personId) => Snapshot is null || Present.Contains(personId);
}

/// <summary>The answer to joining a document's stream: the sequence number the connection is at.</summary>
public sealed record DocumentJoined(Guid DocumentId, long Sequence);
