using System.ComponentModel.DataAnnotations;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Api.Documents;

public sealed record CreateDocumentRequest(
    [property: Required, StringLength(DocumentLimits.TitleMaxLength, MinimumLength = 1)] string Title,
    [property: StringLength(DocumentLimits.DescriptionMaxLength)] string? Description,
    [property: MaxLength(DocumentLimits.MaxTags)] IReadOnlyList<string>? Tags,
    [property: StringLength(DocumentLimits.LanguageMaxLength)] string? Language,
    DocumentStatus? Status)
{
    public DocumentProfile ToProfile() => new(Title, Description, Tags ?? [], Language, Status ?? DocumentStatus.Draft);
}

/// <summary>A partial update: what is left out (or null) stays as it is; an empty description or language clears it.</summary>
public sealed record UpdateDocumentRequest(
    [property: StringLength(DocumentLimits.TitleMaxLength, MinimumLength = 1)] string? Title,
    [property: StringLength(DocumentLimits.DescriptionMaxLength)] string? Description,
    [property: MaxLength(DocumentLimits.MaxTags)] IReadOnlyList<string>? Tags,
    [property: StringLength(DocumentLimits.LanguageMaxLength)] string? Language,
    DocumentStatus? Status)
{
    public DocumentProfile Apply(DocumentView current) => new(
        Title ?? current.Title,
        Description ?? current.Description,
        Tags ?? current.Tags,
        Language ?? current.Language,
        Status ?? current.Status);
}

public sealed record AddMarkdownVersionRequest(
    [property: Required, StringLength(DocumentLimits.MarkdownMaxLength)] string Markdown,
    [property: StringLength(DocumentLimits.ChangeNoteMaxLength)] string? ChangeNote);

/// <summary>One version with its sections and their text: how a .docx or a Markdown version is read in the browser.</summary>
public sealed record DocumentVersionView(DocumentVersionSummary Version, IReadOnlyList<DocumentSection> Sections);
