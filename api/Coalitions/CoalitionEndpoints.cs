using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Committees;
using NetworkHub.Api.Directory;
using NetworkHub.Api.Forums;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Spaces;
using NetworkHub.Api.WorkingGroups;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
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
        group.MapPut("/{id:guid}/organisations/{organisationId:guid}/role", SetOrganisationRole).WithName(nameof(SetOrganisationRole));
        group.MapPost("/{id:guid}/organisations/{organisationId:guid}/accept", AcceptForOrganisation).WithName(nameof(AcceptForOrganisation));
        group.MapPost("/{id:guid}/organisations/{organisationId:guid}/decline", DeclineForOrganisation).WithName(nameof(DeclineForOrganisation));
        group.MapDelete("/{id:guid}/organisations/{organisationId:guid}", RemoveOrganisation).WithName(nameof(RemoveOrganisation));
        group.MapChildWorkingGroups(SpaceKind.Coalition);
        group.MapChildForums();
        group.MapChildCommittees(SpaceKind.Coalition);
        group.MapSpaceMembership(SpaceKind.Coalition);
        return app;
    }

    /// <summary>With <paramref name="organisation"/>: the coalitions that include that organisation, as the caller may know it.</summary>
    private static async Task<Ok<DirectoryPage>> ListCoalitions([AsParameters] DirectoryFilter filter, Guid? organisation, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.Caller();
        var only = organisation is { } id ? await CoalitionsIncludingAsync(grains, caller, id) : null;
        return TypedResults.Ok(await DirectoryQueries.QueryAsync(grains, DirectoryKeys.Coalitions, caller, filter, only));
    }

    /// <summary>
    /// The coalitions the organisation belongs to whose member lists the caller may read: not-found for an organisation
    /// the caller may not see, and a coalition that hides its members does not reveal this one among them.
    /// </summary>
    private static async Task<IReadOnlySet<Guid>> CoalitionsIncludingAsync(IGrainFactory grains, Caller caller, Guid organisationId)
    {
        var coalitions = await grains.GetGrain<IOrganisationGrain>(organisationId).GetActiveCoalitionIdsAsync(caller);
        var readable = await Task.WhenAll(coalitions.Select(async id =>
        {
            try
            {
                return (await grains.GetGrain<ICoalitionGrain>(id).GetAccessAsync(caller)).CanSeeInside;
            }
            catch (NotFoundException)
            {
                return false;
            }
        }));
        return coalitions.Where((_, i) => readable[i]).ToHashSet();
    }

    private static async Task<Created<CoalitionDetails>> CreateCoalition(CoalitionRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var id = await keys.NewResourceIdAsync(context, "coalition");
        return ETags.Created(context, $"/api/v1/coalitions/{id}", await grains.GetGrain<ICoalitionGrain>(id).CreateAsync(user.Caller(), request.ToProfile()), d => d.Version);
    }

    private static async Task<Ok<CoalitionDetails>> GetCoalition(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<ICoalitionGrain>(id).GetAsync(user.Caller()), d => d.Version);

    private static async Task<Ok<CoalitionDetails>> UpdateCoalition(Guid id, CoalitionRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<ICoalitionGrain>(id).UpdateAsync(user.Caller(), request.ToProfile(), ETags.Expected(context)), d => d.Version);

    private static async Task<Ok<CoalitionOrganisationPage>> GetCoalitionOrganisations(Guid id, [AsParameters] CoalitionOrganisationFilter filter, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICoalitionGrain>(id).GetOrganisationsAsync(user.Caller(), filter.ToQuery()));

    private static async Task<NoContent> InviteOrganisationToCoalition(Guid id, InviteOrganisationRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICoalitionGrain>(id).InviteOrganisationAsync(user.Caller(), request.OrganisationId!.Value, request.PeopleRole);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetOrganisationRole(Guid id, Guid organisationId, OrganisationRoleRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICoalitionGrain>(id).SetOrganisationRoleAsync(user.Caller(), organisationId, request.PeopleRole!.Value);
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
