using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>
/// A new version's way in: the bytes go straight from the request into the content store (never whole in memory), then
/// the sections' text beside them, then the grain; whatever fails on the way deletes what was stored, so a refused,
/// oversized or abandoned upload leaves neither a version nor content.
/// </summary>
internal static class VersionUploads
{
    public const string FileField = "file";
    public const string ChangeNoteField = "changeNote";

    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    private const string Malformed = "request.malformed";

    /// <summary>
    /// Reads a multipart/form-data body part by part with <see cref="MultipartReader"/>: an optional <c>changeNote</c>
    /// field, then the <c>file</c> part, streamed into the store. What follows the file is not read.
    /// </summary>
    public static async Task<DocumentVersionSummary> UploadAsync(HttpContext context, IDocumentGrain document, Caller caller, IContentStore store, long maxBytes)
    {
        var boundary = Boundary(context.Request.ContentType);

        // Only this endpoint takes bodies this large; the store enforces the exact limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + FormOverhead;
        }

        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        string? changeNote = null;
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidInputException(Malformed, "Every part of the form needs a Content-Disposition of form-data.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == ChangeNoteField && !disposition.IsFileDisposition())
                {
                    changeNote = await ReadFieldAsync(section.Body, DocumentLimits.ChangeNoteMaxLength, context.RequestAborted);
                }
                else if (name == FileField)
                {
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    var stored = await store.WriteAsync(section.Body, maxBytes, context.RequestAborted);
                    return await AddAsync(document, caller, store, VersionSource.Upload, fileName, MediaTypes.Declared(section.ContentType), stored, changeNote, context.RequestAborted);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ContentTooLargeException(maxBytes);
        }
        catch (IOException e) when (e.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw new ContentTooLargeException(maxBytes);
        }

        throw new InvalidInputException(Malformed, $"The form has no \"{FileField}\" part.");
    }

    /// <summary>Markdown written in the platform, kept as the UTF-8 bytes of a text/markdown file.</summary>
    public static async Task<DocumentVersionSummary> AddMarkdownAsync(IDocumentGrain document, Caller caller, IContentStore store, string markdown, string? changeNote, CancellationToken cancellationToken)
    {
        await document.RequireContributorAsync(caller);
        using var bytes = new MemoryStream(Encoding.UTF8.GetBytes(markdown));
        var stored = await store.WriteAsync(bytes, long.MaxValue, cancellationToken);
        return await AddAsync(document, caller, store, VersionSource.Markdown, "document.md", MediaTypes.Markdown, stored, changeNote, cancellationToken);
    }

    private static async Task<DocumentVersionSummary> AddAsync(IDocumentGrain document, Caller caller, IContentStore store, VersionSource source, string? fileName,
        string contentType, StoredContent stored, string? changeNote, CancellationToken cancellationToken)
    {
        StoredContent? text = null;
        try
        {
            var name = DocumentRules.FileName(fileName);
            var sections = await VersionSections.ReadAsync(store, stored.ContentId, name, contentType, cancellationToken);
            if (sections is not null)
            {
                text = await VersionText.WriteAsync(store, sections, cancellationToken);
            }

            return await document.AddVersionAsync(caller, new AddVersionCommand(source, name, contentType, stored.ContentId, stored.Size, stored.Sha256,
                text?.ContentId, sections is null ? [] : VersionText.Outline(sections), changeNote));
        }
        catch
        {
            // Not the request's token: the client may be gone, and what it left must still go.
            await store.DeleteAsync(stored.ContentId, CancellationToken.None);
            if (text is not null)
            {
                await store.DeleteAsync(text.ContentId, CancellationToken.None);
            }

            throw;
        }
    }

    private static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException(Malformed, "A version is uploaded as multipart/form-data with a \"file\" part.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200
            ? throw new InvalidInputException(Malformed, "The multipart/form-data content type needs its boundary.")
            : boundary;
    }

    private static async Task<string> ReadFieldAsync(Stream body, int maxChars, CancellationToken cancellationToken)
    {
        // UTF-8 takes at most 4 bytes a character; anything longer is refused without reading it all.
        var buffer = new byte[maxChars * 4 + 1];
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                throw DocumentRules.Invalid($"A change note is at most {maxChars} characters.");
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
