using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkHub.Silo.Access;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace NetworkHub.Silo;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Everything a NetworkHub silo needs, in either mode: clustering, grain storage and reminders on the
    /// configured database (schema applied or checked before anything touches it), and the grains' services.
    /// </summary>
    public static ISiloBuilder AddNetworkHubSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var hosting = configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        var storage = StorageOf(configuration);
        if (hosting.Mode == HostingMode.Cluster && storage.Provider != DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException("Cluster mode needs Storage:Provider=PostgreSql: SQLite is for one process only.");
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });

        if (hosting.Mode == HostingMode.Embedded)
        {
            silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort, serviceId: hosting.ServiceId, clusterId: hosting.ClusterId);
        }
        else
        {
            silo.ConfigureEndpoints(IPAddress.Parse(hosting.AdvertisedAddress), hosting.SiloPort, hosting.GatewayPort, listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = storage.Invariant;
                o.ConnectionString = storage.EffectiveConnectionString;
            });
        }

        return silo.AddNetworkHubGrains(configuration, migrate: hosting.Mode == HostingMode.Embedded);
    }

    /// <summary>
    /// Grain storage and reminders on the configured database, and the services the grains use. Separate from
    /// clustering so Orleans' test cluster can bring its own.
    /// </summary>
    public static ISiloBuilder AddNetworkHubGrains(this ISiloBuilder silo, IConfiguration configuration, bool migrate)
    {
        var storage = StorageOf(configuration);
        silo.AddAdoNetGrainStorageAsDefault(options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = storage.Invariant;
            o.ConnectionString = storage.EffectiveConnectionString;

            // Orleans' own serializer: state classes carry [Id]s and aliases, so fields can be added and types renamed.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = storage.Invariant;
            o.ConnectionString = storage.EffectiveConnectionString;
        });

        silo.Services.AddSingleton(storage);
        silo.Services.AddSingleton(new SchemaLifecycle.Settings(migrate));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaLifecycle>();
        silo.Services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.SectionName)).ValidateDataAnnotations();
        silo.Services.AddSingleton<IPasswordHasher<AccountState>, PasswordHasher<AccountState>>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }

    private static StorageOptions StorageOf(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
}
