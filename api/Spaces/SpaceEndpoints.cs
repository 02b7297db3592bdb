using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Spaces;

/// <summary>
/// Membership endpoints every kind of space shares, mapped under each kind's route
/// (e.g. /api/v1/coalitions/{id}/members), plus the invitation links, which name their space themselves.
/// </summary>
public static class SpaceEndpoints
{
    public static RouteGroupBuilder MapSpaceMembership(this RouteGroupBuilder group, SpaceKind kind)
    {
        var space = group.MapGroup("/{id:guid}").AddEndpointFilter((context, next) =>
        {
            context.HttpContext.Items[typeof(SpaceKind)] = kind;
            return next(context);
        });
        var name = kind.ToString();
        space.MapGet("/members", GetMembers).WithName($"Get{name}Members");
        space.MapPut("/members/{personId:guid}/role", ChangeRole).WithName($"Change{name}MemberRole");
        space.MapDelete("/members/{personId:guid}", RemoveMember).WithName($"Remove{name}Member");
        space.MapPost("/leave", Leave).WithName($"Leave{name}");
        space.MapPost("/invitations", Invite).WithName($"Create{name}Invitation");
        space.MapGet("/invitations", GetInvitations).WithName($"Get{name}Invitations");
        space.MapDelete("/invitations/{invitationId:guid}", RevokeInvitation).WithName($"Revoke{name}Invitation");
        space.MapPost("/join-requests", RequestToJoin).WithName($"RequestToJoin{name}");
        space.MapGet("/join-requests", GetJoinRequests).WithName($"Get{name}JoinRequests");
        space.MapPost("/join-requests/{personId:guid}/approve", Approve).WithName($"Approve{name}JoinRequest");
        space.MapPost("/join-requests/{personId:guid}/reject", Reject).WithName($"Reject{name}JoinRequest");
        space.MapGet("/audit", GetAudit).WithName($"Get{name}Audit");
        return group;
    }

    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapGroup("/api/v1/invitations/{token}").WithTags("Invitations").WithProblemResponses();
        invitations.MapGet("/", PreviewInvitation).WithName(nameof(PreviewInvitation));
        invitations.MapPost("/accept", AcceptInvitation).WithName(nameof(AcceptInvitation));
        invitations.MapPost("/decline", DeclineInvitation).WithName(nameof(DeclineInvitation));
        return app;
    }

    private static ISpaceGrain Space(HttpContext context, IGrainFactory grains, Guid id) =>
        grains.GetSpace(new SpaceRef((SpaceKind)context.Items[typeof(SpaceKind)]!, id));

    private static async Task<Ok<IReadOnlyList<SpaceMember>>> GetMembers(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Space(context, grains, id).GetMembersAsync(user.Caller()));

    private static async Task<NoContent> ChangeRole(Guid id, Guid personId, ChangeRoleRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Space(context, grains, id).ChangeRoleAsync(user.Caller(), personId, request.Role!.Value);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveMember(Guid id, Guid personId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Space(context, grains, id).RemoveMemberAsync(user.Caller(), personId);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Leave(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Space(context, grains, id).LeaveAsync(user.Caller());
        return TypedResults.NoContent();
    }

    private static async Task<Created<InvitationCreated>> Invite(Guid id, CreateInvitationRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var created = await Space(context, grains, id).InviteAsync(user.Caller(),
            new InviteCommand(request.Role!.Value, TimeSpan.FromDays(request.ExpiresInDays), request.Note));
        return TypedResults.Created($"/api/v1/invitations/{created.Token}", created);
    }

    private static async Task<Ok<IReadOnlyList<InvitationSummary>>> GetInvitations(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Space(context, grains, id).GetInvitationsAsync(user.Caller()));

    private static async Task<NoContent> RevokeInvitation(Guid id, Guid invitationId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Space(context, grains, id).RevokeInvitationAsync(user.Caller(), invitationId);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> RequestToJoin(Guid id, JoinRequest? request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Space(context, grains, id).RequestToJoinAsync(user.Caller(), request?.Message);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<IReadOnlyList<JoinRequestSummary>>> GetJoinRequests(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Space(context, grains, id).GetJoinRequestsAsync(user.Caller()));

    private static async Task<NoContent> Approve(Guid id, Guid personId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Space(context, grains, id).DecideJoinRequestAsync(user.Caller(), personId, approve: true);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Reject(Guid id, Guid personId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Space(context, grains, id).DecideJoinRequestAsync(user.Caller(), personId, approve: false);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AuditPage>> GetAudit(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains,
        long? after, [Range(1, Limits.PageSizeMax)] int limit = Limits.PageSizeDefault) =>
        TypedResults.Ok(await Space(context, grains, id).GetAuditAsync(user.Caller(), after, limit));

    private static async Task<Ok<InvitationPreview>> PreviewInvitation(string token, IGrainFactory grains)
    {
        var invitation = ParseToken(token);
        return TypedResults.Ok(await grains.GetSpace(invitation.Space).PreviewInvitationAsync(invitation.InvitationId, invitation.Secret));
    }

    private static async Task<Ok<SpaceAccess>> AcceptInvitation(string token, ClaimsPrincipal user, IGrainFactory grains)
    {
        var invitation = ParseToken(token);
        return TypedResults.Ok(await grains.GetSpace(invitation.Space)
            .AcceptInvitationAsync(user.Caller(), invitation.InvitationId, invitation.Secret));
    }

    private static async Task<NoContent> DeclineInvitation(string token, IGrainFactory grains)
    {
        var invitation = ParseToken(token);
        await grains.GetSpace(invitation.Space).DeclineInvitationAsync(invitation.InvitationId, invitation.Secret);
        return TypedResults.NoContent();
    }

    private static InvitationToken ParseToken(string token) => InvitationToken.TryParse(token, out var invitation)
        ? invitation
        : throw new NotFoundException(ErrorCodes.InvitationNotFound, "This invitation does not exist.");
}
