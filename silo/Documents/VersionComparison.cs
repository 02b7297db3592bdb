using System.Text;
using DiffPlex;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Compares two versions' sections by id (<see cref="VersionDiff"/>), with a word-level diff (DiffPlex) of each
/// changed section's text.
/// </summary>
public static class VersionComparison
{
    /// <summary>
    /// Words, spaces and punctuation handed to the diff in one section: Myers' algorithm costs up to their number
    /// times the number of edits, so a long section rewritten throughout would otherwise take seconds. Shared text at
    /// both ends is set aside first, so a small edit in a long section still gets a word-level diff; a bigger middle
    /// shows as deleted and inserted whole.
    /// </summary>
    internal const int MaxDiffedTokens = 10_000;

    public static VersionDiff Compare(Guid documentId, int fromVersion, IReadOnlyList<DocumentSection> from, int toVersion, IReadOnlyList<DocumentSection> to)
    {
        var newer = new Dictionary<string, DocumentSection>(StringComparer.Ordinal);
        foreach (var section in to)
        {
            newer.TryAdd(section.SectionId, section);
        }

        var older = new Dictionary<string, DocumentSection>(StringComparer.Ordinal);
        // Removed sections follow the nearest section before them that the newer version kept (null: at the start).
        var removedAfter = new Dictionary<string, List<DocumentSection>>(StringComparer.Ordinal);
        var removedAtStart = new List<DocumentSection>();
        string? anchor = null;
        foreach (var section in from)
        {
            if (!older.TryAdd(section.SectionId, section))
            {
                continue;
            }

            if (newer.ContainsKey(section.SectionId))
            {
                anchor = section.SectionId;
            }
            else if (anchor is null)
            {
                removedAtStart.Add(section);
            }
            else
            {
                (removedAfter.TryGetValue(anchor, out var list) ? list : removedAfter[anchor] = []).Add(section);
            }
        }

        var sections = new List<SectionDiff>(to.Count + removedAtStart.Count);
        sections.AddRange(removedAtStart.Select(Removed));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in to)
        {
            if (!seen.Add(section.SectionId))
            {
                continue;
            }

            sections.Add(older.TryGetValue(section.SectionId, out var before) ? Kept(before, section) : Added(section));
            if (removedAfter.TryGetValue(section.SectionId, out var removed))
            {
                sections.AddRange(removed.Select(Removed));
            }
        }

        return new VersionDiff(documentId, fromVersion, toVersion,
            sections.Count(s => s.Change == SectionChange.Added),
            sections.Count(s => s.Change == SectionChange.Removed),
            sections.Count(s => s.Change == SectionChange.Changed),
            sections.Count(s => s.Change == SectionChange.Unchanged),
            sections);
    }

    /// <summary>
    /// The runs that turn <paramref name="before"/> into <paramref name="after"/>, word by word; a deletion comes before
    /// the insertion that replaces it.
    /// </summary>
    public static IReadOnlyList<TextRun> DiffWords(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var runs = new RunList();
        runs.Add(RunKind.Unchanged, a.AsSpan(0, prefix));
        var oldMiddle = a.AsSpan(prefix, a.Length - prefix - suffix);
        var newMiddle = b.AsSpan(prefix, b.Length - prefix - suffix);
        if (oldMiddle.Length + newMiddle.Length > MaxDiffedTokens)
        {
            runs.Add(RunKind.Deleted, oldMiddle);
            runs.Add(RunKind.Inserted, newMiddle);
        }
        else
        {
            // The middles start and end at token boundaries, so the chunker cuts their text into these same tokens.
            var oldTokens = oldMiddle.ToArray();
            var newTokens = newMiddle.ToArray();
            var diff = Differ.Instance.CreateDiffs(string.Concat(oldTokens), string.Concat(newTokens), ignoreWhiteSpace: false, ignoreCase: false, TokenChunker.Instance);
            var atOld = 0;
            foreach (var block in diff.DiffBlocks)
            {
                runs.Add(RunKind.Unchanged, oldTokens.AsSpan(atOld, block.DeleteStartA - atOld));
                runs.Add(RunKind.Deleted, oldTokens.AsSpan(block.DeleteStartA, block.DeleteCountA));
                runs.Add(RunKind.Inserted, newTokens.AsSpan(block.InsertStartB, block.InsertCountB));
                atOld = block.DeleteStartA + block.DeleteCountA;
            }

            runs.Add(RunKind.Unchanged, oldTokens.AsSpan(atOld));
        }

        runs.Add(RunKind.Unchanged, a.AsSpan(a.Length - suffix));
        return runs.Runs;
    }

    private static SectionDiff Kept(DocumentSection before, DocumentSection after) =>
        before.Text == after.Text && before.Level == after.Level
            ? new SectionDiff(after.SectionId, SectionChange.Unchanged, after.Level, after.Heading, after.Text, null, null)
            : new SectionDiff(after.SectionId, SectionChange.Changed, after.Level, after.Heading, after.Text,
                before.Level == after.Level ? null : before.Level, DiffWords(before.Text, after.Text));

    private static SectionDiff Added(DocumentSection section) =>
        new(section.SectionId, SectionChange.Added, section.Level, section.Heading, section.Text, null, null);

    private static SectionDiff Removed(DocumentSection section) =>
        new(section.SectionId, SectionChange.Removed, section.Level, section.Heading, section.Text, null, null);

    /// <summary>Runs of letters and digits (a word), runs of whitespace, and each other character on its own.</summary>
    private static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsLetterOrDigit(text, i) || char.IsSurrogate(text, i) || IsJoining(text[i]))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text, i) || char.IsSurrogate(text, i) || IsJoining(text[i])))
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(text, i))
            {
                while (i < text.Length && char.IsWhiteSpace(text, i))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            tokens.Add(text[start..i]);
        }

        return [.. tokens];
    }

    /// <summary>Combining marks (Arabic vowels, accents typed apart) and joiners belong to the word they are in.</summary>
    private static bool IsJoining(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.Format;

    private sealed class TokenChunker : IChunker
    {
        public static readonly TokenChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Tokens(text);
    }

    /// <summary>Appends tokens as runs, merging into the last run when it is of the same kind and skipping empty ones.</summary>
    private sealed class RunList
    {
        private readonly StringBuilder _pending = new();
        private readonly List<TextRun> _runs = [];
        private RunKind _kind;

        public IReadOnlyList<TextRun> Runs
        {
            get
            {
                Flush();
                return _runs;
            }
        }

        public void Add(RunKind kind, ReadOnlySpan<string> tokens)
        {
            if (tokens.IsEmpty)
            {
                return;
            }

            if (kind != _kind)
            {
                Flush();
                _kind = kind;
            }

            foreach (var token in tokens)
            {
                _pending.Append(token);
            }
        }

        private void Flush()
        {
            if (_pending.Length > 0)
            {
                _runs.Add(new TextRun(_kind, _pending.ToString()));
                _pending.Clear();
            }
        }
    }
}
