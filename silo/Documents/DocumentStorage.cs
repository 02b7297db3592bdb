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
        if (storage.Provider == DatabaseProvider.Sqlite)
        {
            services.TryAddSingleton<IContentStore>(_ => new FileContentStore(ContentFolder(storage)));
        }
        else
        {
            services.TryAddSingleton<IContentStore>(_ => new PostgreSqlContentStore(storage.EffectiveConnectionString));
        }

        services.TryAddSingleton<IDocumentIndex>(_ => new DocumentIndex(storage));

        return services;
    }
}
