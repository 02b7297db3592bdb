using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using NetworkHub.Contracts.Documents;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>
/// A version's bytes, streamed from the content store as the client reads them: one byte range when asked for
/// (206, or 416 when it lies past the end), always as an attachment with a safe name, the stored type unless a browser
/// would run it, <c>nosniff</c>, the SHA-256 as the entity tag, and never cached by anyone but the client's own memory.
/// </summary>
internal static class VersionDownloads
{
    public const string RangeNotSatisfiable = "document.range-not-satisfiable";

    public static async Task<IResult> SendAsync(HttpContext context, IContentStore store, DocumentVersionFiles files, IProblemDetailsService problems)
    {
        var version = files.Version;
        var size = version.Size;
        var headers = context.Response.Headers;
        headers.AcceptRanges = "bytes";
        headers.ETag = $"\"{version.Sha256}\"";
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";

        var range = Range(context.Request, size);
        if (range is { Satisfiable: false })
        {
            headers.ContentRange = $"bytes */{size.ToString(CultureInfo.InvariantCulture)}";
            context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            var problem = new ProblemDetails { Status = StatusCodes.Status416RangeNotSatisfiable, Detail = $"The version has {size} bytes; the range asked for lies outside them." };
            problem.Extensions["code"] = RangeNotSatisfiable;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            return Results.Empty;
        }

        var (offset, length) = range is { } r ? (r.From, r.To - r.From + 1) : (0L, size);
        var body = await store.OpenReadAsync(files.ContentId, offset, length, context.RequestAborted)
            ?? throw new InvalidOperationException($"Content {files.ContentId} of a version is missing from the store.");
        await using (body)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(DocumentRules.FileName(version.FileName));
            headers.ContentDisposition = disposition.ToString();
            context.Response.ContentType = MediaTypes.Served(version.ContentType);
            context.Response.ContentLength = length;
            if (range is { } part)
            {
                context.Response.StatusCode = StatusCodes.Status206PartialContent;
                headers.ContentRange = $"bytes {part.From.ToString(CultureInfo.InvariantCulture)}-{part.To.ToString(CultureInfo.InvariantCulture)}/{size.ToString(CultureInfo.InvariantCulture)}";
            }

            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await body.CopyToAsync(context.Response.Body, 81_920, context.RequestAborted);
        }

        return Results.Empty;
    }

    /// <summary>
    /// One range of "bytes=a-b", "bytes=a-" or "bytes=-n" (RFC 9110), clipped to the content; null when there is no
    /// Range header, or one this server ignores and answers with the whole content (several ranges, another unit, bad syntax).
    /// </summary>
    internal static ByteRange? Range(HttpRequest request, long size)
    {
        var header = request.Headers.Range.ToString();
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(','))
        {
            return null;
        }

        var spec = header[6..].Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            // The last n bytes.
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return null;
            }

            return suffix == 0 || size == 0 ? new ByteRange(0, -1, false) : new ByteRange(Math.Max(0, size - suffix), size - 1, true);
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            return null;
        }

        long to = size - 1;
        if (last.Length > 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out to) || to < from)
            {
                return null;
            }

            to = Math.Min(to, size - 1);
        }

        return from >= size ? new ByteRange(0, -1, false) : new ByteRange(from, to, true);
    }

    internal readonly record struct ByteRange(long From, long To, bool Satisfiable);
}
