using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Api.Accounts;

/// <summary>
/// For endpoints that must not trust a token alone (export, erasure): the person signed in with their password
/// within the last <c>within</c>, on the token this request carries (an API key or a revoked, expired or unknown
/// token has no sign-in and fails too). A stolen weeks-old token is not enough.
/// </summary>
public static class FreshSignIn
{
    public static async Task<SignInFacts> RequireAsync(HttpContext context, IGrainFactory grains, TimeProvider clock, TimeSpan within)
    {
        var facts = CallerAuthentication.PresentedSecret(context.Request) is { } token
            ? await grains.GetGrain<ICredentialGrain>(Secrets.CredentialKey(token)).GetSignInAsync()
            : null;
        if (facts is null || clock.GetUtcNow() - facts.At > within)
        {
            throw new UnauthenticatedException(ErrorCodes.SignInTooOld, "Sign in again to do this: it needs a recent sign-in.");
        }

        return facts;
    }
}
