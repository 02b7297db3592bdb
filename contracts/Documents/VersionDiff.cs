namespace NetworkHub.Contracts.Documents;

/// <summary>
/// Two versions of a document compared section by section (matched by <see cref="DocumentSection.SectionId"/>): the
/// newer version's sections in its order, each removed one where it stood in the older version. A renamed heading
/// is a new section id, so it shows as the old section removed and the new one added. An API response only: it never
/// crosses a grain boundary.
/// </summary>
public sealed record VersionDiff(
    Guid DocumentId,
    int FromVersion,
    int ToVersion,
    int Added,
    int Removed,
    int Changed,
    int Unchanged,
    IReadOnlyList<SectionDiff> Sections);

/// <summary>
/// One section of a comparison. <see cref="Text"/> is the section's Markdown in the newer version (in the older one
/// for a removed section). <see cref="PreviousLevel"/> is set when a kept heading moved to another level.
/// <see cref="Runs"/>, for a changed section only: the older text turned into the newer one word by word, the
/// concatenation of the unchanged and deleted runs giving the older text and of the unchanged and inserted runs the
/// newer one.
/// </summary>
public sealed record SectionDiff(
    string SectionId,
    SectionChange Change,
    int Level,
    string Heading,
    string Text,
    int? PreviousLevel,
    IReadOnlyList<TextRun>? Runs);

public enum SectionChange
{
    Unchanged = 0,
    Added = 1,
    Removed = 2,
    Changed = 3,
}

/// <summary>A stretch of text that both versions share, or that only the newer (inserted) or the older (deleted) has.</summary>
public sealed record TextRun(RunKind Kind, string Text);

public enum RunKind
{
    Unchanged = 0,
    Inserted = 1,
    Deleted = 2,
}
