using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Directory;
using NetworkHub.Api.Forums;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Spaces;
using NetworkHub.Api.WorkingGroups;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Coalitions;

public static class CoalitionEndpoints
{
    public static IEndpointRouteBuilder MapCoalitionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/coalitions").WithTags("Coalitions").WithProblemResponses();
        group.MapGet("/", ListCoalitions).WithName(nameof(ListCoalitions));
        group.MapPost("/", CreateCoalition).WithName(nameof(CreateCoalition)).WithIdempotencyKey();
        group.MapGet("/{id:guid}", GetCoalition).WithName(nameof(GetCoalition));
        group.MapPut("/{id:guid}", UpdateCoalition).WithName(nameof(UpdateCoalition));
        group.MapGet("/{id:guid}/organisations", GetCoalitionOrganisations).WithName(nameof(GetCoalitionOrganisations));
        group.MapPost("/{id:guid}/organisations", InviteOrganisationToCoalition).WithName(nameof(InviteOrganisationToCoalition));
        group.MapPost("/{id:guid}/organisations/{organisationId:guid}/accept", AcceptForOrganisation).WithName(nameof(AcceptForOrganisation));
        group.MapPost("/{id:guid}/organisations/{organisationId:guid}/decline", DeclineForOrganisation).WithName(nameof(DeclineForOrganisation));
        group.MapDelete("/{id:guid}/organisations/{organisationId:guid}", RemoveOrganisation).WithName(nameof(RemoveOrganisation));
        group.MapChildWorkingGroups(SpaceKind.Coalition);
        group.MapChildForums();
        group.MapSpaceMembership(SpaceKind.Coalition);
        return app;
    }

    private static async Task<Ok<DirectoryPage>> ListCoalitions([AsParameters] DirectoryFilter filter, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await DirectoryQueries.QueryAsync(grains, DirectoryKeys.Coalitions, user.Caller(), filter));

    private static async Task<Created<CoalitionDetails>> CreateCoalition(CoalitionRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var id = await keys.NewResourceIdAsync(context, "coalition");
        return ETags.Created(context, $"/api/v1/coalitions/{id}", await grains.GetGrain<ICoalitionGrain>(id).CreateAsync(user.Caller(), request.ToProfile()), d => d.Version);
    }

    private static async Task<Ok<CoalitionDetails>> GetCoalition(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<ICoalitionGrain>(id).GetAsync(user.Caller()), d => d.Version);

    private static async Task<Ok<CoalitionDetails>> UpdateCoalition(Guid id, CoalitionRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<ICoalitionGrain>(id).UpdateAsync(user.Caller(), request.ToProfile(), ETags.Expected(context)), d => d.Version);

    private static async Task<Ok<IReadOnlyList<CoalitionOrganisation>>> GetCoalitionOrganisations(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICoalitionGrain>(id).GetOrganisationsAsync(user.Caller()));

    private static async Task<NoContent> InviteOrganisationToCoalition(Guid id, InviteOrganisationRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICoalitionGrain>(id).InviteOrganisationAsync(user.Caller(), request.OrganisationId!.Value);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AcceptForOrganisation(Guid id, Guid organisationId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICoalitionGrain>(id).RespondForOrganisationAsync(user.Caller(), organisationId, accept: true);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeclineForOrganisation(Guid id, Guid organisationId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICoalitionGrain>(id).RespondForOrganisationAsync(user.Caller(), organisationId, accept: false);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveOrganisation(Guid id, Guid organisationId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICoalitionGrain>(id).RemoveOrganisationAsync(user.Caller(), organisationId);
        return TypedResults.NoContent();
    }
}
