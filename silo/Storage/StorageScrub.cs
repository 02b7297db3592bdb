namespace NetworkHub.Silo.Storage;

/// <summary>
/// What the database needs when replaced content must not be readable from its files: after an erasure, and after a
/// secret ballot closes (each cast rewrote its totals; two successive copies would tell what the seat added between
/// them chose). SQLite: the write-ahead log still holds the old page images until a checkpoint, so it is checkpointed
/// and truncated (freed pages and cells are zeroed by <c>secure_delete</c> on every connection). PostgreSQL: replaced
/// rows are gone from every query at once; their bytes stay in the table's pages until vacuum reuses them, which the
/// server does on its own.
/// </summary>
public sealed class StorageScrub(StorageOptions storage)
{
    /// <summary>False when a reader kept SQLite from truncating its log; the next scrub does it.</summary>
    public Task<bool> ForgetReplacedContentAsync() => storage.Provider == DatabaseProvider.Sqlite
        ? new SqliteDataSource(storage.EffectiveConnectionString).CheckpointAsync()
        : Task.FromResult(true);
}
