using Microsoft.Extensions.Hosting;
using NetworkHub.Silo;
using NetworkHub.Silo.Storage;
using NetworkHub.Silo.Telemetry;

// A silo on its own, for cluster mode: `dotnet run --project silo` runs it; `-- migrate`, `-- export FILE` and
// `-- import FILE` work on the configured database and exit. Settings come from appsettings.json beside the
// program, then environment variables (Orleans__ClusterId=...), then the command line (--Orleans:ClusterId=...).
var command = StorageCommand.Parse(args);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = command?.Settings ?? args,
    ContentRootPath = AppContext.BaseDirectory,
});
if (command is not null)
{
    return await command.RunAsync(builder.Configuration);
}

if (await DatabaseVolume.ProblemAsync(builder.Configuration) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return DatabaseVolume.NotWritableExitCode;
}

// A silo serves no HTTP, so it has no /metrics of its own: its telemetry goes out by OTLP only, when configured.
if (NetworkHubTelemetry.ExportsOtlp(builder.Configuration))
{
    builder.Services.AddNetworkHubTelemetry(builder.Configuration, "networkhub-silo");
}

builder.UseOrleans(silo => silo.AddNetworkHubSilo(builder.Configuration));
try
{
    await builder.Build().RunAsync();
    return 0;
}
catch (SchemaVersionException e)
{
    // Logged in full already; the last line says what to do.
    await Console.Error.WriteLineAsync($"The silo did not start: {e.Message}");
    return 3;
}
