using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NetworkHub.Silo;
using NetworkHub.Silo.Storage;

// A silo on its own, for cluster mode: `dotnet run --project silo` runs it, `-- migrate` applies the schema.
var builder = Host.CreateApplicationBuilder(args.Where(a => a != "migrate").ToArray());
if (args.Contains("migrate"))
{
    var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
    var version = await new SchemaMigrator(storage).MigrateAsync();
    Console.WriteLine($"{storage.Provider} schema at version {version}.");
    return 0;
}

builder.UseOrleans(silo => silo.AddNetworkHubSilo(builder.Configuration));
await builder.Build().RunAsync();
return 0;
