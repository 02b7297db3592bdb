namespace NetworkHub.Silo.Storage;

public static class StorageNames
{
    /// <summary>The one grain storage: SQLite in the embedded mode, PostgreSQL in a cluster.</summary>
    public const string Default = "Default";
}
