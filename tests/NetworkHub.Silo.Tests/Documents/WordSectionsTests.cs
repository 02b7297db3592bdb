using Markdig;
using NetworkHub.Contracts.Documents;
using NetworkHub.Silo.Documents;
using static NetworkHub.Silo.Tests.Documents.WordFile;

namespace NetworkHub.Silo.Tests.Documents;

public sealed class WordSectionsTests
{
    private static IReadOnlyList<DocumentSection> Read(Stream docx) =>
        DocumentSections.Read(docx, DocumentSections.DocxContentType, "plan.docx");

    [Fact]
    public void Read_SplitsAtHeadingStylesAndOutlineLevels()
    {
        using var docx = Write(
            Para("Prepared by the secretariat."),
            Styled("Title", Text("National action plan")),
            Heading(1, "Context"),
            Para("Why a plan."),
            Styled("Titre1", Text("Participación")),
            Para("Localised heading style."),
            Styled("Chapter", Text("Chapter based on Heading 2")),
            Outlined(2, "Outline level three"),
            Heading(9, "Deepest"),
            Heading(2, "   "),
            Para("An empty heading paragraph is no heading."));

        var sections = Read(docx);

        Assert.Equal(
            [(0, ""), (1, "National action plan"), (1, "Context"), (1, "Participación"), (2, "Chapter based on Heading 2"), (3, "Outline level three"), (9, "Deepest")],
            sections.Select(s => (s.Level, s.Heading)));
        Assert.Equal("Prepared by the secretariat.", sections[0].Text);
        Assert.Equal("Why a plan.", sections[2].Text);
        Assert.Equal("Localised heading style.", sections[3].Text);
        Assert.Equal("", sections[4].Text);
        Assert.Equal("An empty heading paragraph is no heading.", sections[6].Text);
    }

    [Fact]
    public void Read_ListsBecomeMarkdownLists()
    {
        using var docx = Write(
            Heading(1, "Objectives"),
            ListItem(BulletList, 0, Text("Protect defenders")),
            ListItem(BulletList, 1, Text("In rural areas")),
            ListItem(BulletList, 0, Text("Fund shelters")),
            Para("Steps:"),
            ListItem(NumberedList, 0, Text("Consult")),
            ListItem(NumberedList, 0, Text("Adopt")),
            ListItem(NumberedList, 3, Text("Deeper than the level above")),
            Styled("ListBullet", Text("Bullet by style")));

        var section = Assert.Single(Read(docx));

        Assert.Equal(
            "- Protect defenders\n  - In rural areas\n- Fund shelters\n\nSteps:\n\n1. Consult\n1. Adopt\n   1. Deeper than the level above\n- Bullet by style",
            section.Text);
    }

    [Fact]
    public void Read_FormattingTablesAndBreaks_BecomeMarkdown()
    {
        using var docx = Write(
            Heading(1, "Budget"),
            Para(Text("Costs are "), Bold("estimates "), Text("and "), Italic("provisional"), Text(".")),
            Para(Text("First line"), LineBreak(), Text("second line")),
            Table(["Item", "Cost"], ["Shelter", "10"], ["Training | travel", "5"]));

        var section = Assert.Single(Read(docx));

        Assert.Equal(
            "Costs are **estimates** and *provisional*.\n\nFirst line\\\nsecond line\n\n| Item | Cost |\n| --- | --- |\n| Shelter | 10 |\n| Training \\| travel | 5 |",
            section.Text);
        var html = Markdown.ToHtml(section.Text, new MarkdownPipelineBuilder().UsePipeTables().Build());
        Assert.Contains("<strong>estimates</strong>", html);
        Assert.Contains("<td>Training | travel</td>", html);
        Assert.Contains("first line<br />", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_MarkdownInWordText_IsEscapedNotInterpreted()
    {
        using var docx = Write(
            Heading(1, "Hostile *heading* <script>"),
            Para(Bold("**not** <script>alert(1)</script> [x](javascript:alert(1)) `code`")),
            Para("# not a heading"),
            Para("- not a list"),
            Para("1. not numbered"),
            Para("==="),
            Para("&lt;b&gt; ![img](https://example.org/i.png) ~~struck~~ _under_ \\"));

        var section = Assert.Single(Read(docx));
        var html = Markdown.ToHtml(section.Text, new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build());

        Assert.Equal("Hostile *heading* <script>", section.Heading);
        Assert.Equal(
            "<p><strong>**not** &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) `code`</strong></p>\n"
            + "<p># not a heading</p>\n<p>- not a list</p>\n<p>1. not numbered</p>\n<p>===</p>\n"
            + "<p>&amp;lt;b&amp;gt; ![img](https://example.org/i.png) ~~struck~~ _under_ \\</p>\n",
            html);
    }

    [Fact]
    public void Read_ArabicHeadingsAndBoldByComplexScript()
    {
        using var docx = Write(
            Heading(1, "خطة العمل الوطنية"),
            Para(new DocumentFormat.OpenXml.Wordprocessing.Run(
                new DocumentFormat.OpenXml.Wordprocessing.RunProperties(new DocumentFormat.OpenXml.Wordprocessing.BoldComplexScript()),
                new DocumentFormat.OpenXml.Wordprocessing.Text("حماية المدافعين"))));

        var section = Assert.Single(Read(docx));

        Assert.Equal(("خطة العمل الوطنية", "**حماية المدافعين**"), (section.Heading, section.Text));
        Assert.Equal(DocumentSections.ReadMarkdown("# خطة العمل الوطنية")[0].SectionId, section.SectionId);
    }

    [Fact]
    public void Read_NewVersion_KeepsTheIdsOfKeptHeadingsOnly()
    {
        using var v1 = Write(Para("Intro"), Heading(1, "Context"), Para("Old."), Heading(1, "Objectives"), Para("A."), Heading(1, "Budget"), Para("B."));
        using var v2 = Write(
            Para("Intro, revised"),
            Heading(1, "Summary"),
            Para("Inserted before."),
            Heading(2, "Context"),
            Para("New."),
            Heading(1, "Goals"),
            Para("A."),
            Heading(1, "Budget"),
            Para("B."));

        var before = Read(v1).ToDictionary(s => s.Heading, s => s.SectionId);
        var after = Read(v2).ToDictionary(s => s.Heading, s => s.SectionId);

        Assert.Equal(before[""], after[""]);
        Assert.Equal(before["Context"], after["Context"]);
        Assert.Equal(before["Budget"], after["Budget"]);
        Assert.DoesNotContain(after["Goals"], before.Values);
        Assert.DoesNotContain(after["Summary"], before.Values);
    }

    [Fact]
    public async Task ReadAsync_StreamThatCannotSeek_IsCopiedAndReadTheSame()
    {
        using var docx = Write(Heading(1, "Context"), Para("Text."));
        var expected = Read(new MemoryStream(docx.ToArray()));

        var sections = await DocumentSections.ReadAsync(new ForwardOnlyStream(docx), "application/octet-stream", "plan.docx", docx.Length, TestContext.Current.CancellationToken);
        var synchronously = DocumentSections.Read(new ForwardOnlyStream(new MemoryStream(docx.ToArray())), "application/octet-stream", "plan.docx");

        Assert.Equal(expected, sections);
        Assert.Equal(expected, synchronously);
        Assert.Equal("Context", sections[0].Heading);
    }

    /// <summary>A stream over content as a database driver gives it: read once, front to back.</summary>
    internal sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
