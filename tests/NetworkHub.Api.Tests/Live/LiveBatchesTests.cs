using NetworkHub.Api.Live;
using NetworkHub.Contracts.Live;

namespace NetworkHub.Api.Tests.Live;

public sealed class LiveBatchesTests
{
    private sealed record Numbered(long Sequence, Guid? Ends = null) : ILiveEvent
    {
        public Guid? EndsAccessOf() => Ends;
    }

    private static Numbered[] Run(int from, int count) => [.. Enumerable.Range(from, count).Select(i => new Numbered(i))];

    [Fact]
    public void Consecutive_events_travel_together_up_to_the_bound()
    {
        var batches = LiveBatches.Split(Run(1, LiveBatches.MaxEvents * 2 + 3)).ToList();

        Assert.Equal([LiveBatches.MaxEvents, LiveBatches.MaxEvents, 3], batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(1, LiveBatches.MaxEvents * 2 + 3).Select(i => (long)i), batches.SelectMany(b => b).Select(e => e.Sequence));
    }

    [Fact]
    public void An_event_that_ends_access_is_the_last_of_its_batch()
    {
        var removed = Guid.NewGuid();
        Numbered[] events = [.. Run(1, 3), new Numbered(4, removed), .. Run(5, 2)];

        var batches = LiveBatches.Split(events).ToList();

        Assert.Equal(2, batches.Count);
        Assert.Equal([1L, 2, 3, 4], batches[0].Select(e => e.Sequence));
        Assert.Equal(removed, batches[0][^1].EndsAccessOf());
        Assert.Equal([5L, 6], batches[1].Select(e => e.Sequence));
    }

    [Fact]
    public void Nothing_gives_no_batch()
    {
        Assert.Empty(LiveBatches.Split(Array.Empty<Numbered>()));
    }
}
