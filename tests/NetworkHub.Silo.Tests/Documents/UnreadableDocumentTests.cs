using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Silo.Tests.Documents;

public sealed class UnreadableDocumentTests
{
    public static TheoryData<string, byte[]> NotWord() => new()
    {
        { "empty", [] },
        { "random bytes", RandomBytes() },
        { "a zip of text files", Zip(("readme.txt", "hello")) },
        { "a zip with a content types part and nothing else", Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")) },
        { "a spreadsheet", Spreadsheet() },
        { "a Word document cut in half", HalfAWordFile() },
        { "a Word document with a broken main part", WithMainPart("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>") },
    };

    [Theory]
    [MemberData(nameof(NotWord))]
    public void Read_NotAWordDocument_IsUnreadable(string what, byte[] bytes)
    {
        var error = Assert.Throws<InvalidInputException>(() => DocumentSections.Read(new MemoryStream(bytes), DocumentSections.DocxContentType, "plan.docx"));

        Assert.True(error.Code == DocumentErrors.Unreadable, what);
    }

    [Fact]
    public void Read_PartDeclaredLargerThanTheBound_IsUnreadableBeforeUnpacking()
    {
        // Spaces compress about a thousand to one: a file of some tens of kilobytes that would unpack past the bound.
        var body = new string(' ', (int)WordSections.MaxXmlPartBytes + 1);
        var bytes = WithMainPart($"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");

        var error = Assert.Throws<InvalidInputException>(() => DocumentSections.Read(new MemoryStream(bytes), DocumentSections.DocxContentType, "bomb.docx"));

        Assert.Equal(DocumentErrors.Unreadable, error.Code);
        Assert.True(bytes.Length < 1024 * 1024, $"the test file is {bytes.Length} bytes");
    }

    [Fact]
    public async Task ReadAsync_StreamLongerThanTheLimit_IsUnreadable()
    {
        using var docx = WordFile.Write(WordFile.Para("Text."));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => DocumentSections.ReadAsync(
            new WordSectionsTests.ForwardOnlyStream(docx), DocumentSections.DocxContentType, "plan.docx", docx.Length - 1, TestContext.Current.CancellationToken));

        Assert.Equal(DocumentErrors.Unreadable, error.Code);
    }

    [Fact]
    public void Read_WordDocumentWithoutStylesOrNumbering_IsRead()
    {
        var bytes = WithMainPart(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "<w:p><w:pPr><w:pStyle w:val=\"Missing\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Heading</w:t></w:r></w:p>"
            + "</w:body></w:document>");

        var sections = DocumentSections.Read(new MemoryStream(bytes), DocumentSections.DocxContentType, "plan.docx");

        Assert.Equal([(0, "", "- item"), (1, "Heading", "")], sections.Select(s => (s.Level, s.Heading, s.Text)));
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(15).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }

    private static byte[] Spreadsheet()
    {
        var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            workbook.AddWorkbookPart().Workbook = new Workbook(new Sheets());
        }

        return stream.ToArray();
    }

    private static byte[] HalfAWordFile()
    {
        using var docx = WordFile.Write(WordFile.Heading(1, "Context"), WordFile.Para("Text."));
        return docx.ToArray()[..(int)(docx.Length / 2)];
    }

    /// <summary>A minimal package, as Open XML itself would write it, with the given text as its main document part.</summary>
    private static byte[] WithMainPart(string documentXml) => Zip(
        ("[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>"),
        ("_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>"),
        ("word/document.xml", documentXml));
}
