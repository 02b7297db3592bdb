using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NetworkHub.Api.Infrastructure;

internal static class OpenApiConventions
{
    /// <summary>The problem responses every API endpoint can give, so integrators see them in the document.</summary>
    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Title, description and the bearer scheme that both session tokens and API keys use.</summary>
    public static void Describe(OpenApiOptions options)
    {
        options.AddOperationTransformer(BodyProblems);
        options.AddDocumentTransformer(DescribeDocument);
    }

    /// <summary>Every operation that takes a body can be refused for its size (413) or its media type (415).</summary>
    private static Task BodyProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is not null && operation.Responses?.TryGetValue("400", out var badRequest) == true)
        {
            operation.Responses.TryAdd("413", new OpenApiResponse { Description = "Content Too Large", Content = badRequest.Content });
            operation.Responses.TryAdd("415", new OpenApiResponse { Description = "Unsupported Media Type", Content = badRequest.Content });
        }

        return Task.CompletedTask;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "NetworkHub API";
        document.Info.Description = "Organisations, coalitions, working groups and forums of civil-society networks. " +
            "Authenticate with `Authorization: Bearer <token>`, the token coming from POST /api/v1/auth/token, " +
            "or with an organisation's API key in the same header. Errors are RFC 9457 problem details with a stable `code`; " +
            "updates take `If-Match` with the `ETag` of the last read and answer 412 when it is stale.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A session token (nht_…) or an organisation's API key (nhk_…).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
