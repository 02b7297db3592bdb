using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NetworkHub.Silo.Tests.Documents;

/// <summary>
/// Writes .docx files with the same Open XML library the reader uses, with the parts Word itself writes: styles
/// (built-in headings, a localised heading, a style based on a heading, a list style) and numbering (a bulleted and a
/// numbered list).
/// </summary>
internal static class WordFile
{
    public const int BulletList = 1;
    public const int NumberedList = 2;

    public static MemoryStream Write(params OpenXmlElement[] body)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        }

        stream.Position = 0;
        return stream;
    }

    public static Paragraph Styled(string styleId, params OpenXmlElement[] runs) =>
        new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = styleId }) }.Concat(runs));

    public static Paragraph Heading(int level, string text) => Styled($"Heading{level}", Text(text));

    public static Paragraph Para(params OpenXmlElement[] runs) => new(runs);

    public static Paragraph Para(string text) => new(Text(text));

    /// <summary>A paragraph whose own properties give an outline level (0 is level 1), with no heading style.</summary>
    public static Paragraph Outlined(int outlineLevel, string text) =>
        new(new ParagraphProperties(new OutlineLevel { Val = outlineLevel }), Text(text));

    public static Paragraph ListItem(int numId, int level, params OpenXmlElement[] runs) =>
        new(new OpenXmlElement[]
        {
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
        }.Concat(runs));

    public static Run Text(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Run Bold(string text) => new(new RunProperties(new Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Run Italic(string text) => new(new RunProperties(new Italic()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Run LineBreak() => new(new Break());

    public static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(c => new TableCell(new Paragraph(Text(c)))))));

    private static Styles Styles()
    {
        var styles = new Styles(
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
            // As a French Word writes its "Titre 1": a localised id, the English built-in name, an outline level.
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new OutlineLevel { Val = 0 }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "Titre1",
            },
            new Style(new StyleName { Val = "Chapter" }, new BasedOn { Val = "Heading2" }) { Type = StyleValues.Paragraph, StyleId = "Chapter" },
            new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = BulletList })))
            {
                Type = StyleValues.Paragraph,
                StyleId = "ListBullet",
            });
        for (var level = 1; level <= 9; level++)
        {
            // Built-in headings carry only their name, no outline level: the reader must know them by name.
            styles.Append(new Style(new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" })
            {
                Type = StyleValues.Paragraph,
                StyleId = $"Heading{level}",
            });
        }

        return styles;
    }

    private static Numbering Numbering() => new(
        new AbstractNum(
            new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 },
            new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "◦" }) { LevelIndex = 1 })
        { AbstractNumberId = 10 },
        new AbstractNum(
            new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
            new Level(new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%2)" }) { LevelIndex = 1 })
        { AbstractNumberId = 20 },
        new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = BulletList },
        new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = NumberedList });
}
