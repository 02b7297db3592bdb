using System.Globalization;
using System.Text;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// A person's search text as words (runs of letters, digits and marks; everything else separates), the only part of it
/// that reaches either database's query syntax. Quotes, operators, brackets and SQL are separators here, so no query can
/// be malformed and no text is ever read as syntax; each word becomes a quoted term, all of them required.
/// </summary>
internal sealed class SearchWords
{
    private SearchWords(IReadOnlyList<string> words) => Words = words;

    /// <summary>Folded to lower case (invariant), at most <see cref="DocumentSearchLimits.QueryMaxWords"/>.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    public static SearchWords Parse(string? text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return new SearchWords(words);

        void Flush()
        {
            if (word.Length > 0 && words.Count < DocumentSearchLimits.QueryMaxWords)
            {
                words.Add(word.ToString().ToLowerInvariant());
            }

            word.Clear();
        }
    }

    /// <summary>
    /// An FTS5 query: every word as a string (FTS5 strings know no operators), the last also as a prefix when it has two
    /// characters or more (one character would match most of the index).
    /// </summary>
    public string ToFts5() => Join(" ", w => $"\"{w}\"", w => $"\"{w}\"*");

    /// <summary>A PostgreSQL tsquery for <c>to_tsquery</c>: words in quotes joined by AND, the last also as a prefix.</summary>
    public string ToTsQuery() => Join(" & ", w => $"'{w}'", w => $"'{w}':*");

    private string Join(string separator, Func<string, string> term, Func<string, string> prefix) =>
        string.Join(separator, Words.Select((w, i) => i == Words.Count - 1 && w.Length >= 2 ? prefix(w) : term(w)));

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
