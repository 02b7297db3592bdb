using NetworkHub.Silo.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// The API's telemetry: what every process records (<see cref="NetworkHubTelemetry"/>) plus ASP.NET Core, HttpClient and
/// SignalR, exported by OTLP when configured and served as Prometheus text at <c>/metrics</c> when
/// <c>Telemetry:Prometheus</c> is true. Nothing is recorded when neither is on.
/// </summary>
internal static class ApiTelemetry
{
    public const string PrometheusSetting = "Telemetry:Prometheus";

    public const string MetricsPath = "/metrics";

    /// <summary>SignalR's connection meter (active connections, connection duration by transport).</summary>
    private const string SignalRConnectionsMeter = "Microsoft.AspNetCore.Http.Connections";

    /// <summary>SignalR's hub invocations as activities.</summary>
    private const string SignalRHubSource = "Microsoft.AspNetCore.SignalR.Server";

    private static bool ServesPrometheus(IConfiguration configuration) => configuration.GetValue<bool>(PrometheusSetting);

    public static WebApplicationBuilder AddApiTelemetry(this WebApplicationBuilder builder)
    {
        var prometheus = ServesPrometheus(builder.Configuration);
        if (!prometheus && !NetworkHubTelemetry.ExportsOtlp(builder.Configuration))
        {
            return builder;
        }

        // The HTTP metrics are labelled with the route template (http.route), never the path itself, so an id in a
        // URL (a private space's, say) stays out of them. Traces do carry the path, ids only, and go to the
        // operator's collector alone; query strings are redacted by the instrumentation.
        var telemetry = builder.Services.AddNetworkHubTelemetry(builder.Configuration, "networkhub-api")
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(SignalRConnectionsMeter);
                if (prometheus)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (NetworkHubTelemetry.ExportsOtlp(builder.Configuration))
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource(SignalRHubSource));
        }

        return builder;
    }

    /// <summary>
    /// Prometheus text at <c>/metrics</c> when enabled; otherwise a plain 404 there, so a scraper pointed at a node
    /// without it is told so rather than handed the browser app's page.
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (ServesPrometheus(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }
        else
        {
            app.Map(MetricsPath, () => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Metrics are not served here (Telemetry:Prometheus is off)."))
                .ExcludeFromDescription();
        }

        return app;
    }
}
