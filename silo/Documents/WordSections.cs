using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Splits a Word file's body at its heading paragraphs, each section's text as Markdown (<see cref="WordMarkdown"/>).
/// The main part is read one top-level block at a time (a paragraph, a table, a content control), so memory follows the
/// largest block, not the file. Headers, footers, notes and comments are not part of any section.
/// </summary>
internal static class WordSections
{
    /// <summary>
    /// Above any real Word file's XML part (a 1,000-page report's is some tens of MB at most) and below what hurts a
    /// silo. The declared size is checked before anything is unpacked; Open XML also stops at this many characters when
    /// reading a part whose declared size lied.
    /// </summary>
    internal const long MaxXmlPartBytes = 64L * 1024 * 1024;

    /// <summary>All entries together, as declared: a file of at most the upload limit that unpacks to more is a zip bomb.</summary>
    internal const long MaxUnpackedBytes = 1024L * 1024 * 1024;

    internal const int MaxEntries = 10_000;

    /// <summary>A document, a template, and each with macros (which are never run here, only read as text).</summary>
    private static readonly HashSet<string> WordMainPartTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    /// <summary>Reads a .docx from a seekable stream positioned at its first byte.</summary>
    public static void Split(Stream docx, SectionList sections)
    {
        CheckDeclaredSizes(docx);
        docx.Position = 0;

        using var document = WordprocessingDocument.Open(docx, false, new OpenSettings { MaxCharactersInPart = MaxXmlPartBytes });
        // Open XML takes any package's main part as the document's; a spreadsheet's or a presentation's is not one.
        if (document.MainDocumentPart is not { } main || !WordMainPartTypes.Contains(main.ContentType))
        {
            throw new InvalidInputException(DocumentErrors.Unreadable, "The file is a package without a Word document in it.");
        }

        var styles = new WordStyles(main.StyleDefinitionsPart?.Styles, main.NumberingDefinitionsPart?.Numbering);
        var section = new SectionText(sections);

        using var reader = OpenXmlReader.Create(main);
        var more = reader.Read();
        while (more)
        {
            if (reader.IsStartElement && (reader.ElementType == typeof(Paragraph) || reader.ElementType == typeof(Table) || reader.ElementType == typeof(SdtBlock)))
            {
                // Loading moves the reader past the element, onto the next one: no Read() before looking at it.
                Add(reader.LoadCurrentElement()!, styles, section, depth: 0);
                more = !reader.EOF;
            }
            else
            {
                more = reader.Read();
            }
        }

        section.Close();
    }

    private static void Add(OpenXmlElement block, WordStyles styles, SectionText section, int depth)
    {
        switch (block)
        {
            case Paragraph paragraph:
                if (styles.HeadingLevel(paragraph) is { } level && WordMarkdown.PlainText(paragraph) is var heading && !string.IsNullOrWhiteSpace(heading))
                {
                    section.StartSection(level, heading);
                }
                else if (styles.ListItem(paragraph) is { } item)
                {
                    section.AddListItem(item.Level, item.Bullet, WordMarkdown.Lines(paragraph));
                }
                else
                {
                    section.AddParagraph(WordMarkdown.Lines(paragraph));
                }

                break;
            case Table table:
                section.AddBlock(WordMarkdown.Table(table));
                break;
            case SdtBlock control when depth < 16:
                foreach (var child in control.SdtContentBlock?.ChildElements ?? [])
                {
                    Add(child, styles, section, depth + 1);
                }

                break;
        }
    }

    private static void CheckDeclaredSizes(Stream docx)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(docx, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new InvalidInputException(DocumentErrors.Unreadable, "The file is not a Word document (.docx).");
        }

        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
            {
                throw new InvalidInputException(DocumentErrors.Unreadable, "The Word document has too many parts.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                if (total > MaxUnpackedBytes || (isXml && entry.Length > MaxXmlPartBytes))
                {
                    throw new InvalidInputException(DocumentErrors.Unreadable, "The Word document unpacks to more than it may.");
                }
            }
        }
    }

    /// <summary>The section being read: its heading and its Markdown blocks, joined as Markdown needs them.</summary>
    private sealed class SectionText(SectionList sections)
    {
        private readonly StringBuilder _text = new();
        private readonly List<int> _listColumns = [];
        private int _level;
        private string _heading = "";
        private bool _lastWasListItem;

        public void StartSection(int level, string heading)
        {
            Close();
            _level = level;
            _heading = heading;
        }

        public void Close()
        {
            sections.Add(_level, _heading, _text.ToString());
            _text.Clear();
            _listColumns.Clear();
            _lastWasListItem = false;
        }

        public void AddParagraph(List<string> lines) => AddBlock(string.Join("\\\n", lines.Where(l => l.Length > 0)));

        public void AddBlock(string markdown)
        {
            if (markdown.Length == 0)
            {
                return;
            }

            Separate(listItem: false);
            _text.Append(markdown);
            _listColumns.Clear();
            Check();
        }

        /// <summary>
        /// A list item, indented to its parent item's text so Markdown nests it; a level deeper than one below the
        /// previous item is taken as one below (more indentation would turn it into a code block).
        /// </summary>
        public void AddListItem(int level, bool bullet, List<string> lines)
        {
            if (lines.All(l => l.Length == 0))
            {
                return;
            }

            Separate(listItem: true);
            level = Math.Min(level, _listColumns.Count);
            var indent = level == 0 ? 0 : _listColumns[level - 1];
            var marker = bullet ? "- " : "1. ";
            _listColumns.RemoveRange(level, _listColumns.Count - level);
            _listColumns.Add(indent + marker.Length);

            var continuation = "\\\n" + new string(' ', indent + marker.Length);
            _text.Append(' ', indent).Append(marker).Append(string.Join(continuation, lines.Where(l => l.Length > 0)));
            Check();
        }

        private void Separate(bool listItem)
        {
            if (_text.Length > 0)
            {
                _text.Append(listItem && _lastWasListItem ? "\n" : "\n\n");
            }

            _lastWasListItem = listItem;
        }

        /// <summary>Stops early on a file with more text than a version may hold, rather than after reading all of it.</summary>
        private void Check()
        {
            if (_text.Length > DocumentLimits.MarkdownMaxLength)
            {
                throw new InvalidInputException(DocumentErrors.Unreadable, $"The document has more than {DocumentLimits.MarkdownMaxLength} characters of text.");
            }
        }
    }
}
