using Microsoft.Extensions.Logging;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// Runs first in the silo's start-up, before Orleans loads its queries: the embedded mode creates or upgrades
/// its SQLite schema itself; a cluster silo only checks the schema and refuses to start on one it does not know.
/// </summary>
internal sealed partial class SchemaLifecycle(StorageOptions storage, SchemaLifecycle.Settings settings, ILogger<SchemaLifecycle> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public sealed record Settings(bool Migrate);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaLifecycle), ServiceLifecycleStage.First, async cancellationToken =>
        {
            var migrator = new SchemaMigrator(storage);
            if (settings.Migrate)
            {
                var version = await migrator.MigrateAsync(cancellationToken);
                LogMigrated(logger, storage.Provider, version);
            }
            else
            {
                await migrator.EnsureCurrentAsync(cancellationToken);
            }
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} schema at version {Version}")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int version);
}
