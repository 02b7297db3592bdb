namespace NetworkHub.Silo.Storage;

/// <summary>
/// What the database needs after an erasure beyond deleting and rewriting rows. SQLite: the write-ahead log still
/// holds the old page images until a checkpoint, so it is checkpointed and truncated (freed pages are zeroed by
/// <c>secure_delete</c> on every connection). PostgreSQL: deleted rows are gone from every query at once; their
/// bytes stay in the table's pages until vacuum reuses them, which the server does on its own.
/// </summary>
public sealed class StorageScrub(StorageOptions storage)
{
    public Task<bool> AfterErasureAsync() => storage.Provider == DatabaseProvider.Sqlite
        ? new SqliteDataSource(storage.EffectiveConnectionString).CheckpointAsync()
        : Task.FromResult(true);
}
