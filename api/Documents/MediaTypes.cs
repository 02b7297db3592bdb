using Microsoft.Net.Http.Headers;

namespace NetworkHub.Api.Documents;

/// <summary>
/// Content types of versions. A client's declared type is kept only when it parses as a media type; on download, a type
/// a browser would run (HTML, SVG, XHTML and XML, anything with script) is sent as application/octet-stream, so a
/// document can never act on the platform's origin.
/// </summary>
internal static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";
    public const string Markdown = "text/markdown; charset=utf-8";

    private static readonly HashSet<string> Active = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "image/svg+xml", "application/xhtml+xml", "application/xml", "text/xml", "text/xsl", "application/xslt+xml",
        "multipart/x-mixed-replace", "application/x-shockwave-flash", "application/wasm",
    };

    /// <summary>What is stored for a declared type: the type as it parsed, or application/octet-stream.</summary>
    public static string Declared(string? contentType) =>
        contentType is { Length: > 0 and <= 255 } && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Type.HasValue && media.SubType.HasValue
            && !media.MatchesAllTypes && !media.MatchesAllSubTypes
            ? media.ToString()
            : OctetStream;

    /// <summary>What is sent for a stored type.</summary>
    public static string Served(string stored)
    {
        if (!MediaTypeHeaderValue.TryParse(stored, out var media))
        {
            return OctetStream;
        }

        var type = media.MediaType.Value ?? "";
        return Active.Contains(type) || type.Contains("script", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            ? OctetStream
            : stored;
    }
}
