using NetworkHub.Contracts.Documents;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Silo.Tests.Documents;

public sealed class VersionComparisonTests
{
    private static readonly Guid Document = Guid.CreateVersion7();

    private static VersionDiff Compare(string older, string newer) =>
        VersionComparison.Compare(Document, 1, DocumentSections.ReadMarkdown(older), 2, DocumentSections.ReadMarkdown(newer));

    [Fact]
    public void Compare_AddedRemovedChangedAndUnchanged_InTheNewerOrderWithRemovedWhereTheyStood()
    {
        var diff = Compare(
            "Intro\n# Context\nSame.\n# Annex A\nGone.\n# Annex B\nGone too.\n# Objectives\nProtect defenders.\n# Budget\nTen.",
            "Intro\n# Summary\nNew.\n# Context\nSame.\n# Objectives\nProtect all defenders.\n## Budget\nTen.\n# Renamed annex\nNew too.");

        Assert.Equal((Document, 1, 2), (diff.DocumentId, diff.FromVersion, diff.ToVersion));
        Assert.Equal(
            [
                ("", SectionChange.Unchanged),
                ("Summary", SectionChange.Added),
                ("Context", SectionChange.Unchanged),
                ("Annex A", SectionChange.Removed),
                ("Annex B", SectionChange.Removed),
                ("Objectives", SectionChange.Changed),
                ("Budget", SectionChange.Changed),
                ("Renamed annex", SectionChange.Added),
            ],
            diff.Sections.Select(s => (s.Heading, s.Change)));
        Assert.Equal((2, 2, 2, 2), (diff.Added, diff.Removed, diff.Changed, diff.Unchanged));
        Assert.Equal("Gone.", diff.Sections[3].Text);
        Assert.Equal("Protect all defenders.", diff.Sections[5].Text);
        Assert.Null(diff.Sections[5].PreviousLevel);

        var budget = diff.Sections[6];
        Assert.Equal((2, 1), (budget.Level, budget.PreviousLevel));
        Assert.Equal([new TextRun(RunKind.Unchanged, "Ten.")], budget.Runs);
        Assert.All(diff.Sections.Where(s => s.Change != SectionChange.Changed), s => Assert.Null(s.Runs));
    }

    [Fact]
    public void Compare_SectionRemovedFromTheStart_ComesFirst()
    {
        var diff = Compare("# Old preface\nP.\n# Context\nC.", "# Context\nC.");

        Assert.Equal([("Old preface", SectionChange.Removed), ("Context", SectionChange.Unchanged)], diff.Sections.Select(s => (s.Heading, s.Change)));
    }

    [Fact]
    public void Compare_SameVersion_IsAllUnchanged()
    {
        var diff = Compare("A\n# B\nb\n# B\nb", "A\n# B\nb\n# B\nb");

        Assert.Equal((0, 0, 0, 3), (diff.Added, diff.Removed, diff.Changed, diff.Unchanged));
    }

    [Fact]
    public void DiffWords_ChangesWordByWord()
    {
        var runs = VersionComparison.DiffWords(
            "The committee shall protect defenders in rural areas.",
            "The committee must protect human rights defenders in all areas.");

        Assert.Equal(
            [
                new TextRun(RunKind.Unchanged, "The committee "),
                new TextRun(RunKind.Deleted, "shall"),
                new TextRun(RunKind.Inserted, "must"),
                new TextRun(RunKind.Unchanged, " protect"),
                new TextRun(RunKind.Inserted, " human rights"),
                new TextRun(RunKind.Unchanged, " defenders in "),
                new TextRun(RunKind.Deleted, "rural"),
                new TextRun(RunKind.Inserted, "all"),
                new TextRun(RunKind.Unchanged, " areas."),
            ],
            runs);
    }

    [Theory]
    [InlineData("", "new text")]
    [InlineData("old text", "")]
    [InlineData("participación ciudadana", "participación de la ciudadanía")]
    [InlineData("حماية المدافعين عن حقوق الإنسان", "حماية جميع المدافعين عن حقوق الإنسان")]
    [InlineData("line one\nline two\n\n- item", "line one\nline 2\n\n- item\n- another")]
    public void DiffWords_RunsRebuildBothTexts(string before, string after)
    {
        var runs = VersionComparison.DiffWords(before, after);

        Assert.Equal(before, string.Concat(runs.Where(r => r.Kind != RunKind.Inserted).Select(r => r.Text)));
        Assert.Equal(after, string.Concat(runs.Where(r => r.Kind != RunKind.Deleted).Select(r => r.Text)));
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.NotEqual(pair.First.Kind, pair.Second.Kind));
    }

    [Fact]
    public void DiffWords_ArabicWordInserted_IsOneInsertedWord()
    {
        var runs = VersionComparison.DiffWords("حماية المدافعين", "حماية جميع المدافعين");

        Assert.Equal([new TextRun(RunKind.Unchanged, "حماية "), new TextRun(RunKind.Inserted, "جميع "), new TextRun(RunKind.Unchanged, "المدافعين")], runs);
    }

    [Fact]
    public void DiffWords_LongSectionRewrittenThroughout_IsDeletedAndInsertedWhole()
    {
        var before = string.Join(" ", Enumerable.Range(0, VersionComparison.MaxDiffedTokens).Select(i => $"a{i}"));
        var after = string.Join(" ", Enumerable.Range(0, VersionComparison.MaxDiffedTokens).Select(i => $"b{i}"));

        var runs = VersionComparison.DiffWords("Start " + before + " end", "Start " + after + " end");

        Assert.Equal([RunKind.Unchanged, RunKind.Deleted, RunKind.Inserted, RunKind.Unchanged], runs.Select(r => r.Kind));
        Assert.Equal(("Start ", " end"), (runs[0].Text, runs[3].Text));
    }

    [Fact]
    public void DiffWords_OneWordChangedInALongSection_StaysWordLevel()
    {
        var words = Enumerable.Range(0, 3 * VersionComparison.MaxDiffedTokens).Select(i => $"w{i}").ToArray();
        var before = string.Join(" ", words);
        words[words.Length / 2] = "changed";

        var runs = VersionComparison.DiffWords(before, string.Join(" ", words));

        Assert.Equal([RunKind.Unchanged, RunKind.Deleted, RunKind.Inserted, RunKind.Unchanged], runs.Select(r => r.Kind));
        Assert.Equal(($"w{words.Length / 2}", "changed"), (runs[1].Text, runs[2].Text));
    }
}
