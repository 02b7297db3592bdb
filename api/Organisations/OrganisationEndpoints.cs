using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Directory;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Spaces;
using NetworkHub.Api.WorkingGroups;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Organisations;

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Organisations").WithProblemResponses();
        group.MapGet("/", ListOrganisations).WithName(nameof(ListOrganisations));
        group.MapPost("/", CreateOrganisation).WithName(nameof(CreateOrganisation)).WithIdempotencyKey();
        group.MapGet("/{id:guid}", GetOrganisation).WithName(nameof(GetOrganisation));
        group.MapPut("/{id:guid}", UpdateOrganisation).WithName(nameof(UpdateOrganisation));
        group.MapPost("/{id:guid}/api-keys", CreateApiKey).WithName(nameof(CreateApiKey));
        group.MapGet("/{id:guid}/api-keys", GetApiKeys).WithName(nameof(GetApiKeys));
        group.MapDelete("/{id:guid}/api-keys/{keyId:guid}", RevokeApiKey).WithName(nameof(RevokeApiKey));
        group.MapGet("/{id:guid}/coalitions", GetOrganisationCoalitions).WithName(nameof(GetOrganisationCoalitions));
        group.MapChildWorkingGroups(SpaceKind.Organisation);
        group.MapSpaceMembership(SpaceKind.Organisation);
        return app;
    }

    private static async Task<Ok<DirectoryPage>> ListOrganisations([AsParameters] DirectoryFilter filter, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await DirectoryQueries.QueryAsync(grains, DirectoryKeys.Organisations, user.Caller(), filter));

    private static async Task<Created<OrganisationDetails>> CreateOrganisation(OrganisationRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var id = await keys.NewResourceIdAsync(context, "organisation");
        return ETags.Created(context, $"/api/v1/organisations/{id}", await grains.GetGrain<IOrganisationGrain>(id).CreateAsync(user.Caller(), request.ToProfile()), d => d.Version);
    }

    private static async Task<Ok<OrganisationDetails>> GetOrganisation(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IOrganisationGrain>(id).GetAsync(user.Caller()), d => d.Version);

    private static async Task<Ok<OrganisationDetails>> UpdateOrganisation(Guid id, OrganisationRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IOrganisationGrain>(id).UpdateAsync(user.Caller(), request.ToProfile(), ETags.Expected(context)), d => d.Version);

    private static async Task<Created<ApiKeyCreated>> CreateApiKey(Guid id, CreateApiKeyRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var key = await grains.GetGrain<IOrganisationGrain>(id).CreateApiKeyAsync(user.Caller(), request.Name, request.Scope!.Value);
        return TypedResults.Created($"/api/v1/organisations/{id}/api-keys/{key.KeyId}", key);
    }

    private static async Task<Ok<IReadOnlyList<ApiKeySummary>>> GetApiKeys(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganisationGrain>(id).GetApiKeysAsync(user.Caller()));

    private static async Task<Ok<IReadOnlyList<OrganisationCoalition>>> GetOrganisationCoalitions(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganisationGrain>(id).GetCoalitionsAsync(user.Caller()));

    private static async Task<NoContent> RevokeApiKey(Guid id, Guid keyId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IOrganisationGrain>(id).RevokeApiKeyAsync(user.Caller(), keyId);
        return TypedResults.NoContent();
    }
}
