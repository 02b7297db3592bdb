using System.Text;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// A version's sections, split at its headings: Markdown (<see cref="MarkdownSections"/>) and Word .docx
/// (<see cref="WordSections"/>, its text as Markdown so the browser shows it without downloading the file). Other
/// kinds of file have no sections. A file that claims to be one of these and cannot be read, or has more sections or
/// text than <see cref="DocumentLimits"/> allow, throws <see cref="InvalidInputException"/> with
/// <see cref="DocumentErrors.Unreadable"/>, whatever went wrong inside.
/// </summary>
public static class DocumentSections
{
    public const string MarkdownContentType = "text/markdown";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int BufferSize = 81_920;

    private enum Kind
    {
        Markdown,
        Docx,
    }

    /// <summary>Whether files of this type or name are split into sections; a known content type wins over the name.</summary>
    public static bool CanRead(string contentType, string fileName) => KindOf(contentType, fileName) is not null;

    /// <summary>The sections of Markdown written in the platform.</summary>
    public static IReadOnlyList<DocumentSection> ReadMarkdown(string markdown)
    {
        if (markdown.Length > DocumentLimits.MarkdownMaxLength)
        {
            throw TooLong();
        }

        return Parse(sections => MarkdownSections.Split(markdown, sections), "Markdown");
    }

    /// <summary>
    /// The sections of stored content, read from where <paramref name="content"/> stands; none for a kind that is not
    /// split. A .docx needs seeking: a stream that cannot seek, or does not start at 0, is first copied to a temporary
    /// file that is deleted on close, at most <paramref name="maxBytes"/> (the upload limit) long.
    /// </summary>
    public static IReadOnlyList<DocumentSection> Read(Stream content, string contentType, string fileName, long maxBytes = DocumentLimits.DefaultMaxUploadBytes)
    {
        switch (KindOf(contentType, fileName))
        {
            case Kind.Markdown:
                using (var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true))
                {
                    var markdown = new StringBuilder();
                    var buffer = new char[BufferSize];
                    int read;
                    while ((read = reader.Read(buffer)) > 0)
                    {
                        Append(markdown, buffer, read);
                    }

                    return ReadMarkdown(markdown.ToString());
                }

            case Kind.Docx when content.CanSeek && content.Position == 0:
                return Parse(sections => WordSections.Split(content, sections), "a Word document (.docx)");
            case Kind.Docx:
                using (var copy = TemporaryCopy())
                {
                    var buffer = new byte[BufferSize];
                    int read;
                    while ((read = content.Read(buffer)) > 0)
                    {
                        Write(copy, buffer, read, maxBytes);
                    }

                    copy.Position = 0;
                    return Parse(sections => WordSections.Split(copy, sections), "a Word document (.docx)");
                }

            default:
                return [];
        }
    }

    /// <summary>
    /// As <see cref="Read"/>, with the content read asynchronously (for grains and request handlers, which must not
    /// block a thread on storage); the parsing itself runs on the caller's thread.
    /// </summary>
    public static async Task<IReadOnlyList<DocumentSection>> ReadAsync(
        Stream content, string contentType, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        switch (KindOf(contentType, fileName))
        {
            case Kind.Markdown:
                using (var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true))
                {
                    var markdown = new StringBuilder();
                    var buffer = new char[BufferSize];
                    int read;
                    while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        Append(markdown, buffer, read);
                    }

                    return ReadMarkdown(markdown.ToString());
                }

            case Kind.Docx when content.CanSeek && content.Position == 0:
                return Parse(sections => WordSections.Split(content, sections), "a Word document (.docx)");
            case Kind.Docx:
                await using (var copy = TemporaryCopy())
                {
                    var buffer = new byte[BufferSize];
                    int read;
                    while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        if (copy.Length + read > maxBytes)
                        {
                            throw TooLarge(maxBytes);
                        }

                        await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }

                    copy.Position = 0;
                    return Parse(sections => WordSections.Split(copy, sections), "a Word document (.docx)");
                }

            default:
                return [];
        }
    }

    private static Kind? KindOf(string contentType, string fileName)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (mediaType.Equals(MarkdownContentType, StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/x-markdown", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Markdown;
        }

        if (mediaType.Equals(DocxContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Docx;
        }

        var extension = Path.GetExtension(fileName);
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase) ? Kind.Markdown
            : extension.Equals(".docx", StringComparison.OrdinalIgnoreCase) ? Kind.Docx
            : null;
    }

    /// <summary>
    /// Runs a reader over untrusted content: whatever a malformed file makes a library throw becomes the one
    /// "unreadable" error, so a hostile upload can never surface as a server error.
    /// </summary>
    private static IReadOnlyList<DocumentSection> Parse(Action<SectionList> read, string what)
    {
        var sections = new SectionList();
        try
        {
            read(sections);
        }
        catch (Exception e) when (e is not InvalidInputException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new InvalidInputException(DocumentErrors.Unreadable, $"The file cannot be read as {what}.");
        }

        return sections.Sections;
    }

    private static void Append(StringBuilder markdown, char[] buffer, int read)
    {
        if (markdown.Length + read > DocumentLimits.MarkdownMaxLength)
        {
            throw TooLong();
        }

        markdown.Append(buffer, 0, read);
    }

    private static void Write(FileStream copy, byte[] buffer, int read, long maxBytes)
    {
        if (copy.Length + read > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        copy.Write(buffer, 0, read);
    }

    private static FileStream TemporaryCopy() => new(
        Path.Combine(Path.GetTempPath(), $"networkhub-{Guid.NewGuid():N}.docx"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static InvalidInputException TooLong() =>
        new(DocumentErrors.Unreadable, $"The Markdown is longer than {DocumentLimits.MarkdownMaxLength} characters.");

    private static InvalidInputException TooLarge(long maxBytes) =>
        new(DocumentErrors.Unreadable, $"The file is larger than the limit of {maxBytes} bytes.");
}
