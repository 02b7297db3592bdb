using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Api.Infrastructure;

/// <summary>Versions of resources as HTTP entity tags ("v7"), for optimistic concurrency with If-Match.</summary>
internal static class ETags
{
    public static string Format(int version) => $"\"v{version}\"";

    public static void Set(HttpContext context, int version) => context.Response.Headers.ETag = Format(version);

    /// <summary>200 with the resource and its ETag.</summary>
    public static Ok<T> Ok<T>(HttpContext context, T resource, Func<T, int> version)
    {
        Set(context, version(resource));
        return TypedResults.Ok(resource);
    }

    /// <summary>201 with the new resource, where it lives, and its ETag.</summary>
    public static Created<T> Created<T>(HttpContext context, string location, T resource, Func<T, int> version)
    {
        Set(context, version(resource));
        return TypedResults.Created(location, resource);
    }

    /// <summary>The version an update expects, from If-Match; null when there is none or it is "*".</summary>
    public static int? Expected(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length > 3 && tag[0] == '"' && tag[^1] == '"' && tag[1] == 'v'
            && int.TryParse(tag[2..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new InvalidInputException("request.if-match", "If-Match must be an entity tag this API returned, such as \"v3\".");
    }
}
