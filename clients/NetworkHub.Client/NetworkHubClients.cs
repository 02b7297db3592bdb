using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace NetworkHub.Client;

/// <summary>Creates the generated <see cref="NetworkHubApiClient"/> for one caller.</summary>
public static class NetworkHubClients
{
    /// <summary>
    /// A client of the API at <paramref name="baseAddress"/> (e.g. https://hub.example.org) that sends
    /// <paramref name="credential"/> — a session token (nht_…) from POST /api/v1/auth/token or an organisation's API key
    /// (nhk_…) — as <c>Authorization: Bearer</c>, and to that host only; no credential means an anonymous caller.
    /// <paramref name="httpClient"/>, when given, is the caller's to dispose; without one, Kiota's default pipeline
    /// (retry on 429 and 503 with Retry-After, redirects, response header inspection) is used.
    /// </summary>
    public static NetworkHubApiClient Create(Uri baseAddress, string? credential = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        IAuthenticationProvider authentication = credential is null
            ? new AnonymousAuthenticationProvider()
            : new BaseBearerTokenAuthenticationProvider(new FixedCredential(credential, baseAddress.Host));
        var adapter = new HttpClientRequestAdapter(authentication, httpClient: httpClient ?? KiotaClientFactory.Create())
        {
            BaseUrl = baseAddress.GetLeftPart(UriPartial.Authority),
        };
        return new NetworkHubApiClient(adapter);
    }

    private sealed class FixedCredential(string secret, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        // A redirect or an absolute link to another host must not carry the secret there.
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? secret : string.Empty);
    }
}
