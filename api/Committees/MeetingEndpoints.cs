using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Committees;

/// <summary>
/// Meetings and written procedures of a committee: scheduling, agenda, attendance, proxies, motions, amendments and
/// votes. The meeting grain decides every rule; a meeting of a committee the caller may not see inside is 404.
/// </summary>
public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var committees = app.MapGroup("/api/v1/committees/{id:guid}/meetings").WithTags("Meetings").WithProblemResponses();
        committees.MapPost("/", ScheduleMeeting).WithName(nameof(ScheduleMeeting)).WithIdempotencyKey();

        var meetings = app.MapGroup("/api/v1/meetings/{id:guid}").WithTags("Meetings").WithProblemResponses();
        meetings.MapGet("/", GetMeeting).WithName(nameof(GetMeeting));
        meetings.MapPut("/agenda", UpdateMeetingAgenda).WithName(nameof(UpdateMeetingAgenda));
        meetings.MapPost("/start", StartMeeting).WithName(nameof(StartMeeting));
        meetings.MapPost("/close", CloseMeeting).WithName(nameof(CloseMeeting));
        meetings.MapPost("/cancel", CancelMeeting).WithName(nameof(CancelMeeting));
        meetings.MapPut("/attendance/{seatId:guid}", RecordAttendance).WithName(nameof(RecordAttendance));
        meetings.MapPut("/proxies/{seatId:guid}", GiveProxy).WithName(nameof(GiveProxy));
        meetings.MapDelete("/proxies/{seatId:guid}", RevokeProxy).WithName(nameof(RevokeProxy));
        meetings.MapPost("/motions", ProposeMotion).WithName(nameof(ProposeMotion));
        meetings.MapPost("/motions/{motionId:guid}/second", SecondMotion).WithName(nameof(SecondMotion));
        meetings.MapPost("/motions/{motionId:guid}/amendments", ProposeAmendment).WithName(nameof(ProposeAmendment));
        meetings.MapPost("/motions/{motionId:guid}/amendments/{amendmentId:guid}/second", SecondAmendment).WithName(nameof(SecondAmendment));
        meetings.MapPost("/votes", OpenVote).WithName(nameof(OpenVote));
        meetings.MapPost("/votes/{voteId:guid}/ballots", CastVote).WithName(nameof(CastVote));
        meetings.MapPost("/votes/{voteId:guid}/close", CloseVote).WithName(nameof(CloseVote));
        meetings.MapGet("/audit", GetMeetingAudit).WithName(nameof(GetMeetingAudit));
        return app;
    }

    private static async Task<Created<MeetingView>> ScheduleMeeting(Guid id, ScheduleMeetingRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var meetingId = await keys.NewResourceIdAsync(context, $"meeting:{id:N}");
        var meeting = await grains.GetGrain<IMeetingGrain>(meetingId).ScheduleAsync(user.Caller(), id, request.ToPlan());
        return ETags.Created(context, $"/api/v1/meetings/{meetingId}", meeting, m => m.Version);
    }

    private static async Task<Ok<MeetingView>> GetMeeting(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).GetViewAsync(user.Caller()), m => m.Version);

    private static async Task<Ok<MeetingView>> UpdateMeetingAgenda(Guid id, UpdateMeetingAgendaRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).UpdateAgendaAsync(user.Caller(), request.ToDrafts(), ETags.Expected(context)), m => m.Version);

    private static async Task<Ok<MeetingView>> StartMeeting(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).StartAsync(user.Caller()), m => m.Version);

    private static async Task<Ok<MeetingView>> CloseMeeting(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).CloseAsync(user.Caller()), m => m.Version);

    private static async Task<Ok<MeetingView>> CancelMeeting(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).CancelAsync(user.Caller()), m => m.Version);

    private static async Task<Ok<MeetingView>> RecordAttendance(Guid id, Guid seatId, AttendanceRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).RecordAttendanceAsync(user.Caller(), seatId, request.Status!.Value), m => m.Version);

    private static async Task<Ok<MeetingView>> GiveProxy(Guid id, Guid seatId, ProxyRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).GiveProxyAsync(user.Caller(), seatId, request.HolderSeatId!.Value), m => m.Version);

    private static async Task<Ok<MeetingView>> RevokeProxy(Guid id, Guid seatId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Meeting(grains, id).RevokeProxyAsync(user.Caller(), seatId), m => m.Version);

    private static async Task<Ok<MotionView>> ProposeMotion(Guid id, MotionRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).ProposeMotionAsync(user.Caller(), request.ToDraft()));

    private static async Task<Ok<MotionView>> SecondMotion(Guid id, Guid motionId, SecondRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).SecondMotionAsync(user.Caller(), motionId, request.SeatId!.Value));

    private static async Task<Ok<MotionView>> ProposeAmendment(Guid id, Guid motionId, AmendmentRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).ProposeAmendmentAsync(user.Caller(), motionId, request.ToDraft()));

    private static async Task<Ok<MotionView>> SecondAmendment(Guid id, Guid motionId, Guid amendmentId, SecondRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).SecondAmendmentAsync(user.Caller(), motionId, amendmentId, request.SeatId!.Value));

    private static async Task<Ok<VoteView>> OpenVote(Guid id, OpenVoteRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).OpenVoteAsync(user.Caller(), request.ToCommand()));

    private static async Task<Ok<VoteView>> CastVote(Guid id, Guid voteId, CastVoteRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).CastVoteAsync(user.Caller(), voteId, request.ToCommand()));

    private static async Task<Ok<VoteView>> CloseVote(Guid id, Guid voteId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).CloseVoteAsync(user.Caller(), voteId));

    private static async Task<Ok<AuditPage>> GetMeetingAudit(Guid id, long? after, int? limit, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, id).GetAuditAsync(user.Caller(), after, Math.Clamp(limit ?? Limits.PageSizeDefault, 1, Limits.PageSizeMax)));

    private static IMeetingGrain Meeting(IGrainFactory grains, Guid id) => grains.GetGrain<IMeetingGrain>(id);
}
