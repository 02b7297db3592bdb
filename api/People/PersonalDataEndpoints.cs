using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetworkHub.Api.Accounts;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Access;

namespace NetworkHub.Api.People;

/// <summary>A member's own data: all of it as one JSON download, and its erasure. Both need a recent sign-in.</summary>
public static class PersonalDataEndpoints
{
    public const string HandOverFirst = "account.hand-over-first";

    public static IEndpointRouteBuilder MapPersonalDataEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Accounts").WithProblemResponses();
        me.MapGet("/export", ExportMyData).WithName(nameof(ExportMyData))
            .WithDescription("Everything the hub holds about the signed-in person, as a JSON attachment. Needs a sign-in within " +
                "the last `Accounts:FreshSignInWithin` (10 minutes by default), else 401 `auth.fresh-sign-in-required`.");
        me.MapDelete("", EraseMe).WithName(nameof(EraseMe))
            .Produces<ErasureProgress>(StatusCodes.Status202Accepted)
            .WithDescription("Erases the signed-in person's account and personal data; what others keep (contributions, ballots, " +
                "statements, audit lines) stays under a former member's id and the name \"former member\". Needs a recent sign-in. " +
                "409 `account.hand-over-first` with `spaces` while the person is the only coordinator of a space. 204 once every " +
                "step is done; 202 when the account can no longer sign in but some steps are left to a retry.");
        return app;
    }

    /// <summary>
    /// Gathered from every grain that may hold the person: the account, the person, each space in the person's lists
    /// (belongs to, left, asked to join) and each session of the forums among them.
    /// </summary>
    private static async Task<Ok<PersonalDataExport>> ExportMyData(
        HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys, TimeProvider clock, IOptions<AccountOptions> options)
    {
        user.Caller().RequirePerson();
        var signIn = await FreshSignIn.RequireAsync(context, grains, clock, options.Value.FreshSignInWithin);
        var record = await RecordAsync(user, grains);
        var (account, owner) = await AccountEndpoints.OwnAccountAsync(user, grains, keys);
        var twoFactor = await account.GetTwoFactorAsync(owner);

        var spaces = (await Task.WhenAll(record.AllSpaces.Select(s => grains.GetSpace(s).GetPersonDataAsync(record.Id)))).OfType<PersonInSpace>().ToList();
        var sessionIds = (await Task.WhenAll(record.AllSpaces.Where(s => s.Kind == SpaceKind.Forum)
            .Select(f => grains.GetGrain<IForumSessionsGrain>(f.Id).GetSessionIdsAsync()))).SelectMany(ids => ids).Distinct();
        var sessions = (await Task.WhenAll(sessionIds.Select(id => grains.GetGrain<ILiveSessionGrain>(id).GetPersonDataAsync(record.Id))))
            .OfType<PersonInSession>().ToList();
        var comments = await grains.GetGrain<IPersonCommentsGrain>(record.Id).GetAsync();

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"networkhub-{record.Id}.json\"";
        return TypedResults.Ok(new PersonalDataExport(
            clock.GetUtcNow(),
            PersonalDataExport.CoverageNote,
            new AccountExport(record.Email, twoFactor.Enabled, twoFactor.RecoveryCodesLeft, signIn, record.CredentialKeys.Count),
            new PersonExport(record.Id, record.Profile.DisplayName, record.Profile.Pseudonym, record.Profile.Country, record.Profile.Languages),
            record.Spaces,
            spaces,
            sessions,
            comments));
    }

    /// <summary>
    /// Refused while the person is a space's only coordinator (the space would be left without anyone to run it): they
    /// hand it over first. Otherwise the erasure grain plans and runs every step; the answer comes once the account and
    /// its tokens are gone, and anything that failed is retried by the grain's reminder.
    /// </summary>
    private static async Task<Results<NoContent, Accepted<ErasureProgress>, ProblemHttpResult>> EraseMe(
        HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys, TimeProvider clock, IOptions<AccountOptions> options)
    {
        // An API key is told it cannot do this (403), not to sign in again.
        user.Caller().RequirePerson();
        await FreshSignIn.RequireAsync(context, grains, clock, options.Value.FreshSignInWithin);
        var record = await RecordAsync(user, grains);
        var coordinated = await Task.WhenAll(record.Spaces.Where(s => s.Role == SpaceRole.Coordinator)
            .Select(s => grains.GetSpace(s.Space).GetPersonDataAsync(record.Id)));
        var handOver = coordinated.OfType<PersonInSpace>().Where(s => s.SoleCoordinator).Select(s => s.Space).ToList();
        if (handOver.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                detail: "You are the only coordinator of these spaces; make someone else coordinator of each (or delete it) first.",
                extensions: new Dictionary<string, object?> { ["code"] = HandOverFirst, ["spaces"] = handOver });
        }

        var account = await keys.AccountAsync(grains, AccountKeys.NormaliseEmail(record.Email));
        var progress = await grains.GetGrain<IErasureGrain>(record.Id).EraseAsync(account.GetPrimaryKeyString());
        return progress.Complete ? TypedResults.NoContent() : TypedResults.Accepted((string?)null, progress);
    }

    private static async Task<PersonRecord> RecordAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IPersonGrain>(user.Caller().RequirePerson()).GetRecordAsync()
            ?? throw new NotFoundException(ErrorCodes.PersonNotFound, "No such person.");
}

/// <summary>The download of <c>GET /api/v1/me/export</c>. Never holds a password hash, authenticator secret or token.</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    string Coverage,
    AccountExport Account,
    PersonExport Person,
    IReadOnlyList<PersonSpace> Memberships,
    IReadOnlyList<PersonInSpace> Spaces,
    IReadOnlyList<PersonInSession> LiveSessions,
    IReadOnlyList<DocumentComment> DocumentComments)
{
    public const string CoverageNote =
        "Spaces: every space you belong to (committees where you represent an organisation, or stand in for it, included, " +
        "with what you are named as there), and the last 1,000 you left or asked to join. Live sessions: every session of " +
        "the forums among them, public forums whose sessions you watched included (contributions, statements, ballots, " +
        "votes, reactions, attendance). Audit lines: those naming you in the audit window each space and session keeps. Document comments: " +
        "every comment and reply you wrote on any document, with the drafting team's response.";
}

/// <summary>Facts about the account; the sign-in is the one of the token this export was made with.</summary>
public sealed record AccountExport(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, SignInFacts SignIn, int SignInsTracked);

public sealed record PersonExport(Guid Id, string DisplayName, string? Pseudonym, string? Country, IReadOnlyList<string> Languages);
