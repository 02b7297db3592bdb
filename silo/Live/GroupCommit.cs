namespace NetworkHub.Silo.Live;

/// <summary>
/// Group commit for one owner that changes in memory and persists the whole of it: one write is in flight at a
/// time, and every change committed while it runs goes into the next single write, so a burst of changes costs a
/// few writes, not one each. A caller's <see cref="CommitAsync"/> returns only after a write that started after its
/// change has succeeded; a failed write fails everyone waiting on it, and <paramref name="written"/> never sees its
/// batch (its caller decides what a failure means: the live grains deactivate).
/// </summary>
/// <remarks>
/// Built for a single-threaded owner such as an Orleans grain with interleaving calls: it is not thread-safe, and
/// "during a write" means "in a turn that ran while the write was awaited". <paramref name="take"/> runs
/// synchronously when a write starts and must capture everything that write covers (and clear what it takes), since
/// changes made after it belong to the next write. <paramref name="write"/> must copy the state it persists before
/// it first yields: a later turn may be changing it meanwhile, and a change it happens to include is written but not
/// acknowledged by this write (so extra is harmless, missing is not).
/// </remarks>
internal sealed class GroupCommit<TBatch>(Func<TBatch> take, Func<TBatch, Task> write, Action<TBatch> written)
{
    private long _changes;
    private long _durable;
    private Task? _writing;

    /// <summary>How many writes have been started; for tests and logs.</summary>
    public long Writes { get; private set; }

    /// <summary>Call after changing the state; returns once a write holding that change has succeeded.</summary>
    public async Task CommitAsync()
    {
        var change = ++_changes;
        while (_durable < change)
        {
            var writing = _writing ??= WriteAsync();
            try
            {
                await writing;
            }
            finally
            {
                // The first caller back clears it; a caller whose change came too late for it starts the next one.
                if (ReferenceEquals(_writing, writing))
                {
                    _writing = null;
                }
            }
        }
    }

    private async Task WriteAsync()
    {
        Writes++;
        var covers = _changes;
        var batch = take();
        await write(batch);
        _durable = covers;
        written(batch);
    }
}
