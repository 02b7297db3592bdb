using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Committees;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Spaces;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Forums;

public static class ForumEndpoints
{
    public static IEndpointRouteBuilder MapForumEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/forums").WithTags("Forums").WithProblemResponses();
        group.MapPost("/", (ForumRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys) =>
            CreateForum(null, request, context, user, grains, keys)).WithName("CreateStandaloneForum").WithIdempotencyKey();
        group.MapGet("/{id:guid}", GetForum).WithName(nameof(GetForum));
        group.MapPut("/{id:guid}", UpdateForum).WithName(nameof(UpdateForum));
        group.MapChildCommittees(SpaceKind.Forum);
        group.MapSpaceMembership(SpaceKind.Forum);
        return app;
    }

    /// <summary>Maps /{id}/forums under the coalition route.</summary>
    public static RouteGroupBuilder MapChildForums(this RouteGroupBuilder coalitions)
    {
        coalitions.MapGet("/{id:guid}/forums", (Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
                ChildSpaces.ListAsync(grains, user.Caller(), new SpaceRef(SpaceKind.Coalition, id), SpaceKind.Forum))
            .WithName("GetCoalitionForums").WithTags("Forums");
        coalitions.MapPost("/{id:guid}/forums", (Guid id, ForumRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys) =>
                CreateForum(new SpaceRef(SpaceKind.Coalition, id), request, context, user, grains, keys))
            .WithName("CreateCoalitionForum").WithTags("Forums").WithIdempotencyKey();
        return coalitions;
    }

    private static async Task<Created<ForumDetails>> CreateForum(SpaceRef? parent, ForumRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var id = await keys.NewResourceIdAsync(context, parent is { } p ? $"forum:{p.Kind}:{p.Id:N}" : "forum");
        return ETags.Created(context, $"/api/v1/forums/{id}", await grains.GetGrain<IForumGrain>(id).CreateAsync(user.Caller(), parent, request.ToProfile()), d => d.Version);
    }

    private static async Task<Ok<ForumDetails>> GetForum(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IForumGrain>(id).GetAsync(user.Caller()), d => d.Version);

    private static async Task<Ok<ForumDetails>> UpdateForum(Guid id, ForumRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IForumGrain>(id).UpdateAsync(user.Caller(), request.ToProfile(), ETags.Expected(context)), d => d.Version);
}
