using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Silo;
using NetworkHub.Silo.Access;
using NetworkHub.Silo.Documents;
using NetworkHub.Silo.Storage;
using Orleans.Configuration;
using Orleans.Serialization;

namespace NetworkHub.Api;

public static class ApiBuilderExtensions
{
    /// <summary>The embedded mode co-hosts a silo in this process; cluster mode joins the silos as a client.</summary>
    public static WebApplicationBuilder AddNetworkHubOrleans(this WebApplicationBuilder builder)
    {
        var hosting = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(storage);
        if (hosting.Mode == HostingMode.Embedded)
        {
            builder.UseOrleans(silo => silo.AddNetworkHubSilo(builder.Configuration));
        }
        else
        {
            builder.UseOrleansClient(client =>
            {
                client.AddActivityPropagation();
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = hosting.ClusterId;
                    o.ServiceId = hosting.ServiceId;
                });

                client.Services.Configure<ExceptionSerializationOptions>(NetworkHub.Silo.SiloBuilderExtensions.AllowDatabaseExceptions);

                var gatewayLoss = new GatewayLoss();
                client.AddOutgoingGrainCallFilter(gatewayLoss);
                client.AddGatewayCountChangedHandler(gatewayLoss.OnGatewayCountChanged);

                // Gateways come from the membership table, so silos can come and go without reconfiguring API nodes.
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = storage.Invariant;
                    o.ConnectionString = storage.EffectiveConnectionString;
                });
            });
            builder.Services.AddOptions<AccountOptions>().Bind(builder.Configuration.GetSection(AccountOptions.SectionName)).ValidateDataAnnotations();
            builder.Services.AddSingleton(TimeProvider.System);

            builder.Services.AddDocumentStorage(storage);
            PostgreSqlXmlRepository.AddSharedKeyRing(builder.Services, storage.EffectiveConnectionString);
        }

        return builder;
    }

    /// <summary>JSON, problem details, validation, limits, authentication, OpenAPI and health checks.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The rate-limiting policy of sign-in and registration.</summary>
    public const string AuthRateLimit = "auth";

    public static WebApplicationBuilder AddNetworkHubApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", 1024 * 1024));
        builder.Services.Configure<JsonOptions>(o => ApiJson.ApplyConventions(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddValidation();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                ValidationErrors.UseJsonNames(validation);
            }

            // Problems the framework writes itself (unknown route, body too large) get a code like ours do.
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => "request.not-found",
                StatusCodes.Status405MethodNotAllowed => "request.method-not-allowed",
                StatusCodes.Status413PayloadTooLarge => "request.too-large",
                StatusCodes.Status415UnsupportedMediaType => "request.unsupported-media-type",
                >= 500 => "server.error",
                _ => "request.malformed",
            });
        });
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddSingleton<ServerKeys>();
        builder.Services.AddAuthentication(CallerAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CallerAuthentication>(CallerAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi(OpenApiConventions.Describe);
        builder.Services.AddRateLimiter(o =>
        {
            // Lock-out protects one account; this protects the sign-in and registration endpoints themselves
            // from one address hammering many accounts or filling the database with sign-ups.
            var permits = builder.Configuration.GetValue("Api:AuthRequestsPerMinute", 30);
            o.AddPolicy(AuthRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = "Too many attempts from this address; try again in a minute.", Extensions = { ["code"] = "auth.rate-limited" } },
                });
            };
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
        builder.Services.AddSingleton<ReadinessCheck>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster-and-database", tags: ["ready"]);
        builder.AddApiTelemetry();
        return builder;
    }

    public static WebApplication UseNetworkHubApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";

            // The browser app loads nothing from elsewhere and runs no inline script, so an injected script has
            // nowhere to come from and nowhere to send what it reads. The API reference page brings its own
            // inline start-up script and is left out.
            if (!context.Request.Path.StartsWithSegments("/scalar"))
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (CallerAuthentication.PresentedInvalidCredential(context))
            {
                throw CallerAuthentication.InvalidCredential();
            }

            await next(context);
        });
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app, o => o.Title = "NetworkHub API");
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = ReadinessCheck.WriteResponseAsync });
        app.MapMetrics();
        return app;
    }

    /// <summary>Unknown API paths answer 404 problem details; any other path is the browser app's to route.</summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        // Routing drops a JSON endpoint for a body of another media type, so such a request lands here too; every API
        // endpoint takes JSON, so it is told that (415) rather than that the endpoint does not exist.
        app.Map("/api/{**path}", (HttpRequest request) => request.ContentType is { Length: > 0 } && !request.HasJsonContentType()
                ? Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "The API takes request bodies as application/json.")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No such API endpoint."))
            .ExcludeFromDescription();
        app.MapFallbackToFile("index.html");

        // The plain fallback skips paths whose last segment looks like a file name, and invitation tokens
        // contain dots (organisation.{id}.{id}.{secret}), so the invitation links get a route of their own.
        app.MapFallbackToFile("/invitations/{token}", "index.html");
        return app;
    }
}
