using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Spaces;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Committees;

public static class CommitteeEndpoints
{
    public static IEndpointRouteBuilder MapCommitteeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/committees").WithTags("Committees").WithProblemResponses();
        group.MapGet("/{id:guid}", GetCommittee).WithName(nameof(GetCommittee));
        group.MapPut("/{id:guid}", UpdateCommittee).WithName(nameof(UpdateCommittee));
        group.MapPut("/{id:guid}/offices", SetCommitteeOffices).WithName(nameof(SetCommitteeOffices));
        group.MapGet("/{id:guid}/seats", GetCommitteeSeats).WithName(nameof(GetCommitteeSeats));
        group.MapPost("/{id:guid}/seats", InviteToCommitteeSeat).WithName(nameof(InviteToCommitteeSeat));
        group.MapPut("/{id:guid}/seats/{seatId:guid}", UpdateCommitteeSeat).WithName(nameof(UpdateCommitteeSeat));
        group.MapPost("/{id:guid}/seats/{seatId:guid}/end", EndCommitteeSeat).WithName(nameof(EndCommitteeSeat));
        group.MapPost("/{id:guid}/seats/{seatId:guid}/accept", AcceptCommitteeSeat).WithName(nameof(AcceptCommitteeSeat))
            .WithDescription("The organisation's coordinators take the offered seat and name its representative and alternate, who must belong to the organisation.");
        group.MapPost("/{id:guid}/seats/{seatId:guid}/decline", DeclineCommitteeSeat).WithName(nameof(DeclineCommitteeSeat));
        group.MapPut("/{id:guid}/seats/{seatId:guid}/representatives", NameSeatRepresentatives).WithName(nameof(NameSeatRepresentatives));
        group.MapPost("/{id:guid}/seats/{seatId:guid}/step-down", StepDownFromSeat).WithName(nameof(StepDownFromSeat));
        group.MapGet("/{id:guid}/meetings", GetCommitteeMeetings).WithName(nameof(GetCommitteeMeetings));
        group.MapSpaceMembership(SpaceKind.Committee);
        return app;
    }

    /// <summary>Maps /{id}/committees under a coalition or forum route.</summary>
    public static RouteGroupBuilder MapChildCommittees(this RouteGroupBuilder parent, SpaceKind parentKind)
    {
        parent.MapGet("/{id:guid}/committees", (Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
                ChildSpaces.ListAsync(grains, user.Caller(), new SpaceRef(parentKind, id), SpaceKind.Committee))
            .WithName($"Get{parentKind}Committees").WithTags("Committees");
        parent.MapPost("/{id:guid}/committees", (Guid id, CommitteeRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys) =>
                CreateCommittee(new SpaceRef(parentKind, id), request, context, user, grains, keys))
            .WithName($"Create{parentKind}Committee").WithTags("Committees").WithIdempotencyKey();
        return parent;
    }

    private static ICommitteeGrain Committee(IGrainFactory grains, Guid id) => grains.GetGrain<ICommitteeGrain>(id);

    private static async Task<Created<CommitteeDetails>> CreateCommittee(SpaceRef parent, CommitteeRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var id = await keys.NewResourceIdAsync(context, $"committee:{parent.Kind}:{parent.Id:N}");
        return ETags.Created(context, $"/api/v1/committees/{id}", await Committee(grains, id).CreateAsync(user.Caller(), parent, request.ToProfile()), d => d.Version);
    }

    private static async Task<Ok<CommitteeDetails>> GetCommittee(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Committee(grains, id).GetAsync(user.Caller()), d => d.Version);

    private static async Task<Ok<CommitteeDetails>> UpdateCommittee(Guid id, CommitteeRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Committee(grains, id).UpdateAsync(user.Caller(), request.ToProfile(), ETags.Expected(context)), d => d.Version);

    private static async Task<Ok<CommitteeDetails>> SetCommitteeOffices(Guid id, CommitteeOfficesRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Committee(grains, id).SetOfficesAsync(user.Caller(), request.ToOffices()), d => d.Version);

    private static async Task<Ok<IReadOnlyList<Seat>>> GetCommitteeSeats(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).GetSeatsAsync(user.Caller()));

    private static async Task<Created<Seat>> InviteToCommitteeSeat(Guid id, SeatInvitationRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var seat = await Committee(grains, id).InviteSeatAsync(user.Caller(), request.ToInvitation());
        return TypedResults.Created($"/api/v1/committees/{id}/seats/{seat.SeatId}", seat);
    }

    private static async Task<Ok<Seat>> UpdateCommitteeSeat(Guid id, Guid seatId, SeatTermsRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).UpdateSeatAsync(user.Caller(), seatId, request.ToTerms()));

    private static async Task<Ok<Seat>> EndCommitteeSeat(Guid id, Guid seatId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).EndSeatAsync(user.Caller(), seatId));

    private static async Task<Ok<Seat>> AcceptCommitteeSeat(Guid id, Guid seatId, SeatPeopleRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).AcceptSeatAsync(user.Caller(), seatId, request.ToPeople()));

    private static async Task<Ok<Seat>> DeclineCommitteeSeat(Guid id, Guid seatId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).DeclineSeatAsync(user.Caller(), seatId));

    private static async Task<Ok<Seat>> NameSeatRepresentatives(Guid id, Guid seatId, SeatPeopleRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).NameSeatPeopleAsync(user.Caller(), seatId, request.ToPeople()));

    private static async Task<Ok<Seat>> StepDownFromSeat(Guid id, Guid seatId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).StepDownAsync(user.Caller(), seatId));

    private static async Task<Ok<IReadOnlyList<MeetingSummary>>> GetCommitteeMeetings(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Committee(grains, id).GetMeetingsAsync(user.Caller()));
}
