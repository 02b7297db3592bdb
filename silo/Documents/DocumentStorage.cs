using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkHub.Silo.Storage;

namespace NetworkHub.Silo.Documents;

/// <summary>The content store and the documents index for the configured database, for silos and (in cluster mode) API nodes alike.</summary>
public static class DocumentStorage
{
    /// <summary>The folder beside the SQLite database that holds the embedded mode's content.</summary>
    public static string ContentFolder(StorageOptions storage) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.SqlitePath))!, "content");

    public static IServiceCollection AddDocumentStorage(this IServiceCollection services, StorageOptions storage)
    {
        services.AddMetrics();
        services.TryAddSingleton<StorageMetrics>();
        services.TryAddSingleton<IContentStore>(s => new MeasuredContentStore(
            storage.Provider == DatabaseProvider.Sqlite
                ? new FileContentStore(ContentFolder(storage))
                : new PostgreSqlContentStore(storage.EffectiveConnectionString),
            s.GetRequiredService<StorageMetrics>()));
        services.TryAddSingleton<IDocumentIndex>(s => new MeasuredDocumentIndex(new DocumentIndex(storage), s.GetRequiredService<StorageMetrics>()));

        return services;
    }
}
