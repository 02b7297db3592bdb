using NetworkHub.Contracts.Directory;

namespace NetworkHub.Silo.Directory;

[GenerateSerializer, Alias("NetworkHub.DirectoryState")]
public sealed class DirectoryState
{
    [Id(0)] public List<DirectoryEntry> Entries { get; set; } = [];
}

/// <summary>
/// One grain per kind of space holds the whole list in memory and answers queries from it. That keeps
/// listing simple and fast up to about ten thousand entries per kind (see docs/architecture.md); every
/// upsert rewrites the list, which is what limits it.
/// </summary>
public sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.Default)] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    private DirectoryIndex _index = new([]);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _index = new DirectoryIndex(state.State.Entries);
        return Task.CompletedTask;
    }

    public async Task UpsertAsync(DirectoryEntry entry)
    {
        _index.Upsert(entry);
        state.State.Entries = [.. _index.Entries];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now holds an entry the database does not; start over from storage on the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<DirectoryPage> QueryAsync(DirectoryQuery query) => Task.FromResult(_index.Query(query));
}
