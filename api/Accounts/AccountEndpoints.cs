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
        accounts.MapPost("/auth/token", SignIn).WithName(nameof(SignIn)).RequireRateLimiting(ApiBuilderExtensions.AuthRateLimit);
        accounts.MapPost("/auth/sign-out", SignOut).WithName(nameof(SignOut));
        accounts.MapGet("/me", GetMe).WithName(nameof(GetMe));
        accounts.MapPut("/me", UpdateMe).WithName(nameof(UpdateMe));
        accounts.MapGet("/me/spaces", GetMySpaces).WithName(nameof(GetMySpaces));
        accounts.MapGet("/people/{personId:guid}", GetPerson).WithName(nameof(GetPerson));
        return app;
    }

    private static async Task<Created<Registered>> Register(RegisterRequest request, IGrainFactory grains, IOptions<AccountOptions> options)
    {
        InvitationToken? invitation = null;
        if (request.Invitation is not null && !InvitationToken.TryParse(request.Invitation, out invitation))
        {
            throw new InvalidInputException(ErrorCodes.InvalidInvitation, "That is not an invitation token.");
        }

        var email = NormaliseEmail(request.Email);
        if (invitation is null && options.Value.Registration == RegistrationMode.InvitationOnly
            && !options.Value.AdmittedEmails.Any(admitted => NormaliseEmail(admitted) == email))
        {
            throw new ForbiddenException(ErrorCodes.RegistrationClosed, "Registration is by invitation only.");
        }

        if (invitation is not null)
        {
            // Checked before the account exists, so a bad invitation leaves no account behind.
            await grains.GetSpace(invitation.Space).PreviewInvitationAsync(invitation.InvitationId, invitation.Secret);
        }

        var personId = await grains.GetGrain<IAccountGrain>(email).RegisterAsync(new RegisterAccountCommand(
            email, request.Password, request.DisplayName, request.Pseudonym, request.Country, request.Languages ?? []));
        if (invitation is not null)
        {
            await grains.GetSpace(invitation.Space).AcceptInvitationAsync(Caller.Person(personId), invitation.InvitationId, invitation.Secret);
        }

        return TypedResults.Created($"/api/v1/people/{personId}", new Registered(personId));
    }

    private static async Task<Ok<AccessToken>> SignIn(SignInRequest request, IGrainFactory grains, IOptions<AccountOptions> options, TimeProvider clock)
    {
        var personId = await grains.GetGrain<IAccountGrain>(NormaliseEmail(request.Email)).SignInAsync(request.Password);
        var token = CallerAuthentication.TokenPrefix + Secrets.New();
        var expiresAt = clock.GetUtcNow() + options.Value.TokenLifetime;
        await grains.GetGrain<ICredentialGrain>(Secrets.CredentialKey(token))
            .IssueAsync(new IssueCredentialCommand(Caller.Person(personId), expiresAt));
        return TypedResults.Ok(new AccessToken(token, "Bearer", expiresAt, personId));
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

    private static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
