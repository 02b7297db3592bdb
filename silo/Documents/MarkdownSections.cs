using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Splits Markdown at its top-level ATX and setext headings as Markdig parses them, so a "#" line inside a fenced code
/// block, an HTML block or a block quote stays text. A section's text is the Markdown source between its heading and
/// the next one, unchanged, so it renders as written; a YAML front matter block is metadata and is left out.
/// </summary>
internal static class MarkdownSections
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static void Split(string markdown, SectionList sections)
    {
        // One line ending throughout, so a file saved on another system yields the same text and text hashes.
        markdown = markdown.ReplaceLineEndings("\n");
        var document = Markdown.Parse(markdown, Pipeline);

        var start = 0;
        var level = 0;
        var heading = "";
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock frontMatter)
            {
                start = Math.Max(start, frontMatter.Span.End + 1);
            }
            else if (block is HeadingBlock next)
            {
                sections.Add(level, heading, Slice(markdown, start, next.Span.Start));
                level = next.Level;
                heading = PlainText(next.Inline);
                start = next.Span.End + 1;
            }
        }

        sections.Add(level, heading, Slice(markdown, start, markdown.Length));
    }

    private static string Slice(string markdown, int start, int end) =>
        start < end ? markdown[Math.Min(start, markdown.Length)..Math.Min(end, markdown.Length)] : "";

    /// <summary>
    /// What a reader sees of a heading: literal text, code and link text, without markup or HTML tags. Walked with a
    /// stack of its own: emphasis can nest as deep as the line is long.
    /// </summary>
    private static string PlainText(ContainerInline? heading)
    {
        var text = new StringBuilder();
        var pending = new Stack<Inline>();
        if (heading is not null)
        {
            pending.Push(heading);
        }

        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline link:
                    text.Append(link.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
