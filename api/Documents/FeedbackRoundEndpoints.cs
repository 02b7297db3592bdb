using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Documents;

/// <summary>Feedback rounds on a document's version, the signed-in person's open rounds, and a round's consolidated report.</summary>
public static class FeedbackRoundEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackRoundEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/v1/documents/{id:guid}/feedback-rounds").WithTags("Documents").WithProblemResponses();
        documents.MapGet("/", GetDocumentFeedbackRounds).WithName(nameof(GetDocumentFeedbackRounds));
        documents.MapPost("/", OpenFeedbackRound).WithName(nameof(OpenFeedbackRound)).WithIdempotencyKey()
            .WithDescription("The drafting team opens a round on a version, asking groups (spaces it can see; sections each, none for all) by a deadline at most a year ahead.");

        var rounds = app.MapGroup("/api/v1/feedback-rounds/{id:guid}").WithTags("Documents").WithProblemResponses();
        rounds.MapGet("/", GetFeedbackRound).WithName(nameof(GetFeedbackRound))
            .WithDescription("The round and the sections it asks the caller about, with their text: how invited groups outside the document's space read them.");
        rounds.MapPost("/close", CloseFeedbackRound).WithName(nameof(CloseFeedbackRound));
        rounds.MapGet("/report", GetFeedbackRoundReport).WithName(nameof(GetFeedbackRoundReport))
            .WithDescription("Per section, every thread of the round with its group and the drafting team's response; a commenter sees their own.");
        rounds.MapGet("/report.md", GetFeedbackRoundReportMarkdown).WithName(nameof(GetFeedbackRoundReportMarkdown))
            .Produces<string>(StatusCodes.Status200OK, "text/markdown");
        rounds.MapGet("/report.csv", GetFeedbackRoundReportCsv).WithName(nameof(GetFeedbackRoundReportCsv))
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithDescription("One line per comment and reply, with a header; cells that would start a spreadsheet formula begin with '.");

        app.MapGet("/api/v1/me/feedback-rounds", GetMyFeedbackRounds).WithName(nameof(GetMyFeedbackRounds)).WithTags("Documents").WithProblemResponses()
            .WithDescription("Open rounds inviting a space where the signed-in person holds a member role or more: what is asked of them and by when.");
        return app;
    }

    private static IFeedbackRoundGrain Round(IGrainFactory grains, Guid id) => grains.GetGrain<IFeedbackRoundGrain>(id);

    private static IFeedbackRoundIndexGrain Index(IGrainFactory grains) => grains.GetGrain<IFeedbackRoundIndexGrain>(0);

    private static async Task<Ok<IReadOnlyList<FeedbackRoundSummary>>> GetDocumentFeedbackRounds(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Index(grains).ForDocumentAsync(user.Caller(), id));

    private static async Task<Created<FeedbackRoundDetails>> OpenFeedbackRound(Guid id, OpenRoundRequest request, HttpContext context, ClaimsPrincipal user,
        IGrainFactory grains, ServerKeys keys)
    {
        var roundId = await keys.NewResourceIdAsync(context, $"feedback-round:{id:N}");
        var round = await Round(grains, roundId).OpenAsync(user.Caller(), id, request.ToCommand());
        return TypedResults.Created($"/api/v1/feedback-rounds/{roundId}", round);
    }

    private static async Task<Ok<FeedbackRoundDetails>> GetFeedbackRound(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Round(grains, id).GetAsync(user.Caller()));

    private static async Task<Ok<FeedbackRoundDetails>> CloseFeedbackRound(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Round(grains, id).CloseAsync(user.Caller()));

    private static async Task<Ok<RoundReport>> GetFeedbackRoundReport(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Round(grains, id).GetReportAsync(user.Caller()));

    private static async Task<ContentHttpResult> GetFeedbackRoundReportMarkdown(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var report = await Round(grains, id).GetReportAsync(user.Caller());
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"feedback-round-{id:N}.md\"";
        return TypedResults.Text(RoundReportMarkdown.Write(report), "text/markdown; charset=utf-8");
    }

    private static async Task<ContentHttpResult> GetFeedbackRoundReportCsv(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var report = await Round(grains, id).GetReportAsync(user.Caller());
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"feedback-round-{id:N}.csv\"";
        return TypedResults.Text(RoundReportCsv.Write(report), "text/csv; charset=utf-8");
    }

    private static async Task<Ok<IReadOnlyList<MyFeedbackRound>>> GetMyFeedbackRounds(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Index(grains).MineAsync(user.Caller()));
}

/// <summary>A round on <see cref="Version"/>: at most 200 groups, each a space with the section ids asked (none for all).</summary>
public sealed record OpenRoundRequest(
    [property: Range(1, DocumentLimits.MaxVersions)] int Version,
    [property: Required, StringLength(FeedbackRoundLimits.TitleMaxLength, MinimumLength = 1), PlainText] string Title,
    [property: StringLength(FeedbackRoundLimits.InstructionsMaxLength), FreeText] string? Instructions,
    [property: Required] DateTimeOffset? Deadline,
    [property: Required, MinLength(1), MaxLength(FeedbackRoundLimits.MaxGroups), NoNullItems] IReadOnlyList<RoundGroupRequest> Groups)
{
    public OpenRoundCommand ToCommand() => new(Version, Title, Instructions, Deadline!.Value,
        [.. Groups.Select(g => new RoundGroup(new SpaceRef(g.Kind!.Value, g.SpaceId!.Value), g.SectionIds ?? []))]);
}

public sealed record RoundGroupRequest(
    [property: Required] SpaceKind? Kind,
    [property: Required] Guid? SpaceId,
    [property: MaxLength(DocumentLimits.MaxSections), EachLength(CommentLimits.SectionIdMaxLength), NoNullItems] IReadOnlyList<string>? SectionIds);
