using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Collects a version's sections as a reader finds them, giving each its stable id and holding the document limits:
/// at most <see cref="DocumentLimits.MaxSections"/> sections and <see cref="DocumentLimits.MarkdownMaxLength"/>
/// characters of text in all (the same bound as Markdown written in the platform, so an uploaded file never yields
/// more text than the platform accepts when typed).
/// </summary>
internal sealed class SectionList
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly List<DocumentSection> _sections = [];
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private long _characters;

    public IReadOnlyList<DocumentSection> Sections => _sections;

    /// <summary>
    /// Adds a section. The part before the first heading (level 0, empty heading) is left out when it has no text;
    /// a heading section is kept even when empty, because its heading is content and comments may anchor to it.
    /// </summary>
    public void Add(int level, string heading, string text)
    {
        heading = Cut(CollapseWhitespace(heading));
        text = text.Trim();
        if (level == 0 && heading.Length == 0 && text.Length == 0)
        {
            return;
        }

        if (_sections.Count == DocumentLimits.MaxSections)
        {
            throw new InvalidInputException(DocumentErrors.Unreadable, $"The document has more than {DocumentLimits.MaxSections} sections.");
        }

        _characters += heading.Length + text.Length;
        if (_characters > DocumentLimits.MarkdownMaxLength)
        {
            throw new InvalidInputException(DocumentErrors.Unreadable, $"The document has more than {DocumentLimits.MarkdownMaxLength} characters of text.");
        }

        var key = Normalise(heading);
        var occurrence = _occurrences.GetValueOrDefault(key);
        _occurrences[key] = occurrence + 1;
        _sections.Add(new DocumentSection(IdOf(key, occurrence), level, heading, text));
    }

    /// <summary>
    /// "s-" and 12 base32 characters (60 bits) of the SHA-256 of the normalised heading and how many equal headings
    /// came before it: the same in every version that keeps the heading, URL-safe, and without the heading's text
    /// (ids travel in URLs and logs, where a heading could say more than it should).
    /// </summary>
    public static string IdOf(string normalisedHeading, int occurrence)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{normalisedHeading}\0{occurrence.ToString(CultureInfo.InvariantCulture)}"), hash);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash);
        Span<char> id = stackalloc char[14];
        id[0] = 's';
        id[1] = '-';
        for (var i = 0; i < 12; i++)
        {
            id[2 + i] = Base32Alphabet[(int)(bits >> (59 - (5 * i))) & 31];
        }

        return new string(id);
    }

    /// <summary>
    /// Compatibility forms made equal (NFKC), case folded (upper then lower, so e.g. a final sigma folds as a sigma),
    /// whitespace collapsed: a heading retyped with other spaces or capitals keeps its id.
    /// </summary>
    public static string Normalise(string heading) =>
        CollapseWhitespace(heading.Normalize(NormalizationForm.FormKC)).ToUpperInvariant().ToLowerInvariant();

    public static string CollapseWhitespace(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Cuts at a whole text element, so a long heading never ends in half a surrogate pair or combining sequence.</summary>
    private static string Cut(string heading)
    {
        if (heading.Length <= DocumentLimits.HeadingMaxLength)
        {
            return heading;
        }

        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(heading);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > DocumentLimits.HeadingMaxLength)
            {
                break;
            }

            length = next;
        }

        return heading[..length].TrimEnd();
    }
}
