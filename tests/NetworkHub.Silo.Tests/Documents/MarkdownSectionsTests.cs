using System.Text;
using System.Text.RegularExpressions;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Silo.Tests.Documents;

public sealed partial class MarkdownSectionsTests
{
    private const string Plan = """
        Draft prepared by the secretariat.

        # National action plan

        The plan covers 2026–2030.

        Context
        =======

        Why a plan is needed.

        ## Objectives
        - Protect defenders
        - Fund shelters

        ```
        # not a heading: inside a code block
        ```

        Monitoring
        ----------
        Indicators *per* year.
        """;

    [Fact]
    public void ReadMarkdown_SplitsAtAtxAndSetextHeadings_NotInsideCodeBlocks()
    {
        var sections = DocumentSections.ReadMarkdown(Plan);

        Assert.Equal(
            [(0, ""), (1, "National action plan"), (1, "Context"), (2, "Objectives"), (2, "Monitoring")],
            sections.Select(s => (s.Level, s.Heading)));
        Assert.Equal("Draft prepared by the secretariat.", sections[0].Text);
        Assert.Equal("The plan covers 2026–2030.", sections[1].Text);
        Assert.Equal("Why a plan is needed.", sections[2].Text);
        Assert.Equal("- Protect defenders\n- Fund shelters\n\n```\n# not a heading: inside a code block\n```", sections[3].Text);
        Assert.Equal("Indicators *per* year.", sections[4].Text);
    }

    [Fact]
    public void ReadMarkdown_NoTextBeforeTheFirstHeading_HasNoFrontSection()
    {
        var sections = DocumentSections.ReadMarkdown("\n\n# Only\nText");

        var only = Assert.Single(sections);
        Assert.Equal((1, "Only", "Text"), (only.Level, only.Heading, only.Text));
    }

    [Fact]
    public void ReadMarkdown_NoHeadings_IsOneFrontSection()
    {
        var section = Assert.Single(DocumentSections.ReadMarkdown("Just a note,\nwith two lines."));

        Assert.Equal((0, "", "Just a note,\nwith two lines."), (section.Level, section.Heading, section.Text));
        Assert.Empty(DocumentSections.ReadMarkdown(""));
    }

    [Fact]
    public void ReadMarkdown_HeadingMarkup_IsLeftOutOfTheHeading()
    {
        var section = Assert.Single(DocumentSections.ReadMarkdown("## The *new* `code` and [link](https://example.org) &amp; <b>tag</b> ##"));

        Assert.Equal("The new code and link & tag", section.Heading);
    }

    [Fact]
    public void ReadMarkdown_FrontMatter_IsNotASection()
    {
        var sections = DocumentSections.ReadMarkdown("---\ntitle: Plan\nlang: es\n---\nIntro\n\n# One\nText");

        Assert.Equal([("", "Intro"), ("One", "Text")], sections.Select(s => (s.Heading, s.Text)));
    }

    [Fact]
    public void ReadMarkdown_DuplicateHeadings_GetDistinctIdsByOccurrence()
    {
        var sections = DocumentSections.ReadMarkdown("# Comments\na\n# Annex\nb\n# comments\nc\n#  COMMENTS \nd");

        Assert.Equal(4, sections.Select(s => s.SectionId).Distinct().Count());
        Assert.Equal(SectionList.IdOf("comments", 0), sections[0].SectionId);
        Assert.Equal(SectionList.IdOf("comments", 1), sections[2].SectionId);
        Assert.Equal(SectionList.IdOf("comments", 2), sections[3].SectionId);
    }

    [Fact]
    public void ReadMarkdown_SectionIds_AreUrlSafeAndFreeOfTheHeading()
    {
        var sections = DocumentSections.ReadMarkdown("Front\n# Plan de acción nacional\n# خطة العمل الوطنية\n# <script>alert(1)</script>");

        Assert.All(sections, s => Assert.Matches(SectionIdPattern(), s.SectionId));
        Assert.Equal(4, sections.Select(s => s.SectionId).Distinct().Count());
    }

    [Fact]
    public void ReadMarkdown_UnicodeHeadings_AreNormalisedForTheirIds()
    {
        // Precomposed ó against O + combining acute in capitals; Arabic with a doubled space; the lam-alef ligature's
        // presentation form (NFKC makes it لا); full-width Latin letters.
        var first = DocumentSections.ReadMarkdown("# Participación ciudadana\n# خطة العمل الوطنية\n# ﻻ تراجع\n# ＰＬＡＮ");
        var second = DocumentSections.ReadMarkdown("# PARTICIPACIO\u0301N   CIUDADANA\n# خطة  العمل الوطنية\n# لا تراجع\n# plan");

        Assert.Equal(first.Select(s => s.SectionId), second.Select(s => s.SectionId));
        Assert.Equal("Participación ciudadana", first[0].Heading);
        Assert.Equal("خطة العمل الوطنية", first[1].Heading);
    }

