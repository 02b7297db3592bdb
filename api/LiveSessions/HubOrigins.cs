using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// WebSockets are not subject to CORS: without this, any page a signed-in visitor opens could connect to the hub in
/// their name (the browser app keeps the token where a hostile page cannot read it, but an integrator's page or a
/// cookie-based future must not depend on that). Browsers send an Origin on the WebSocket handshake and on negotiate;
/// it must be one of <c>Api:AllowedOrigins</c> or, when none is set, the origin the request was addressed to (its
/// Host, so a reverse proxy that rewrites Host needs the list). Clients that send no Origin are not browsers and pass.
/// A refused origin gets 403 before any connection opens.
/// </summary>
internal static class HubOrigins
{
    public const string SettingName = "Api:AllowedOrigins";

    public static WebApplication UseHubOrigins(this WebApplication app)
    {
        var allowed = (app.Configuration.GetSection(SettingName).Get<string[]>() ?? [])
            .Select(o => Uri.TryCreate(o, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : o)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/hubs"), hubs => hubs.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !IsAllowed(origin, context.Request, allowed))
            {
                throw new ForbiddenException(LiveSessionErrors.OriginNotAllowed, "Pages from this origin may not connect to live sessions.");
            }

            await next(context);
        }));
        return app;
    }

    private static bool IsAllowed(string origin, HttpRequest request, HashSet<string> allowed)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            // Includes "null", which sandboxed frames and file pages send.
            return false;
        }

        return allowed.Count > 0
            ? allowed.Contains(uri.GetLeftPart(UriPartial.Authority))
            : string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
