using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// Bearer tokens (from sign-in, "nht_…") and API keys ("nhk_…", also accepted in X-Api-Key) are opaque: the
/// credential grain keyed by their hash says who they stand for. Revoking one takes effect on the next request.
/// SignalR clients in browsers cannot set headers on WebSockets, so hubs also accept ?access_token=.
/// </summary>
internal sealed class CallerAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "NetworkHub";
    public const string TokenPrefix = "nht_";
    private const string PersonClaim = "nh:person";
    private const string OrganisationClaim = "nh:organisation";
    private const string ScopeClaim = "nh:scope";
    private const string SecondFactorClaim = "nh:second-factor";
    private static readonly object FailedKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedSecret(Request);
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        var caller = secret.Length <= 200 && (secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.StartsWith("nhk_", StringComparison.Ordinal))
            ? await grains.GetGrain<ICredentialGrain>(Secrets.CredentialKey(secret)).ResolveAsync()
            : null;
        if (caller is null)
        {
            Context.Items[FailedKey] = true;
            return AuthenticateResult.Fail("The token or API key is unknown, expired or revoked.");
        }

        Claim[] claims = caller switch
        {
            { PersonId: { } person, SecondFactor: true } => [new(PersonClaim, person.ToString()), new(SecondFactorClaim, "true")],
            { PersonId: { } person } => [new(PersonClaim, person.ToString())],
            _ => [new(OrganisationClaim, caller.KeyOrganisationId!.Value.ToString()), new(ScopeClaim, caller.KeyScope.ToString())],
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The caller a request's principal stands for.</summary>
    public static Caller ToCaller(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(PersonClaim) is { } person)
        {
            // A hub connection keeps the principal of its handshake, so it keeps this too: a sign-in's facts never change.
            return Caller.Person(Guid.Parse(person), user.HasClaim(SecondFactorClaim, "true"));
        }

        if (user.FindFirstValue(OrganisationClaim) is { } organisation)
        {
            return Caller.ApiKey(Guid.Parse(organisation), Enum.Parse<ApiKeyScope>(user.FindFirstValue(ScopeClaim)!));
        }

        return Caller.Anonymous;
    }

    /// <summary>A request that presented a credential we do not accept fails outright rather than continuing as anonymous.</summary>
    public static bool PresentedInvalidCredential(HttpContext context) => context.Items.ContainsKey(FailedKey);

    public static string? PresentedSecret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (request.Headers.TryGetValue("X-Api-Key", out var key) && key.ToString() is { Length: > 0 } apiKey)
        {
            return apiKey.Trim();
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } token
            ? token
            : null;
    }

    public static UnauthenticatedException InvalidCredential() =>
        new(ErrorCodes.InvalidCredentials, "The token or API key is unknown, expired or revoked.");
}

internal static class CallerExtensions
{
    public static Caller Caller(this ClaimsPrincipal user) => CallerAuthentication.ToCaller(user);
}