    [Fact]
    public void ReadMarkdown_NewVersion_KeepsTheIdsOfKeptHeadingsOnly()
    {
        var v1 = DocumentSections.ReadMarkdown("Intro\n# Context\nOld context.\n# Objectives\nA.\n# Budget\nNone yet.");
        var v2 = DocumentSections.ReadMarkdown("Intro, revised.\n# Summary\nNew.\n# Context\nNew context.\n# Goals\nA.\n# Budget\nNone yet.");

        var before = v1.ToDictionary(s => s.Heading, s => s.SectionId);
        var after = v2.ToDictionary(s => s.Heading, s => s.SectionId);
        Assert.Equal(before[""], after[""]);
        Assert.Equal(before["Context"], after["Context"]);
        Assert.Equal(before["Budget"], after["Budget"]);
        Assert.DoesNotContain(after["Goals"], before.Values);
        Assert.DoesNotContain(after["Summary"], before.Values);
    }

    [Fact]
    public void ReadMarkdown_LongHeading_IsCutToTheLimit()
    {
        var heading = string.Concat(Enumerable.Repeat("Ñandú ", 200));

        var section = Assert.Single(DocumentSections.ReadMarkdown($"# {heading}"));

        Assert.True(section.Heading.Length <= DocumentLimits.HeadingMaxLength);
        Assert.StartsWith("Ñandú Ñandú", section.Heading);
    }

    [Fact]
    public void ReadMarkdown_MoreSectionsThanTheLimit_IsUnreadable()
    {
        var markdown = string.Concat(Enumerable.Range(0, DocumentLimits.MaxSections + 1).Select(i => $"# H{i}\n"));

        var error = Assert.Throws<InvalidInputException>(() => DocumentSections.ReadMarkdown(markdown));

        Assert.Equal(DocumentErrors.Unreadable, error.Code);
        Assert.Equal(DocumentLimits.MaxSections, DocumentSections.ReadMarkdown(markdown[..markdown.LastIndexOf('#')]).Count);
    }

    [Fact]
    public void ReadMarkdown_DeepEmphasisInAHeading_IsRead()
    {
        var section = Assert.Single(DocumentSections.ReadMarkdown("# " + new string('*', 100_000) + "deep" + new string('*', 100_000)));

        Assert.Equal("deep", section.Heading);
    }

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    public void ReadMarkdown_NestedDeeperThanMarkdigReads_IsUnreadable(char opener)
    {
        var error = Assert.Throws<InvalidInputException>(() => DocumentSections.ReadMarkdown("# Fine\n" + new string(opener, 50_000) + " deep"));

        Assert.Equal(DocumentErrors.Unreadable, error.Code);
    }

    [Fact]
    public void Read_MarkdownStream_IsReadByTypeOrName_WithCrLfAndBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Intro\r\n# Uno\r\nTexto\r\nmás")).ToArray();

        var byType = DocumentSections.Read(new MemoryStream(bytes), "text/markdown; charset=utf-8", "upload");
        var byName = DocumentSections.Read(new MemoryStream(bytes), "application/octet-stream", "plan.MD");

        Assert.Equal([("", "Intro"), ("Uno", "Texto\nmás")], byType.Select(s => (s.Heading, s.Text)));
        Assert.Equal(byType, byName);
        Assert.Empty(DocumentSections.Read(new MemoryStream(bytes), "application/pdf", "plan.pdf"));
    }

    [Fact]
    public async Task ReadAsync_MarkdownLongerThanTheLimit_IsUnreadable()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', DocumentLimits.MarkdownMaxLength + 1));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            DocumentSections.ReadAsync(new MemoryStream(bytes), "text/markdown", "a.md", bytes.Length, TestContext.Current.CancellationToken));

        Assert.Equal(DocumentErrors.Unreadable, error.Code);
    }

    [Theory]
    [InlineData("text/markdown", "x", true)]
    [InlineData("TEXT/X-MARKDOWN", "x", true)]
    [InlineData("application/octet-stream", "notes.markdown", true)]
    [InlineData(DocumentSections.DocxContentType, "x", true)]
    [InlineData("application/octet-stream", "Plan.DOCX", true)]
    [InlineData("application/pdf", "plan.pdf", false)]
    [InlineData("text/plain", "plan.txt", false)]
    [InlineData("", "", false)]
    public void CanRead_KnowsMarkdownAndWordByTypeOrName(string contentType, string fileName, bool expected) =>
        Assert.Equal(expected, DocumentSections.CanRead(contentType, fileName));

    [GeneratedRegex("^s-[a-z2-7]{12}$")]
    private static partial Regex SectionIdPattern();
}
