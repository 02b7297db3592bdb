using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Silo.Documents;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetworkHub.Silo.Telemetry;

/// <summary>
/// What every NetworkHub process measures and traces (Orleans' meter and activity sources, the .NET runtime, our
/// storage), exported by OTLP when the operator sets the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the other
/// <c>OTEL_EXPORTER_OTLP_*</c> settings apply as the OpenTelemetry SDK documents them). The API adds ASP.NET Core,
/// HttpClient, SignalR and the Prometheus endpoint on top.
/// </summary>
public static class NetworkHubTelemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Orleans' runtime meter (grain calls, activations, messaging, grain storage latency, gateways).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: grain calls as the application sees them, the runtime's own, grain storage.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Storage"];

    public static bool ExportsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);

    /// <summary>
    /// Metrics always (whoever calls this has a reader: OTLP or Prometheus); traces only when OTLP exports them, as
    /// nothing else would read them and recording them costs on every request.
    /// </summary>
    public static OpenTelemetryBuilder AddNetworkHubTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var otlp = ExportsOtlp(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                // The SDK reads OTEL_SERVICE_NAME itself; naming the service here would override the operator's choice.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    r.AddService(serviceName);
                }
            })
            .WithMetrics(m => m.AddMeter(OrleansMeter, StorageMetrics.MeterName).AddRuntimeInstrumentation());
        if (otlp)
        {
            telemetry.WithTracing(t => t.AddSource(OrleansSources)).UseOtlpExporter();
        }

        return telemetry;
    }
}
