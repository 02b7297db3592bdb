using System.Diagnostics;
using System.Text.Json;

namespace NetworkHub.Bench;

/// <summary>
/// One vote as the watchers see it. The tally event that carries the k-th vote counted says so itself
/// (<c>respondedAllotments</c> = k, every seat holding one allotment), so each watcher's receipt is matched to
/// the cast without looking inside the seat lists. Keeps, per event, when the last watcher got it, and the first
/// receipt's JSON, which the baseline sends again.
/// </summary>
internal sealed class VoteRun(Guid voteId, int events, int watchers)
{
    private readonly int[] _remaining = [.. Enumerable.Repeat(watchers, events + 1)];
    private readonly int[] _seen = new int[events + 1];
    private readonly TaskCompletionSource[] _delivered = [.. Enumerable.Range(0, events + 1).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
    private int _closeRemaining = watchers;
    private int _closeSeen;
    private long _deliveries;

    public Guid VoteId => voteId;

    /// <summary>By k: when the last watcher received the tally event carrying the k-th vote.</summary>
    public long[] LastAt { get; } = new long[events + 1];

    /// <summary>By k: the tally event as the first watcher received it.</summary>
    public JsonElement[] Tallies { get; } = new JsonElement[events + 1];

    public JsonElement Close { get; private set; }

    public long ClosedAt { get; private set; }

    public long Deliveries => Interlocked.Read(ref _deliveries);

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every watcher has the tally event carrying the k-th vote.</summary>
    public Task Delivered(int k) => _delivered[k].Task;

    public void Received(JsonElement meetingEvent)
    {
        var change = meetingEvent.GetProperty("change");
        if (!change.TryGetProperty("voteId", out var id) || id.GetGuid() != voteId)
        {
            return;
        }

        switch (change.GetProperty("type").GetString())
        {
            case "tally-changed":
                var k = change.GetProperty("respondedAllotments").GetInt32();
                if (k < 1 || k > events)
                {
                    return;
                }

                if (Interlocked.Exchange(ref _seen[k], 1) == 0)
                {
                    Tallies[k] = meetingEvent.Clone();
                }

                Interlocked.Increment(ref _deliveries);
                if (Interlocked.Decrement(ref _remaining[k]) == 0)
                {
                    LastAt[k] = Stopwatch.GetTimestamp();
                    _delivered[k].TrySetResult();
                }

                break;
            case "vote-closed":
                if (Interlocked.Exchange(ref _closeSeen, 1) == 0)
                {
                    Close = meetingEvent.Clone();
                }

                if (Interlocked.Decrement(ref _closeRemaining) == 0)
                {
                    ClosedAt = Stopwatch.GetTimestamp();
                    Closed.TrySetResult();
                }

                break;
        }
    }
}
