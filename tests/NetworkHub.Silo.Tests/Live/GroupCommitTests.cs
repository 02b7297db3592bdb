using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.Tests.Live;

/// <summary>
/// Every test runs on an exclusive scheduler, so that turns interleave only at awaits, as in a grain whose calls
/// interleave; the writes are held open by the test and finished one by one.
/// </summary>
public sealed class GroupCommitTests
{
    private readonly TaskScheduler _grain = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

    [Fact]
    public Task HundredCommitsDuringAWrite_ShareOneMoreWrite_AndReturnOnlyAfterIt() => OnGrain(async () =>
    {
        var owner = new Owner(_grain);
        var first = owner.Change();
        await Until(() => owner.Writes.Count == 1);

        var burst = Enumerable.Range(0, 100).Select(_ => owner.Change()).ToList();
        owner.Writes[0].Done.SetResult();
        await first;
        await Until(() => owner.Writes.Count == 2);

        Assert.DoesNotContain(burst, c => c.IsCompleted);
        Assert.Equal(Enumerable.Range(2, 100), owner.Writes[1].Events);

        owner.Writes[1].Done.SetResult();
        await Task.WhenAll(burst);
        Assert.Equal(2, owner.Writes.Count);
        Assert.Equal(2, owner.Commits.Writes);
        Assert.True(owner.AlwaysOnGrain);
    });

    [Fact]
    public Task ChangeMadeDuringAWrite_IsNotReportedDurableByThatWrite() => OnGrain(async () =>
    {
        var owner = new Owner(_grain);
        var before = owner.Change();
        await Until(() => owner.Writes.Count == 1);
        var during = owner.Change();

        owner.Writes[0].Done.SetResult();
        await before;
        await Until(() => owner.Writes.Count == 2);

        Assert.Equal([1], owner.Writes[0].Events);
        Assert.False(during.IsCompleted);
        Assert.Equal([2], owner.Writes[1].Events);

        owner.Writes[1].Done.SetResult();
        await during;
        Assert.Equal([1, 2], owner.Broadcast);
    });

    [Fact]
    public Task FailedWrite_FailsItsCallers_DropsItsEvents_AndTheNextCommitWritesAfresh() => OnGrain(async () =>
    {
        var owner = new Owner(_grain);
        var covered = owner.Change();
        var alsoCovered = owner.Commits.CommitAsync();
        await Until(() => owner.Writes.Count == 1);
        // Came too late for the failing write, but waited on it: it fails as well, its event stays for the next write.
        var waiting = owner.Change();

        owner.Writes[0].Done.SetException(new InvalidOperationException("database down"));

        Assert.Equal("database down", (await Assert.ThrowsAsync<InvalidOperationException>(() => covered)).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => alsoCovered);
        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Empty(owner.Broadcast);

        var next = owner.Change();
        await Until(() => owner.Writes.Count == 2);
        Assert.Equal([2, 3], owner.Writes[1].Events);
        owner.Writes[1].Done.SetResult();
        await next;

        Assert.Equal([2, 3], owner.Broadcast);
        Assert.Equal(2, owner.Commits.Writes);
    });

    [Fact]
    public Task Events_AreHandedOnInOrder_OnlyAfterTheirWriteSucceeded() => OnGrain(async () =>
    {
        var owner = new Owner(_grain);
        var commits = new List<Task>();
        for (var round = 0; round < 5; round++)
        {
            commits.Add(owner.Change());
            commits.Add(owner.Change());
            await Until(() => owner.Writes.Count == round + 1);
            var sentBefore = owner.Broadcast.Count;
            await Settle();

            // Held open: nothing of it has been handed on yet.
            Assert.Equal(sentBefore, owner.Broadcast.Count);
            owner.Writes[round].Done.SetResult();
            await Until(() => owner.Broadcast.Count > sentBefore);
            Assert.Equal(owner.Writes[round].Events, owner.Broadcast.Skip(sentBefore));
        }

        while (!commits.TrueForAll(c => c.IsCompleted))
        {
            await Until(() => owner.Writes.Exists(w => !w.Done.Task.IsCompleted) || commits.TrueForAll(c => c.IsCompleted));
            owner.Writes.ForEach(w => w.Done.TrySetResult());
            await Settle();
        }

        await Task.WhenAll(commits);
        Assert.Equal(Enumerable.Range(1, 10), owner.Broadcast);
        Assert.True(owner.AlwaysOnGrain);
    });

    [Fact]
    public Task CommitWithNothingInFlight_WritesOnce_EvenWithoutEvents() => OnGrain(async () =>
    {
        var owner = new Owner(_grain);
        var commit = owner.Commits.CommitAsync();
        await Until(() => owner.Writes.Count == 1);
        Assert.False(commit.IsCompleted);

        owner.Writes[0].Done.SetResult();
        await commit;
        Assert.Empty(owner.Writes[0].Events);
        Assert.Equal(1, owner.Commits.Writes);
    });

    private Task OnGrain(Func<Task> test) =>
        Task.Factory.StartNew(test, CancellationToken.None, TaskCreationOptions.None, _grain).Unwrap().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Lets queued turns run until the condition holds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition());
    }

    private static async Task Settle()
    {
        for (var i = 0; i < 50; i++)
        {
            await Task.Yield();
        }
    }

    /// <summary>An owner like the live session grain: events appended per change, the unsent ones taken per write.</summary>
    private sealed class Owner
    {
        private readonly TaskScheduler _grain;
        private readonly List<int> _unsent = [];
        private int _next;

        public Owner(TaskScheduler grain)
        {
            _grain = grain;
            Commits = new GroupCommit<int[]>(Take, WriteAsync, events => { Check(); Broadcast.AddRange(events); });
        }

        public GroupCommit<int[]> Commits { get; }

        public List<(int[] Events, TaskCompletionSource Done)> Writes { get; } = [];

        public List<int> Broadcast { get; } = [];

        public bool AlwaysOnGrain { get; private set; } = true;

        public Task Change()
        {
            _unsent.Add(++_next);
            return Commits.CommitAsync();
        }

        private int[] Take()
        {
            Check();
            int[] taken = [.. _unsent];
            _unsent.Clear();
            return taken;
        }

        private async Task WriteAsync(int[] events)
        {
            Check();
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Writes.Add((events, done));
            await done.Task;
            Check();
        }

        private void Check() => AlwaysOnGrain &= TaskScheduler.Current == _grain;
    }
}
