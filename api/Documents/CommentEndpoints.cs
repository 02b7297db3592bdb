using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Documents;

/// <summary>Comments on a document's sections: threads, resolving and reopening, and the drafting team's responses.</summary>
public static class CommentEndpoints
{
    public static IEndpointRouteBuilder MapCommentEndpoints(this IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/api/v1/documents/{id:guid}/comments").WithTags("Documents").WithProblemResponses();
        comments.MapGet("/", GetDocumentComments).WithName(nameof(GetDocumentComments))
            .WithDescription("Threads in the order they were started, filtered by their first comment's version, section, status and " +
                "round; `after` is the `next` of the previous page. Each comment says whether its section changed or vanished since.");
        comments.MapPost("/", PostDocumentComment).WithName(nameof(PostDocumentComment)).WithIdempotencyKey();
        comments.MapPut("/{commentId:guid}/status", SetDocumentCommentStatus).WithName(nameof(SetDocumentCommentStatus));
        comments.MapPut("/{commentId:guid}/response", RespondToDocumentComment).WithName(nameof(RespondToDocumentComment));
        return app;
    }

    private static IDocumentCommentsGrain Comments(IGrainFactory grains, Guid id) => grains.GetGrain<IDocumentCommentsGrain>(id);

    private static async Task<Ok<CommentPage>> GetDocumentComments(Guid id, ClaimsPrincipal user, IGrainFactory grains,
        [Range(1, DocumentLimits.MaxVersions)] int? version, [StringLength(CommentLimits.SectionIdMaxLength)] string? section,
        CommentStatus? status, Guid? round, long? after, [Range(1, Limits.PageSizeMax)] int limit = Limits.PageSizeDefault) =>
        TypedResults.Ok(await Comments(grains, id).ListAsync(user.Caller(), new CommentFilter(version, section, status, round), after, limit));

    private static async Task<Created<CommentView>> PostDocumentComment(Guid id, PostCommentRequest request, HttpContext context, ClaimsPrincipal user,
        IGrainFactory grains, ServerKeys keys)
    {
        var commentId = await keys.NewResourceIdAsync(context, $"document-comment:{id:N}");
        var comment = await Comments(grains, id).PostAsync(user.Caller(), commentId, request.ToCommand());
        return TypedResults.Created($"/api/v1/documents/{id}/comments/{commentId}", comment);
    }

    private static async Task<Ok<CommentView>> SetDocumentCommentStatus(Guid id, Guid commentId, CommentStatusRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Comments(grains, id).SetStatusAsync(user.Caller(), commentId, request.Status!.Value));

    private static async Task<Ok<CommentView>> RespondToDocumentComment(Guid id, Guid commentId, CommentResponseRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Comments(grains, id).RespondAsync(user.Caller(), commentId, request.Kind!.Value, request.Reply));
}

/// <summary>
/// A comment on a section of a version (a quote must occur in it), or a reply (<see cref="ParentId"/>: version, section
/// and round then come from the thread). <see cref="RoundId"/>: the feedback round it answers.
/// </summary>
public sealed record PostCommentRequest(
    [property: Range(1, DocumentLimits.MaxVersions)] int Version,
    [property: Required, StringLength(CommentLimits.SectionIdMaxLength)] string SectionId,
    [property: StringLength(DocumentLimits.QuoteMaxLength), FreeText] string? Quote,
    Guid? ParentId,
    [property: Required, StringLength(DocumentLimits.CommentMaxLength, MinimumLength = 1), FreeText] string Text,
    Guid? OrganisationId,
    Guid? RoundId)
{
    public PostCommentCommand ToCommand() => new(Version, SectionId, Quote, ParentId, Text, OrganisationId, RoundId);
}

public sealed record CommentStatusRequest([property: Required] CommentStatus? Status);

/// <summary>The drafting team's answer: accepted, partly accepted or not taken, with an optional reply.</summary>
public sealed record CommentResponseRequest(
    [property: Required] ResponseKind? Kind,
    [property: StringLength(DocumentLimits.ResponseMaxLength), FreeText] string? Reply);
