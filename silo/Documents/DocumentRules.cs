using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Documents;

/// <summary>The checks and normalisations of a document's details, shared by the grain and the API's upload path.</summary>
public static partial class DocumentRules
{
    public const string DefaultFileName = "document";

    /// <summary>The profile as stored: trimmed texts, tags folded to lower case without repeats, a well-formed language tag.</summary>
    public static DocumentProfile Normalise(DocumentProfile profile)
    {
        var title = (profile.Title ?? "").Trim();
        if (title.Length is 0 or > DocumentLimits.TitleMaxLength)
        {
            throw Invalid($"A title is 1 to {DocumentLimits.TitleMaxLength} characters.");
        }

        var description = string.IsNullOrWhiteSpace(profile.Description) ? null : profile.Description.Trim();
        if (description?.Length > DocumentLimits.DescriptionMaxLength)
        {
            throw Invalid($"A description is at most {DocumentLimits.DescriptionMaxLength} characters.");
        }

        if (!Enum.IsDefined(profile.Status))
        {
            throw Invalid("Unknown status.");
        }

        return new DocumentProfile(title, description, Tags(profile.Tags ?? []), Language(profile.Language), profile.Status);
    }

    public static List<string> Tags(IEnumerable<string> tags)
    {
        List<string> result = [];
        foreach (var raw in tags)
        {
            var tag = WhiteSpace().Replace((raw ?? "").Trim(), " ").ToLowerInvariant();
            if (tag.Length == 0 || result.Contains(tag))
            {
                continue;
            }

            if (tag.Length > DocumentLimits.TagMaxLength || tag.Any(char.IsControl))
            {
                throw Invalid($"A tag is at most {DocumentLimits.TagMaxLength} characters.");
            }

            result.Add(tag);
        }

        return result.Count > DocumentLimits.MaxTags ? throw Invalid($"A document has at most {DocumentLimits.MaxTags} tags.") : result;
    }

    /// <summary>A BCP 47 tag (RFC 5646 syntax), in its usual case: "es", "fr-CA", "zh-Hant-TW"; null when none is given.</summary>
    public static string? Language(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var tag = language.Trim();
        if (tag.Length > DocumentLimits.LanguageMaxLength || !LanguageTag().IsMatch(tag))
        {
            throw Invalid("The language must be a BCP 47 tag such as \"es\" or \"fr-CA\".");
        }

        var parts = tag.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i == 0 ? parts[i].ToLowerInvariant()
                : parts[i].Length == 4 && char.IsAsciiLetter(parts[i][0]) ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant()
                : parts[i].Length == 2 ? parts[i].ToUpperInvariant()
                : parts[i].ToLowerInvariant();
        }

        return string.Join('-', parts);
    }

    /// <summary>The summary of version <paramref name="number"/> from what the API stored, checked as the grain keeps it.</summary>
    public static DocumentVersionSummary Version(AddVersionCommand command, int number, Guid author, DateTimeOffset at)
    {
        if (!Enum.IsDefined(command.Source) || command.Size < 0 || command.Sha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigitLower))
        {
            throw Invalid("A version needs its source, its size and its SHA-256 as lower-case hex.");
        }

        if (string.IsNullOrWhiteSpace(command.ContentType) || command.ContentType.Length > ContentTypeMaxLength)
        {
            throw Invalid($"A content type is 1 to {ContentTypeMaxLength} characters.");
        }

        if (command.Sections.Count > DocumentLimits.MaxSections)
        {
            throw new RejectedException(DocumentErrors.Unreadable, $"A version has at most {DocumentLimits.MaxSections} sections.");
        }

        return new DocumentVersionSummary(number, command.Source, FileName(command.FileName), command.ContentType.Trim(), command.Size, sha,
            author, at, ChangeNote(command.ChangeNote), command.Sections.Count);
    }

    public const int ContentTypeMaxLength = 255;

    public static string? ChangeNote(string? note)
    {
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return trimmed?.Length > DocumentLimits.ChangeNoteMaxLength
            ? throw Invalid($"A change note is at most {DocumentLimits.ChangeNoteMaxLength} characters.")
            : trimmed;
    }

    /// <summary>
    /// The name shown and offered on download, never a path: folders dropped, control characters (NUL included) and
    /// bidirectional overrides removed (they make "exe.txt" look like "txt.exe"), at most
    /// <see cref="DocumentLimits.FileNameMaxLength"/> characters with the extension kept; empty becomes "document".
    /// </summary>
    public static string FileName(string? name)
    {
        var last = (name ?? "").Split('/', '\\').LastOrDefault(p => p.Trim().Length > 0) ?? "";
        var cleaned = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            if (!Rune.IsControl(rune) && !IsBidiControl(rune.Value) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Surrogate)
            {
                cleaned.Append(rune.ToString());
            }
        }

        var result = cleaned.ToString().Trim().Trim('.').Trim();
        if (result.Length == 0)
        {
            return DefaultFileName;
        }

        if (result.Length <= DocumentLimits.FileNameMaxLength)
        {
            return result;
        }

        var dot = result.LastIndexOf('.');
        var extension = dot > 0 && result.Length - dot <= 16 ? result[dot..] : "";
        var stem = result[..(result.Length - extension.Length)];
        var keep = DocumentLimits.FileNameMaxLength - extension.Length;
        // Never cut a surrogate pair in half.
        if (keep > 0 && char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--;
        }

        return stem[..keep].TrimEnd() + extension;
    }

    private static bool IsBidiControl(int c) => c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C;

    public static RejectedException Invalid(string message) => new(DocumentErrors.InvalidInput, message);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-x(?:-[A-Za-z0-9]{1,8})+)?$")]
    private static partial Regex LanguageTag();
}
