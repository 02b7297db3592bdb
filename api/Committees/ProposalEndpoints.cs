using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Api.Committees;

/// <summary>
/// A committee's proposals from live sessions. They are made from the session
/// (<c>POST /api/v1/live-sessions/{id}/proposals</c>) and moved at a meeting as a motion with <c>fromProposal</c>.
/// </summary>
public static class ProposalEndpoints
{
    public static IEndpointRouteBuilder MapProposalEndpoints(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/api/v1/committees/{id:guid}/proposals").WithTags("Committees").WithProblemResponses();
        proposals.MapGet("/", GetProposals).WithName(nameof(GetProposals));
        proposals.MapGet("/{proposalId:guid}", GetProposal).WithName(nameof(GetProposal));
        proposals.MapPost("/{proposalId:guid}/withdraw", WithdrawProposal).WithName(nameof(WithdrawProposal))
            .WithSummary("Withdraws a draft motion that no meeting has moved (chair, co-chairs, secretary, coordinators).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<Proposal>>> GetProposals(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IProposalsGrain>(id).ListAsync(user.Caller()));

    private static async Task<Ok<Proposal>> GetProposal(Guid id, Guid proposalId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IProposalsGrain>(id).GetAsync(user.Caller(), proposalId));

    private static async Task<Ok<Proposal>> WithdrawProposal(Guid id, Guid proposalId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IProposalsGrain>(id).WithdrawAsync(user.Caller(), proposalId));
}
