using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>
/// Hostile texts in every place a person's words reach the Markdown record, read back by a real Markdown parser with
/// the extensions renderers commonly turn on (autolinks, tables, footnotes, task lists, emoji, math): the record
/// must have the same structure as with harmless words, and every word must come out as written.
/// </summary>
public sealed class LiveSessionMarkdownTests
{
    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseEmojiAndSmiley().Build();

    public static TheoryData<string> HostileTexts =>
    [
        "https://evil.example/steal?token=1",
        "www.evil.example",
        "write to x@evil.example",
        "<x@evil.example>",
        "<https://evil.example>",
        "[click here](https://evil.example)",
        "![tracker](https://evil.example/pixel.png)",
        "[ref]\n\n[ref]: https://evil.example",
        "# Not a heading",
        "Not a heading\n===",
        "Not a heading\n---",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1. not a list",
        "1) not a list",
        "- [x] not a task",
        "> not a quote",
        "    not code",
        "```\nnot code\n```",
        "`not code`",
        "<script>alert(1)</script>",
        "<b onmouseover=alert(1)>not bold</b>",
        "<!-- not a comment -->",
        "**not bold** _not emphasis_ ~~not struck~~",
        "| not | a table |\n|---|---|\n| x | y |",
        "&copy; &lt;b&gt; &#60;",
        "ends with a backslash\\",
        "not a footnote[^1]\n\n[^1]: note",
        ":smile: :) not emoji",
        "$x^2$ not math",
        "***",
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Record_KeepsHostileTextAsPlainText(string text)
    {
        var markdown = LiveSessionMarkdown.Write(RecordWith(text));

        Assert.Equal(Shape(LiveSessionMarkdown.Write(RecordWith("plain words"))), Shape(markdown));
        var plain = Markdown.ToPlainText(markdown, Renderer);
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            Assert.Contains(line, plain, StringComparison.Ordinal);
        }
    }

    /// <summary>Every block and inline the parser made, except text itself and line breaks (texts differ in lines).</summary>
    private static string Shape(string markdown) => string.Join(" ", Markdown.Parse(markdown, Renderer).Descendants()
        .Where(node => node is not (LiteralInline or LineBreakInline or HtmlEntityInline or ParagraphBlock))
        .Select(node => node is HeadingBlock heading ? $"H{heading.Level}" : node.GetType().Name));

    private static LiveSessionRecord RecordWith(string text)
    {
        var at = new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero);
        var (itemId, roomId, authorId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var details = new LiveSessionDetails(
            Guid.NewGuid(), Guid.NewGuid(), text, text, at, at.AddHours(1), "America/Bogota", [text], LiveSessionStatus.Closed,
            [new AgendaItem(itemId, text, AgendaFormat.Plenary, 20)], 0, null, [], null, 9);
        var content = new ItemContent(
            itemId,
            [new Contribution(Guid.NewGuid(), itemId, roomId, authorId, text, text, null, at.AddMinutes(5), [])],
            null,
            new PollResult([text, "no"], [3, 1], 4, true),
            [new StatementTally(Guid.NewGuid(), text, 2, 1, 0)],
            null,
            [new BreakoutRoom(roomId, text, [authorId], authorId, at.AddMinutes(30), text)],
            text);
        return new LiveSessionRecord(details, [content], [new AttendanceEntry(authorId, text, at)], []);
    }
}
