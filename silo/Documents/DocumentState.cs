using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// What a document decides on. Bounded: at most <see cref="DocumentLimits.MaxVersions"/> version records (no bytes,
/// no text: those are in the content store), the latest version's outline, and the last events of its live stream.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DocumentState")]
public sealed class DocumentState
{
    [Id(0)] public bool Exists { get; set; }

    /// <summary>Deleted documents stay not-found for good; the row goes once the index has forgotten them.</summary>
    [Id(1)] public bool Deleted { get; set; }

    [Id(2)] public SpaceRef Space { get; set; } = new(SpaceKind.Organisation, Guid.Empty);
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public string? Description { get; set; }
    [Id(5)] public List<string> Tags { get; set; } = [];
    [Id(6)] public string? Language { get; set; }
    [Id(7)] public DocumentStatus Status { get; set; }

    /// <summary>Counts changes of details and versions: the ETag, and the index row's revision.</summary>
    [Id(8)] public int Version { get; set; }

    /// <summary>The person who created it, or for a read-write API key the organisation it stands for.</summary>
    [Id(9)] public Guid CreatedBy { get; set; }

    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(12)] public List<VersionRecord> Versions { get; set; } = [];
    [Id(13)] public List<SectionOutline> LatestOutline { get; set; } = [];

    /// <summary>The index row lags this state: written with the change, cleared once the index took it.</summary>
    [Id(14)] public bool IndexPending { get; set; }

    [Id(15)] public EventLog<DocumentEvent> Log { get; set; } = new();
}

/// <summary>One version: what lists show, and where its bytes and its sections' text are in the content store.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentVersionRecord")]
public sealed record VersionRecord(
    [property: Id(0)] DocumentVersionSummary Summary,
    [property: Id(1)] Guid ContentId,
    [property: Id(2)] Guid? TextId);
