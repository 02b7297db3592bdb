using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Spaces;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;

namespace NetworkHub.Api.WorkingGroups;

public static class WorkingGroupEndpoints
{
    public static IEndpointRouteBuilder MapWorkingGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/working-groups").WithTags("Working groups").WithProblemResponses();
        group.MapGet("/{id:guid}", GetWorkingGroup).WithName(nameof(GetWorkingGroup));
        group.MapPut("/{id:guid}", UpdateWorkingGroup).WithName(nameof(UpdateWorkingGroup));
        group.MapSpaceMembership(SpaceKind.WorkingGroup);
        return app;
    }

    /// <summary>Maps /{id}/working-groups under a coalition or organisation route.</summary>
    public static RouteGroupBuilder MapChildWorkingGroups(this RouteGroupBuilder parent, SpaceKind parentKind)
    {
        parent.MapGet("/{id:guid}/working-groups", (Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
                ChildSpaces.ListAsync(grains, user.Caller(), new SpaceRef(parentKind, id), SpaceKind.WorkingGroup))
            .WithName($"Get{parentKind}WorkingGroups").WithTags("Working groups");
        parent.MapPost("/{id:guid}/working-groups", (Guid id, WorkingGroupRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys) =>
                CreateWorkingGroup(new SpaceRef(parentKind, id), request, context, user, grains, keys))
            .WithName($"Create{parentKind}WorkingGroup").WithTags("Working groups").WithIdempotencyKey();
        return parent;
    }

    private static async Task<Created<WorkingGroupDetails>> CreateWorkingGroup(SpaceRef parent, WorkingGroupRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var id = await keys.NewResourceIdAsync(context, $"working-group:{parent.Kind}:{parent.Id:N}");
        return ETags.Created(context, $"/api/v1/working-groups/{id}", await grains.GetGrain<IWorkingGroupGrain>(id).CreateAsync(user.Caller(), parent, request.ToProfile()), d => d.Version);
    }

    private static async Task<Ok<WorkingGroupDetails>> GetWorkingGroup(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IWorkingGroupGrain>(id).GetAsync(user.Caller()), d => d.Version);

    private static async Task<Ok<WorkingGroupDetails>> UpdateWorkingGroup(Guid id, WorkingGroupRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IWorkingGroupGrain>(id).UpdateAsync(user.Caller(), request.ToProfile(), ETags.Expected(context)), d => d.Version);
}
