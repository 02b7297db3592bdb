namespace NetworkHub.Contracts.Documents;

/// <summary>What a document's manager sets: title, description, tags, language (BCP 47) and status.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentProfile")]
public sealed record DocumentProfile(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<string> Tags,
    [property: Id(3)] string? Language,
    [property: Id(4)] DocumentStatus Status);

/// <summary>
/// A version whose bytes the API has already stored in the content store (<see cref="ContentId"/>), with the id of its
/// sections' text (JSON, also in the content store; null when the file has no sections to read) and their outline.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.AddVersionCommand")]
public sealed record AddVersionCommand(
    [property: Id(0)] VersionSource Source,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] Guid ContentId,
    [property: Id(4)] long Size,
    [property: Id(5)] string Sha256,
    [property: Id(6)] Guid? TextId,
    [property: Id(7)] IReadOnlyList<SectionOutline> Sections,
    [property: Id(8)] string? ChangeNote);

/// <summary>Where a version's bytes and its sections' text are in the content store; for the API, never sent to clients.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentVersionFiles")]
public sealed record DocumentVersionFiles(
    [property: Id(0)] DocumentVersionSummary Version,
    [property: Id(1)] Guid ContentId,
    [property: Id(2)] Guid? TextId);
