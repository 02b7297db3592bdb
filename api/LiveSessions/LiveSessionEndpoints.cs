using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// Scheduling, the agenda, the live state for integrators, and the record after closing (JSON, or Markdown at
/// /record.md). Running a session happens on the hub.
/// </summary>
public static class LiveSessionEndpoints
{
    public static IEndpointRouteBuilder MapLiveSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var forums = app.MapGroup("/api/v1/forums/{forumId:guid}/sessions").WithTags("Live sessions").WithProblemResponses();
        forums.MapPost("/", ScheduleSession).WithName(nameof(ScheduleSession)).WithIdempotencyKey();
        forums.MapGet("/", GetForumSessions).WithName(nameof(GetForumSessions));

        var sessions = app.MapGroup("/api/v1/live-sessions/{id:guid}").WithTags("Live sessions").WithProblemResponses();
        sessions.MapGet("/", GetSession).WithName(nameof(GetSession));
        sessions.MapPut("/agenda", UpdateAgenda).WithName(nameof(UpdateAgenda));
        sessions.MapGet("/state", GetSessionState).WithName(nameof(GetSessionState));
        sessions.MapGet("/record", GetSessionRecord).WithName(nameof(GetSessionRecord));
        sessions.MapGet("/record.md", GetSessionRecordMarkdown).WithName(nameof(GetSessionRecordMarkdown));
        sessions.MapGet("/audit", GetSessionAudit).WithName(nameof(GetSessionAudit));
        sessions.MapPost("/proposals", ProposeFromSession).WithName(nameof(ProposeFromSession)).WithIdempotencyKey();
        sessions.MapGet("/proposals", GetSessionProposals).WithName(nameof(GetSessionProposals));
        return app;
    }

    private static async Task<Created<LiveSessionDetails>> ScheduleSession(Guid forumId, ScheduleSessionRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var id = await keys.NewResourceIdAsync(context, $"live-session:{forumId:N}");
        var session = await grains.GetGrain<ILiveSessionGrain>(id).ScheduleAsync(user.Caller(), request.ToCommand(forumId));
        return TypedResults.Created($"/api/v1/live-sessions/{id}", session);
    }

    /// <summary>The proposal is the committee's: its address is under the committee.</summary>
    private static async Task<Created<Proposal>> ProposeFromSession(Guid id, SessionProposalRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var proposalId = await keys.NewResourceIdAsync(context, $"proposal:{id:N}");
        var proposal = await grains.GetGrain<ILiveSessionGrain>(id).ProposeAsync(user.Caller(), proposalId, request.ToCommand());
        return TypedResults.Created($"/api/v1/committees/{proposal.CommitteeId}/proposals/{proposal.ProposalId}", proposal);
    }

    private static async Task<Ok<IReadOnlyList<Proposal>>> GetSessionProposals(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILiveSessionGrain>(id).GetProposalsAsync(user.Caller()));

    private static async Task<Ok<IReadOnlyList<LiveSessionSummary>>> GetForumSessions(Guid forumId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IForumSessionsGrain>(forumId).ListAsync(user.Caller()));

    private static async Task<Ok<LiveSessionDetails>> GetSession(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILiveSessionGrain>(id).GetAsync(user.Caller()));

    private static async Task<Ok<LiveSessionDetails>> UpdateAgenda(Guid id, UpdateAgendaRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILiveSessionGrain>(id).UpdateAgendaAsync(user.Caller(), request.ToItems()));

    private static async Task<Ok<LiveSessionView>> GetSessionState(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILiveSessionGrain>(id).GetViewAsync(user.Caller()));

    private static async Task<Ok<LiveSessionRecord>> GetSessionRecord(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var record = await grains.GetGrain<ILiveSessionGrain>(id).GetRecordAsync(user.Caller());
        if (context.Request.Query.ContainsKey("download"))
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"session-{id:N}.json\"";
        }

        return TypedResults.Ok(record);
    }

    private static async Task<ContentHttpResult> GetSessionRecordMarkdown(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var record = await grains.GetGrain<ILiveSessionGrain>(id).GetRecordAsync(user.Caller());
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"session-{id:N}.md\"";
        return TypedResults.Text(LiveSessionMarkdown.Write(record), "text/markdown; charset=utf-8");
    }

    private static async Task<Ok<AuditPage>> GetSessionAudit(Guid id, long? after, int? limit, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILiveSessionGrain>(id).GetAuditAsync(user.Caller(), after,
            Math.Clamp(limit ?? Limits.PageSizeDefault, 1, Limits.PageSizeMax)));
}
