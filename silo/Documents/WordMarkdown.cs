using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// The body text of a Word file as simple Markdown: paragraphs, bold and italic, line breaks, tables as pipe tables.
/// Every character that Markdown could read as markup is escaped, so what a .docx says is shown as text and can never
/// become a link, an image, HTML or structure of its own.
/// </summary>
internal static class WordMarkdown
{
    /// <summary>Backslash-escaped wherever they occur: emphasis, code, links, HTML, entities, tables, strikethrough, headings.</summary>
    private const string AlwaysEscaped = "\\`*_[]<>&|~#";

    /// <summary>The text of a paragraph as Markdown lines (one per line break), without list marker or indentation.</summary>
    public static List<string> Lines(Paragraph paragraph)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var runs = new List<(string Text, bool Bold, bool Italic)>();
        foreach (var piece in Pieces(paragraph))
        {
            if (piece.Text is null)
            {
                lines.Add(Render(runs, line));
                runs.Clear();
            }
            else
            {
                runs.Add((piece.Text, piece.Bold, piece.Italic));
            }
        }

        lines.Add(Render(runs, line));
        return lines;
    }

    /// <summary>The text of a paragraph with no markup at all, as a heading shows it.</summary>
    public static string PlainText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var piece in Pieces(paragraph))
        {
            text.Append(piece.Text ?? " ");
        }

        return text.ToString();
    }

    /// <summary>A pipe table: the first row as its header, merged cells as empty ones, each cell's paragraphs on one line.</summary>
    public static string Table(Table table)
    {
        var rows = new List<List<string>>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var text = string.Join(" ", cell.Descendants<Paragraph>()
                    .SelectMany(Lines)
                    .Where(l => l.Length > 0));
                cells.Add(text);
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                for (var i = 1; i < Math.Min(span, 64); i++)
                {
                    cells.Add("");
                }
            }

            rows.Add(cells);
        }

        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (columns == 0)
        {
            return "";
        }

        var markdown = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            AppendRow(markdown, rows[r], columns);
            if (r == 0)
            {
                AppendRow(markdown, Enumerable.Repeat("---", columns).ToList(), columns);
            }
        }

        return markdown.ToString().TrimEnd('\n');
    }

    private static void AppendRow(StringBuilder markdown, List<string> cells, int columns)
    {
        markdown.Append('|');
        for (var c = 0; c < columns; c++)
        {
            markdown.Append(' ').Append(c < cells.Count ? cells[c] : "").Append(" |");
        }

        markdown.Append('\n');
    }

    /// <summary>
    /// One line: runs of equal formatting merged, emphasis markers placed inside the surrounding whitespace (a marker
    /// next to a space is not emphasis in Markdown), leading whitespace dropped (four spaces would make a code block).
    /// </summary>
    private static string Render(List<(string Text, bool Bold, bool Italic)> runs, StringBuilder line)
    {
        line.Clear();
        var i = 0;
        while (i < runs.Count)
        {
            var (bold, italic) = (runs[i].Bold, runs[i].Italic);
            var text = new StringBuilder();
            for (; i < runs.Count && runs[i].Bold == bold && runs[i].Italic == italic; i++)
            {
                text.Append(runs[i].Text);
            }

            var raw = text.ToString();
            if (line.Length == 0)
            {
                raw = raw.TrimStart();
            }

            var content = raw.Trim();
            if (content.Length == 0)
            {
                line.Append(raw);
                continue;
            }

            var marker = (bold, italic) switch
            {
                (true, true) => "***",
                (true, false) => "**",
                (false, true) => "*",
                _ => "",
            };
            line.Append(raw.AsSpan(0, raw.Length - raw.TrimStart().Length))
                .Append(marker)
                .Append(Escape(content, atLineStart: line.Length == 0))
                .Append(marker)
                .Append(raw.AsSpan(raw.TrimEnd().Length));
        }

        return line.ToString().TrimEnd();
    }

    /// <summary>
    /// Escapes Word text for Markdown. At the start of a line also what opens a block there: a list item ("-", "+", "1."
    /// or "1)") or a setext underline ("=", "-").
    /// </summary>
    public static string Escape(string text, bool atLineStart)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var start = 0;
        if (atLineStart)
        {
            if (text.Length > 0 && text[0] is '-' or '+' or '=')
            {
                escaped.Append('\\').Append(text[0]);
                start = 1;
            }
            else
            {
                var digits = 0;
                while (digits < text.Length && char.IsAsciiDigit(text[digits]))
                {
                    digits++;
                }

                if (digits > 0 && digits < text.Length && text[digits] is '.' or ')')
                {
                    escaped.Append(text, 0, digits).Append('\\').Append(text[digits]);
                    start = digits + 1;
                }
            }
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (AlwaysEscaped.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The paragraph's visible text in reading order with its direct formatting; a null text is a line break. Follows
    /// hyperlinks, fields, insertions and content controls; leaves out deleted and moved-away text.
    /// </summary>
    private static IEnumerable<(string? Text, bool Bold, bool Italic)> Pieces(OpenXmlElement container, int depth = 0)
    {
        // Word nests a few levels (a field in a hyperlink in a content control); a file nesting deeper is hostile.
        if (depth > 16)
        {
            yield break;
        }

        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    var bold = IsOn(run.RunProperties?.Bold) || IsOn(run.RunProperties?.BoldComplexScript);
                    var italic = IsOn(run.RunProperties?.Italic) || IsOn(run.RunProperties?.ItalicComplexScript);
                    foreach (var part in run.ChildElements)
                    {
                        switch (part)
                        {
                            case Text text:
                                yield return (text.Text, bold, italic);
                                break;
                            case TabChar or PositionalTab:
                                yield return (" ", bold, italic);
                                break;
                            case NoBreakHyphen:
                                yield return ("-", bold, italic);
                                break;
                            case CarriageReturn:
                                yield return (null, false, false);
                                break;
                            case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                                yield return (null, false, false);
                                break;
                        }
                    }

                    break;
                case Hyperlink or SimpleField or InsertedRun or SdtRun or SdtContentRun or CustomXmlRun:
                    foreach (var piece in Pieces(child, depth + 1))
                    {
                        yield return piece;
                    }

                    break;
            }
        }
    }

    private static bool IsOn(OnOffType? property) => property is not null && (property.Val is null || property.Val.Value);
}
