using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Spaces;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Access;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Api.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1").WithTags("Accounts").WithProblemResponses();
        accounts.MapPost("/accounts", Register).WithName(nameof(Register)).RequireRateLimiting(ApiBuilderExtensions.AuthRateLimit);
        accounts.MapPost("/auth/token", SignIn).WithName(nameof(SignIn)).RequireRateLimiting(ApiBuilderExtensions.AuthRateLimit)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapPost("/auth/second-factor", CompleteSignIn).WithName(nameof(CompleteSignIn)).RequireRateLimiting(ApiBuilderExtensions.AuthRateLimit)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapPost("/auth/sign-out", SignOut).WithName(nameof(SignOut));
        accounts.MapGet("/me", GetMe).WithName(nameof(GetMe));
        accounts.MapPut("/me", UpdateMe).WithName(nameof(UpdateMe));
        accounts.MapGet("/me/spaces", GetMySpaces).WithName(nameof(GetMySpaces));
        accounts.MapGet("/me/sign-in", GetMySignIn).WithName(nameof(GetMySignIn));
        accounts.MapGet("/me/two-factor", GetTwoFactor).WithName(nameof(GetTwoFactor));
        accounts.MapPost("/me/two-factor", BeginTwoFactor).WithName(nameof(BeginTwoFactor));
        accounts.MapPost("/me/two-factor/confirm", ConfirmTwoFactor).WithName(nameof(ConfirmTwoFactor)).ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapPost("/me/two-factor/disable", DisableTwoFactor).WithName(nameof(DisableTwoFactor)).ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapGet("/people/{personId:guid}", GetPerson).WithName(nameof(GetPerson));
        return app;
    }

    /// <summary>
    /// Answers 202 alike whether the address was new or had an account already, so registering cannot tell
    /// anyone which addresses have accounts; the person is told to sign in next. An existing owner's account is
    /// left as it was, and an invitation is accepted only for a new account.
    /// </summary>
    private static async Task<Accepted<RegistrationAccepted>> Register(RegisterRequest request, IGrainFactory grains, ServerKeys keys, IOptions<AccountOptions> options)
    {
        InvitationToken? invitation = null;
        if (request.Invitation is not null && !InvitationToken.TryParse(request.Invitation, out invitation))
        {
            throw new InvalidInputException(ErrorCodes.InvalidInvitation, "That is not an invitation token.");
        }

        var email = AccountKeys.NormaliseEmail(request.Email);
        if (invitation is null && options.Value.Registration == RegistrationMode.InvitationOnly
            && !options.Value.AdmittedEmails.Any(admitted => AccountKeys.NormaliseEmail(admitted) == email))
        {
            throw new ForbiddenException(ErrorCodes.RegistrationClosed, "Registration is by invitation only.");
        }

        if (invitation is not null)
        {
            // Checked before the account exists, so a bad invitation leaves no account behind.
            await grains.GetSpace(invitation.Space).PreviewInvitationAsync(invitation.InvitationId, invitation.Secret);
        }

        var account = await keys.AccountAsync(grains, email);
        var personId = await account.RegisterAsync(new RegisterAccountCommand(
            email, request.Password, request.DisplayName, request.Pseudonym, request.Country, request.Languages ?? []));
        if (invitation is not null && personId is { } newPerson)
        {
            await grains.GetSpace(invitation.Space).AcceptInvitationAsync(Caller.Person(newPerson), invitation.InvitationId, invitation.Secret);
        }

        return TypedResults.Accepted((string?)null, new RegistrationAccepted(RegistrationAccepted.SignIn));
    }

    /// <summary>
    /// The password step. Failures are counted per client address and per account (known or not) and make the
    /// next attempt wait longer (429 with Retry-After); with two-factor sign-in on, a right password answers 202
    /// with a challenge for <c>/auth/second-factor</c> rather than a token.
    /// </summary>
    private static async Task<Results<Ok<AccessToken>, Accepted<SecondFactorRequired>>> SignIn(
        SignInRequest request, HttpContext context, IGrainFactory grains, ServerKeys keys, IOptions<AccountOptions> options, TimeProvider clock)
    {
        var email = AccountKeys.NormaliseEmail(request.Email);
        var outcome = await ThrottledAsync(context, grains, keys, async () =>
            await (await keys.AccountAsync(grains, email)).SignInAsync(new SignInCommand(email, request.Password)));
        if (outcome.PersonId is { } personId)
        {
            return TypedResults.Ok(await IssueTokenAsync(grains, options, clock, personId, secondFactor: false));
        }

        return TypedResults.Accepted((string?)null, new SecondFactorRequired(outcome.Challenge!, outcome.ChallengeExpiresAt!.Value));
    }

    /// <summary>The second step: the challenge from the password step and a code of the authenticator app or a recovery code.</summary>
    private static async Task<Ok<AccessToken>> CompleteSignIn(
        SecondFactorRequest request, HttpContext context, IGrainFactory grains, ServerKeys keys, IOptions<AccountOptions> options, TimeProvider clock)
    {
        var email = AccountKeys.NormaliseEmail(request.Email);
        var personId = await ThrottledAsync(context, grains, keys, async () =>
            await (await keys.AccountAsync(grains, email)).CompleteSignInAsync(new SecondFactorCommand(email, request.Challenge, request.Code)));
        return TypedResults.Ok(await IssueTokenAsync(grains, options, clock, personId, secondFactor: true));
    }

    /// <summary>The client address waits first; a wrong password, code or unknown account then counts against it.</summary>
    private static async Task<T> ThrottledAsync<T>(HttpContext context, IGrainFactory grains, ServerKeys keys, Func<Task<T>> attempt)
    {
        var client = await keys.ClientThrottleAsync(grains, context);
        await client.CheckAsync();
        try
        {
            return await attempt();
        }
        catch (UnauthenticatedException)
        {
            await client.FailedAsync();
            throw;
        }
    }

    private static async Task<AccessToken> IssueTokenAsync(IGrainFactory grains, IOptions<AccountOptions> options, TimeProvider clock, Guid personId, bool secondFactor)
    {
        var token = CallerAuthentication.TokenPrefix + Secrets.New();
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.TokenLifetime;

        // Known to the person before it exists, so an erasure can always find and revoke it.
        await grains.GetGrain<IPersonGrain>(personId).TrackCredentialAsync(Secrets.CredentialKey(token), expiresAt);
        await grains.GetGrain<ICredentialGrain>(Secrets.CredentialKey(token))
            .IssueAsync(new IssueCredentialCommand(Caller.Person(personId), expiresAt, new SignInFacts(now, secondFactor)));
        return new AccessToken(token, "Bearer", expiresAt, personId);
    }

    /// <summary>When this token's sign-in happened and whether it used a second factor.</summary>
    private static async Task<Ok<SignInFacts>> GetMySignIn(HttpContext context, IGrainFactory grains, TimeProvider clock) =>
        TypedResults.Ok(await FreshSignIn.RequireAsync(context, grains, clock, TimeSpan.MaxValue));

    private static async Task<Ok<TwoFactorStatus>> GetTwoFactor(ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var (account, owner) = await OwnAccountAsync(user, grains, keys);
        return TypedResults.Ok(await account.GetTwoFactorAsync(owner));
    }

    /// <summary>A new authenticator secret and its otpauth:// URI; two-factor sign-in is on only once a code of it is confirmed.</summary>
    private static async Task<Ok<TwoFactorSetup>> BeginTwoFactor(ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var (account, owner) = await OwnAccountAsync(user, grains, keys);
        return TypedResults.Ok(await account.BeginTwoFactorAsync(owner));
    }

    /// <summary>Turns two-factor sign-in on; the recovery codes in the answer are shown this once.</summary>
    private static async Task<Ok<RecoveryCodes>> ConfirmTwoFactor(TwoFactorCodeRequest request, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var (account, owner) = await OwnAccountAsync(user, grains, keys);
        return TypedResults.Ok(new RecoveryCodes(await account.ConfirmTwoFactorAsync(owner, request.Code)));
    }

    private static async Task<NoContent> DisableTwoFactor(DisableTwoFactorRequest request, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var (account, owner) = await OwnAccountAsync(user, grains, keys);
        await account.DisableTwoFactorAsync(owner, request.Password, request.Code);
        return TypedResults.NoContent();
    }

    /// <summary>The signed-in person's account, found through the address their person record holds.</summary>
    internal static async Task<(IAccountGrain Account, AccountOwner Owner)> OwnAccountAsync(ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var caller = Caller.Person(RequirePerson(user));
        var person = await grains.GetGrain<IPersonGrain>(caller.PersonId!.Value).GetAsync(caller);
        var email = AccountKeys.NormaliseEmail(person.Email!);
        return (await keys.AccountAsync(grains, email), new AccountOwner(person.Id, email));
    }

    /// <summary>Revokes the token the request carries.</summary>
    private static async Task<NoContent> SignOut(HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.Caller().PersonId is null || CallerAuthentication.PresentedSecret(request) is not { } token)
        {
            throw new UnauthenticatedException(ErrorCodes.SignInRequired, "Sign in to do this.");
        }

        await grains.GetGrain<ICredentialGrain>(Secrets.CredentialKey(token)).RevokeAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PersonDetails>> GetMe(HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IPersonGrain>(RequirePerson(user)).GetAsync(user.Caller()), p => p.Version);

    private static async Task<Ok<PersonDetails>> UpdateMe(ProfileRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IPersonGrain>(RequirePerson(user)).UpdateAsync(user.Caller(), request.ToProfile(), ETags.Expected(context)), p => p.Version);

    /// <summary>Every space the person belongs to, with its name and their role.</summary>
    private static async Task<Ok<IReadOnlyList<SpaceSummary>>> GetMySpaces(ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = Caller.Person(RequirePerson(user));
        var spaces = await grains.GetGrain<IPersonGrain>(caller.PersonId!.Value).GetSpacesAsync();
        return TypedResults.Ok(await SpaceLists.VisibleSummariesAsync(grains, caller, spaces.Select(s => s.Space)));
    }

    private static async Task<Ok<PersonDetails>> GetPerson(Guid personId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPersonGrain>(personId).GetAsync(user.Caller()));

    private static Guid RequirePerson(ClaimsPrincipal user) => user.Caller().RequirePerson();
}
