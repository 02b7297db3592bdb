using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NetworkHub.Silo.Access;
using NetworkHub.Silo.Committees;
using NetworkHub.Silo.Documents;
using NetworkHub.Silo.Spaces;
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

        // Grain calls continue the caller's trace (an HTTP request's, another grain's); no cost while nothing listens.
        silo.AddActivityPropagation();
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
            (o.ConnectionString, o.DataSource) = ConnectionOf(storage);

            // Orleans' own serializer: state classes carry [Id]s and aliases, so fields can be added and types renamed.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);

            // A cleared state (an expired credential) leaves no row behind, rather than a row with an empty payload.
            o.DeleteStateOnClear = true;
        }));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = storage.Invariant;
            (o.ConnectionString, o.DataSource) = ConnectionOf(storage);
        });

        // Orleans' defaults suit real networks; tests on loopback shorten failure detection and reminder periods
        // here (see docs/cluster.md). Sections of our own: Orleans binds "Orleans:Reminders" as a provider.
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(HostingOptions.MembershipSection));
        silo.Services.Configure<ReminderOptions>(configuration.GetSection(HostingOptions.ReminderServiceSection));

        silo.Services.Configure<ExceptionSerializationOptions>(AllowDatabaseExceptions);

        silo.Services.AddSingleton(storage);
        silo.Services.AddSingleton<StorageScrub>();
        silo.Services.AddSingleton(new SchemaLifecycle.Settings(migrate));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaLifecycle>();
        silo.Services.AddSingleton<AuditArchive>();
        silo.Services.AddSingleton<DecisionRegister>();
        silo.Services.AddDocumentStorage(storage);
        silo.Services.AddSingleton<DocumentCommentTable>();
        silo.Services.AddSingleton<FeedbackRoundTable>();
        silo.Services.AddSingleton(new CrashAfterSpaceWrite(configuration[CrashAfterSpaceWrite.Setting]));
        silo.Services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.SectionName)).ValidateDataAnnotations();
        silo.Services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AccountOptions>>((o, accounts) => o.IterationCount = accounts.Value.PasswordHashIterations);
        silo.Services.AddSingleton<IPasswordHasher<AccountState>, PasswordHasher<AccountState>>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }

    /// <summary>
    /// SQLite through <see cref="SqliteDataSource"/>, so the providers' connections get our settings (Orleans takes
    /// exactly one of the two); PostgreSQL by its connection string (its durability is the server's).
    /// </summary>
    private static (string? ConnectionString, System.Data.Common.DbDataSource? DataSource) ConnectionOf(StorageOptions storage) =>
        storage.Provider == DatabaseProvider.Sqlite
            ? (null, new SqliteDataSource(storage.EffectiveConnectionString))
            : (storage.EffectiveConnectionString, null);

    private static StorageOptions StorageOf(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();

    /// <summary>
    /// A database failure must reach the API as itself (a DbException, answered with 503). Orleans serializes
    /// only exceptions from namespaces it knows; Npgsql's are not among them, and without this the silo sends a
    /// codec error instead, which the API can only answer with 500. Needed on both ends of a call.
    /// </summary>
    public static void AllowDatabaseExceptions(ExceptionSerializationOptions options) => options.SupportedNamespacePrefixes.Add("Npgsql");
}
