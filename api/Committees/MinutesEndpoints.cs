using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Api.Committees;

/// <summary>A meeting's minutes: drafted from the record, edited, circulated for comments, exported as Markdown and a printable page.</summary>
public static class MinutesEndpoints
{
    public static IEndpointRouteBuilder MapMinutesEndpoints(this IEndpointRouteBuilder app)
    {
        var minutes = app.MapGroup("/api/v1/meetings/{id:guid}").WithTags("Meetings").WithProblemResponses();
        minutes.MapGet("/minutes", GetMinutes).WithName(nameof(GetMinutes));
        minutes.MapPost("/minutes", DraftMinutes).WithName(nameof(DraftMinutes));
        minutes.MapPut("/minutes", EditMinutes).WithName(nameof(EditMinutes));
        minutes.MapPost("/minutes/circulate", CirculateMinutes).WithName(nameof(CirculateMinutes));
        minutes.MapPost("/minutes/comments", CommentOnMinutes).WithName(nameof(CommentOnMinutes)).WithIdempotencyKey();
        minutes.MapGet("/minutes.md", GetMinutesMarkdown).WithName(nameof(GetMinutesMarkdown));
        minutes.MapGet("/minutes.html", GetMinutesPage).WithName(nameof(GetMinutesPage));
        return app;
    }

    private static async Task<Ok<MinutesView>> GetMinutes(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IMinutesGrain>(id).GetAsync(user.Caller()), m => m.Version);

    /// <summary>Assembles the draft from what the meeting, the committee's seats and its action items say now.</summary>
    private static async Task<Ok<MinutesView>> DraftMinutes(Guid id, DraftMinutesRequest? request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.Caller();
        var meeting = await grains.GetGrain<IMeetingGrain>(id).GetViewAsync(caller);
        var committee = grains.GetGrain<ICommitteeGrain>(meeting.CommitteeId);
        var details = await committee.GetAsync(caller);
        var seats = await committee.GetSeatsAsync(caller);
        var actions = await grains.GetGrain<IActionItemsGrain>(meeting.CommitteeId).ListAsync(caller, new ActionItemFilter());
        var markdown = MinutesMarkdown.Draft(details, meeting, seats, actions);
        return ETags.Ok(context, await grains.GetGrain<IMinutesGrain>(id).DraftAsync(caller, markdown, request?.Replace ?? false), m => m.Version);
    }

    private static async Task<Ok<MinutesView>> EditMinutes(Guid id, EditMinutesRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IMinutesGrain>(id).EditAsync(user.Caller(), request.Markdown, ETags.Expected(context)), m => m.Version);

    private static async Task<Ok<MinutesView>> CirculateMinutes(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IMinutesGrain>(id).CirculateAsync(user.Caller()), m => m.Version);

    private static async Task<Ok<MinutesView>> CommentOnMinutes(Guid id, MinutesCommentRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var commentId = await keys.NewResourceIdAsync(context, $"minutes-comment:{id:N}");
        return ETags.Ok(context, await grains.GetGrain<IMinutesGrain>(id).CommentAsync(user.Caller(), commentId, request.Text, request.Quote), m => m.Version);
    }

    private static async Task<ContentHttpResult> GetMinutesMarkdown(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var minutes = await grains.GetGrain<IMinutesGrain>(id).GetAsync(user.Caller());
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"minutes-{id:N}.md\"";
        return TypedResults.Text(minutes.Markdown, "text/markdown; charset=utf-8");
    }

    private static async Task<ContentHttpResult> GetMinutesPage(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.Caller();
        var minutes = await grains.GetGrain<IMinutesGrain>(id).GetAsync(caller);
        var meeting = await grains.GetGrain<IMeetingGrain>(id).GetSummaryAsync(caller);
        context.Response.Headers.ContentSecurityPolicy = MinutesPage.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(MinutesPage.Write(minutes, $"Minutes: {meeting.Title}"), "text/html; charset=utf-8");
    }
}

public sealed record DraftMinutesRequest(bool Replace = false);

public sealed record EditMinutesRequest([property: Required, StringLength(MinutesLimits.TextMaxLength, MinimumLength = 1), FreeText] string Markdown);

public sealed record MinutesCommentRequest(
    [property: Required, StringLength(MinutesLimits.CommentMaxLength, MinimumLength = 1), FreeText] string Text,
    [property: StringLength(MinutesLimits.CommentMaxLength), FreeText] string? Quote);
