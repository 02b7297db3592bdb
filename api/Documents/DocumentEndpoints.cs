using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>Documents in spaces: details, versions (uploaded files and Markdown), their sections and their bytes.</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/spaces/{kind:regex(^(organisation|coalition|working-group|forum|committee)$)}/{id:guid}/documents", CreateDocument).WithName(nameof(CreateDocument)).WithTags("Documents")
            .WithProblemResponses().ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithIdempotencyKey()
            .WithDescription("Members create a document in the space. `kind` is organisation, coalition, working-group, forum or committee.");

        var documents = app.MapGroup("/api/v1/documents/{id:guid}").WithTags("Documents").WithProblemResponses();
        documents.MapGet("/", GetDocument).WithName(nameof(GetDocument));
        documents.MapPatch("/", UpdateDocument).WithName(nameof(UpdateDocument)).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("The space's coordinators or the document's creator. Fields left out stay as they are; `If-Match` guards against a lost update.");
        documents.MapDelete("/", DeleteDocument).WithName(nameof(DeleteDocument)).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithDescription("The space's coordinators or the document's creator: the document and every version's content go.");
        documents.MapGet("/versions", GetDocumentVersions).WithName(nameof(GetDocumentVersions));
        documents.MapPost("/versions", UploadDocumentVersion).WithName(nameof(UploadDocumentVersion))
            .Accepts<UploadDocumentVersionForm>("multipart/form-data")
            .Produces<DocumentVersionSummary>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("A file of any type as multipart/form-data (what a browser's FormData sends): an optional `changeNote` field, then the " +
                "`file` part with its file name and content type. Streamed to storage; larger than `Documents:MaxUploadBytes` gets 413 " +
                "`document.too-large` and nothing is stored.");
        documents.MapPost("/versions/markdown", AddMarkdownVersion).WithName(nameof(AddMarkdownVersion))
            .WithMetadata(new RequestSizeLimitAttribute(MarkdownBodyLimit)).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("Markdown written in the platform, stored as a UTF-8 text/markdown file.");
        documents.MapGet("/versions/{number:int}", GetDocumentVersion).WithName(nameof(GetDocumentVersion))
            .WithDescription("The version's summary and its sections with their text (Markdown and .docx), to read it without downloading.");
        documents.MapGet("/versions/{number:int}/content", DownloadDocumentVersion).WithName(nameof(DownloadDocumentVersion))
            .Produces<Stream>(StatusCodes.Status200OK, MediaTypes.OctetStream).Produces<Stream>(StatusCodes.Status206PartialContent, MediaTypes.OctetStream)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .WithDescription("The bytes as uploaded, always as an attachment. One `Range: bytes=…` is answered with 206; several are answered whole.");
        documents.MapGet("/compare", CompareDocumentVersions).WithName(nameof(CompareDocumentVersions))
            .WithDescription("What changed from version `from` to version `to`, section by section (sections matched by id), with a word-level diff of changed text.");
        return app;
    }

    /// <summary>The largest Markdown in JSON: every character escaped as \uXXXX, and room for the rest.</summary>
    private const long MarkdownBodyLimit = DocumentLimits.MarkdownMaxLength * 6L + 64 * 1024;

    private static IDocumentGrain Document(IGrainFactory grains, Guid id) => grains.GetGrain<IDocumentGrain>(id);

    private static async Task<Created<DocumentView>> CreateDocument(string kind, Guid id, CreateDocumentRequest request, HttpContext context, ClaimsPrincipal user,
        IGrainFactory grains, ServerKeys keys)
    {
        var space = new SpaceRef(SpaceKinds.Parse(kind, id), id);
        var documentId = await keys.NewResourceIdAsync(context, $"document:{space.Kind}:{id:N}");
        var created = await Document(grains, documentId).CreateAsync(user.Caller(), space, request.ToProfile());
        return ETags.Created(context, $"/api/v1/documents/{documentId}", created, d => d.Version);
    }

    private static async Task<Ok<DocumentView>> GetDocument(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await Document(grains, id).GetAsync(user.Caller()), d => d.Version);

    private static async Task<Ok<DocumentView>> UpdateDocument(Guid id, UpdateDocumentRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.Caller();
        var document = Document(grains, id);
        var current = await document.GetAsync(caller);
        // Merged with what was read, so the grain is told to refuse if anything changed in between.
        var expected = ETags.Expected(context) ?? current.Version;
        return ETags.Ok(context, await document.UpdateAsync(caller, request.Apply(current), expected), d => d.Version);
    }

    private static async Task<NoContent> DeleteDocument(Guid id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Document(grains, id).DeleteAsync(user.Caller(), ETags.Expected(context));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<DocumentVersionSummary>>> GetDocumentVersions(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Document(grains, id).GetVersionsAsync(user.Caller()));

    private static async Task<Created<DocumentVersionSummary>> UploadDocumentVersion(Guid id, HttpContext context, IGrainFactory grains, IContentStore store,
        IOptions<DocumentOptions> options)
    {
        var caller = context.User.Caller();
        var document = Document(grains, id);
        // Before a byte of the body is read: an outsider's upload is refused without storing anything.
        await document.RequireContributorAsync(caller);
        var version = await VersionUploads.UploadAsync(context, document, caller, store, options.Value.MaxUploadBytes);
        return TypedResults.Created($"/api/v1/documents/{id}/versions/{version.Number}", version);
    }

    private static async Task<Created<DocumentVersionSummary>> AddMarkdownVersion(Guid id, AddMarkdownVersionRequest request, HttpContext context, IGrainFactory grains,
        IContentStore store)
    {
        var version = await VersionUploads.AddMarkdownAsync(Document(grains, id), context.User.Caller(), store, request.Markdown, request.ChangeNote, context.RequestAborted);
        return TypedResults.Created($"/api/v1/documents/{id}/versions/{version.Number}", version);
    }

    private static async Task<Ok<DocumentVersionView>> GetDocumentVersion(Guid id, [Range(1, DocumentLimits.MaxVersions)] int number, ClaimsPrincipal user,
        IGrainFactory grains, IContentStore store, HttpContext context)
    {
        var files = await Document(grains, id).GetVersionFilesAsync(user.Caller(), number);
        return TypedResults.Ok(new DocumentVersionView(files.Version, await VersionText.ReadAsync(store, files.TextId, context.RequestAborted)));
    }

    private static async Task<Ok<VersionDiff>> CompareDocumentVersions(Guid id, [Range(1, DocumentLimits.MaxVersions)] int from,
        [Range(1, DocumentLimits.MaxVersions)] int to, ClaimsPrincipal user, IGrainFactory grains, IContentStore store, HttpContext context)
    {
        var document = Document(grains, id);
        var caller = user.Caller();
        var before = await document.GetVersionFilesAsync(caller, from);
        var after = await document.GetVersionFilesAsync(caller, to);
        return TypedResults.Ok(VersionComparison.Compare(id, from, await VersionText.ReadAsync(store, before.TextId, context.RequestAborted),
            to, await VersionText.ReadAsync(store, after.TextId, context.RequestAborted)));
    }

    private static async Task<IResult> DownloadDocumentVersion(Guid id, [Range(1, DocumentLimits.MaxVersions)] int number, HttpContext context, IGrainFactory grains,
        IContentStore store, IProblemDetailsService problems)
    {
        var files = await Document(grains, id).GetVersionFilesAsync(context.User.Caller(), number);
        return await VersionDownloads.SendAsync(context, store, files, problems);
    }
}

/// <summary>The parts of a version upload, for the API document; the endpoint reads them as a stream, not through this type.</summary>
public sealed record UploadDocumentVersionForm(IFormFile File, [property: StringLength(DocumentLimits.ChangeNoteMaxLength)] string? ChangeNote = null);

/// <summary>Space kinds in routes, spelled as in JSON: organisation, coalition, working-group, forum, committee.</summary>
internal static class SpaceKinds
{
    public static SpaceKind Parse(string kind, Guid id) => kind switch
    {
        "organisation" => SpaceKind.Organisation,
        "coalition" => SpaceKind.Coalition,
        "working-group" => SpaceKind.WorkingGroup,
        "forum" => SpaceKind.Forum,
        "committee" => SpaceKind.Committee,
        _ => throw new NotFoundException(ErrorCodes.SpaceNotFound, $"No space of kind {kind} with id {id}."),
    };
}
