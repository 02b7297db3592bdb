using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// Browsers cannot set headers on a WebSocket, so SignalR's browser client sends the bearer token as
/// <c>?access_token=</c>, and the query string is part of every request log line (ASP.NET Core's "Request starting" and
/// "Request finished", tracing tags, error pages). Before anything sees the request, this takes the token out of the
/// query of <c>/hubs/…</c> requests and passes it on as the <c>Authorization</c> header it stands for (a header sent as
/// well wins, as it always has), so no log line at any level can carry it.
/// </summary>
internal sealed class HubTokenQuery(IServiceProvider services) : IHttpContextFactory
{
    private const string Parameter = "access_token";

    private readonly DefaultHttpContextFactory _inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        if (featureCollection.Get<IHttpRequestFeature>() is { } request
            && request.Path.StartsWith("/hubs/", StringComparison.OrdinalIgnoreCase)
            && request.QueryString.Contains(Parameter, StringComparison.OrdinalIgnoreCase))
        {
            var query = QueryHelpers.ParseQuery(request.QueryString);
            var token = query.FirstOrDefault(p => string.Equals(p.Key, Parameter, StringComparison.OrdinalIgnoreCase));
            if (token.Key is not null)
            {
                query.Remove(token.Key);
                if (!request.Headers.ContainsKey("Authorization") && token.Value.ToString() is { Length: > 0 } secret)
                {
                    request.Headers.Authorization = "Bearer " + secret;
                }

                request.QueryString = query.Count == 0 ? "" : QueryString.Create(query).ToString();
            }
        }

        return _inner.Create(featureCollection);
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);
}
