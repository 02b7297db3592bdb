namespace NetworkHub.Contracts.Directory;

/// <summary>
/// The searchable list of one kind of space, keyed by "organisations" or "coalitions".
/// The spaces keep it current; it answers filtered, cursor-paged queries from memory.
/// </summary>
[Alias("NetworkHub.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    Task UpsertAsync(DirectoryEntry entry);

    [ReadOnly] Task<DirectoryPage> QueryAsync(DirectoryQuery query);
}

public static class DirectoryKeys
{
    public const string Organisations = "organisations";
    public const string Coalitions = "coalitions";
}
