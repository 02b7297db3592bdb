using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
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
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Title, description and the bearer scheme that both session tokens and API keys use.</summary>
    public static void Describe(OpenApiOptions options)
    {
        options.AddOperationTransformer(DescribeConditionalProblems);
        options.AddDocumentTransformer(DescribeDocument);
        options.AddSchemaTransformer(DescribeProblem);
        options.AddSchemaTransformer(KeepNullOutOfEnums);
    }

    /// <summary>
    /// An enum used both as <c>T</c> and <c>T?</c> gets one shared schema whose values include null, which would make every
    /// non-nullable use nullable too; nullable uses already say so with <c>oneOf: [null, $ref]</c>, so null leaves the enum.
    /// </summary>
    private static Task KeepNullOutOfEnums(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (schema.Enum is { Count: > 0 } values && type.IsEnum)
        {
            for (var i = values.Count - 1; i >= 0; i--)
            {
                if (values[i] is null || values[i].GetValueKind() == System.Text.Json.JsonValueKind.Null)
                {
                    values.RemoveAt(i);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Our problems carry a stable <c>code</c> (listed in docs/errors-and-limits.json) and, for validation, messages per
    /// camelCase field; the framework's ProblemDetails schema knows neither, so generated clients would not see them.
    /// </summary>
    private static Task DescribeProblem(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable error code, one of those in docs/errors-and-limits.json.",
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "For request.validation: the messages for each camelCase field.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        return Task.CompletedTask;
    }

    /// <summary>
    /// The problems that depend on what an operation takes rather than on its feature: 413 and 415 wherever a body is
    /// read (Kestrel's size limit, another media type), 412 on updates (a stale If-Match), 422 on every change (a well-formed but unacceptable
    /// request, such as an expired invitation or a closed poll). Reads never answer 422.
    /// </summary>
    private static Task DescribeConditionalProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod;
        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true || operation.Responses is not { } responses
            || responses.GetValueOrDefault("400") is not OpenApiResponse { Content: { } problem })
        {
            return Task.CompletedTask;
        }

        void Add(int status)
        {
            responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status), Content = problem });
        }

        if (operation.RequestBody is not null)
        {
            Add(StatusCodes.Status413PayloadTooLarge);
            Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (HttpMethods.IsPut(method ?? ""))
        {
            Add(StatusCodes.Status412PreconditionFailed);
        }

        if (!HttpMethods.IsGet(method ?? ""))
        {
            Add(StatusCodes.Status422UnprocessableEntity);
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
