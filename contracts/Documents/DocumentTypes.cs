using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Documents;

/// <summary>Where a document stands. Published ones are listed as the space's publications, to the public when the space is public.</summary>
public enum DocumentStatus
{
    Draft = 0,
    UnderConsultation = 1,
    Final = 2,
    Published = 3,
}

/// <summary>How a version came in: a file uploaded as it is, or Markdown written in the platform.</summary>
public enum VersionSource
{
    Upload = 0,
    Markdown = 1,
}

/// <summary>Limits of documents, shared by request validation, the grains and the content store.</summary>
public static class DocumentLimits
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;
    public const int TagMaxLength = 40;
    public const int MaxTags = 20;

    /// <summary>A BCP 47 language tag, e.g. "es" or "fr-CA".</summary>
    public const int LanguageMaxLength = 35;

    public const int ChangeNoteMaxLength = 1_000;
    public const int FileNameMaxLength = 255;

    /// <summary>Versions a document keeps; one more is refused.</summary>
    public const int MaxVersions = 500;

    /// <summary>Markdown written in the platform, in characters.</summary>
    public const int MarkdownMaxLength = 2_000_000;

    /// <summary>The default for <c>Documents:MaxUploadBytes</c>: 50 MB. Larger uploads get 413 and nothing is stored.</summary>
    public const long DefaultMaxUploadBytes = 50L * 1024 * 1024;

    public const int MaxSections = 2_000;
    public const int HeadingMaxLength = 500;

    public const int CommentMaxLength = 8_000;
    public const int QuoteMaxLength = 2_000;
    public const int ResponseMaxLength = 8_000;
}

/// <summary>Error codes of documents, comments and feedback rounds. Stable strings, as <c>ErrorCodes</c>.</summary>
public static class DocumentErrors
{
    public const string NotFound = "document.not-found";

    /// <summary>422: a title, tag, language, file name or change note outside its limits.</summary>
    public const string InvalidInput = "document.invalid-input";
    public const string VersionNotFound = "document.version-not-found";
    public const string SectionNotFound = "document.section-not-found";

    /// <summary>413: the upload is larger than the operator's limit; nothing was stored.</summary>
    public const string TooLarge = "document.too-large";

    public const string TooManyVersions = "document.too-many-versions";

    /// <summary>A .docx or Markdown that cannot be read (not a Word file, too many sections).</summary>
    public const string Unreadable = "document.unreadable";

    public const string CommentNotFound = "document.comment-not-found";
    public const string RoundNotFound = "document.round-not-found";

    /// <summary>The round is closed: no more comments; responses go on.</summary>
    public const string RoundClosed = "document.round-closed";

    /// <summary>The caller is not among the people a round asks, or not for that section.</summary>
    public const string NotInvited = "document.not-invited";

    /// <summary>Only the document's drafting team (the space's coordinators) do this.</summary>
    public const string NotDraftingTeam = "document.not-drafting-team";
}

/// <summary>
/// One heading's part of a version. <see cref="SectionId"/> is derived from the heading (its normalised text and how
/// many equal headings come before it), so it stays the same in every version that keeps the heading. The part before
/// the first heading, if any, is the section with the empty heading at level 0.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DocumentSection")]
public sealed record DocumentSection(
    [property: Id(0)] string SectionId,
    [property: Id(1)] int Level,
    [property: Id(2)] string Heading,
    [property: Id(3)] string Text);

/// <summary>A version's sections without their text: what lists, anchors and change marks need. <see cref="TextHash"/> is the SHA-256 of the section's text, hex.</summary>
[GenerateSerializer, Alias("NetworkHub.SectionOutline")]
public sealed record SectionOutline(
    [property: Id(0)] string SectionId,
    [property: Id(1)] int Level,
    [property: Id(2)] string Heading,
    [property: Id(3)] string TextHash);

/// <summary>The outline of one version of a document.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentOutline")]
public sealed record DocumentOutline(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] int Version,
    [property: Id(2)] IReadOnlyList<SectionOutline> Sections);

/// <summary>
/// What the caller may do with a document, decided from the space it lives in. Readers see it; commenters are the
/// space's members; the drafting team (the space's coordinators) manage it, run rounds and answer comments.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DocumentAccess")]
public sealed record DocumentAccess(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] SpaceRef Space,
    [property: Id(2)] SpaceRole? Role,
    [property: Id(3)] bool CanComment,
    [property: Id(4)] bool CanManage,
    [property: Id(5)] int LatestVersion);
