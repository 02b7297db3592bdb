using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NetworkHub.Bench;

/// <summary>
/// A general assembly on the real platform: every seat's representative casts one vote per motion (REST, each signed
/// in as themselves), spread evenly over the window, while watchers follow the meeting's stream (JoinMeeting). Per
/// tally event, the latency is from the moment the vote's call is sent to the moment the last watcher receives the
/// event carrying that vote. Then the chair closes the vote: the call's answer, and the result event at the last
/// watcher. The baseline, measured in the same run, is a bare SignalR hub sending the very events NetworkHub sent
/// (same JSON, same sizes, same moments in the window) to as many receivers. Prints figures; asserts nothing.
/// </summary>
internal static class MeetingBenchmark
{
    /// <summary>How long the watchers may receive nothing before what is missing counts as never delivered.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = MeetingOptions.Parse(args);
        Console.WriteLine($"General assembly: {options.Seats} seats casting over {options.Window.TotalSeconds:0.#} s, {options.Watchers} watchers " +
            $"(over {Math.Min(options.Watchers, GeneralAssembly.WatchingPeopleMax)} people), {string.Join(" then ", options.Ballots)} ballot, {options.Motions} votes each; {Environment.ProcessorCount} cores");

        // Sign-ups hash passwords for seconds under load; the scheduler's long-turn warnings would bury the figures.
        await using var platform = await Platform.StartAsync("--Logging:LogLevel:Orleans.Runtime.Scheduler", "Error");
        var started = Stopwatch.StartNew();
        var assembly = await GeneralAssembly.SeedAsync(platform, options.Seats, options.Watchers);
        Console.WriteLine($"seeding (not in the figures): {started.Elapsed.TotalSeconds:F0} s");
        var motion = 0;
        foreach (var ballot in options.Ballots)
        {
            // The same assembly votes each ballot in turn; the platform idles while the baseline runs.
            var (hub, votes) = await AssemblyAsync(assembly, options, ballot, () => ++motion);
            var bare = await BaselineAsync(options, votes);
            Report(ballot, hub, bare, votes);
        }

        return 0;
    }

    private static async Task<(Figures Figures, List<VoteRun> Votes)> AssemblyAsync(GeneralAssembly assembly, MeetingOptions options, string ballot, Func<int> nextMotion)
    {
        var started = Stopwatch.StartNew();
        var watching = new Watching();
        var connections = await ConnectAsync(options.Watchers, i => assembly.WatchAsync(i, watching.Received, watching.Snapshot));
        Console.WriteLine($"{ballot} ballot: {options.Watchers} watchers joined (not in the figures): {started.Elapsed.TotalSeconds:F0} s");
        var figures = new Figures();
        var votes = new List<VoteRun>();
        for (var m = 0; m < options.Motions; m++)
        {
            var voteId = await assembly.OpenVoteAsync(nextMotion(), ballot);
            var run = watching.Run = new VoteRun(voteId, options.Seats, options.Watchers);
            await MeasureAsync(figures, run, options, i => assembly.CastAsync(voteId, i), () => assembly.CloseVoteAsync(voteId));
            votes.Add(run);
            Console.WriteLine($"{ballot} ballot, vote {m + 1}: {run.Deliveries} of {options.Seats * options.Watchers} tally deliveries; " +
                $"snapshots sent to watchers instead of events so far: {watching.Snapshots}");
        }

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return (figures, votes);
    }

    /// <summary>The bare hub sends the events NetworkHub sent (those a watcher received) at the same moments of the window.</summary>
    private static async Task<Figures> BaselineAsync(MeetingOptions options, List<VoteRun> votes)
    {
        var figures = new Figures();
        await using var target = await BareTarget.StartAsync(16);
        var watching = new Watching();
        var connections = await ConnectAsync(options.Watchers, _ => target.ConnectAsync(c => c.On<JsonElement>("MeetingEvent", watching.Received)));
        foreach (var vote in votes)
        {
            var run = watching.Run = new VoteRun(vote.VoteId, options.Seats, options.Watchers);
            await MeasureAsync(figures, run, options, async i =>
            {
                await target.RelayAsync(vote.Tallies[i + 1].ValueKind == JsonValueKind.Object
                    ? vote.Tallies[i + 1] : throw new InvalidOperationException("no watcher received this tally event from NetworkHub"));
                return i + 1;
            }, () => vote.Close.ValueKind == JsonValueKind.Object ? target.RelayAsync(vote.Close) : Task.CompletedTask);
        }

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return figures;
    }

    private static void Report(string ballot, Figures hub, Figures bare, List<VoteRun> votes)
    {
        var sizes = votes.SelectMany(v => v.Tallies.Skip(1)).Where(t => t.ValueKind == JsonValueKind.Object).Select(t => t.GetRawText().Length).DefaultIfEmpty().ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ballot} ballot: tally event JSON mean {sizes.Average():F0} B, largest {sizes.Max()} B; result event {(votes[0].Close.ValueKind == JsonValueKind.Object ? votes[0].Close.GetRawText().Length / 1024.0 : double.NaN):F1} KB"));
        Console.WriteLine("| system | tally at last watcher p50 ms | p99 ms | max ms | deliveries/s | cast answered p50 ms | p99 ms | close answered p50 ms | p99 ms | result at last watcher p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Print("bare SignalR hub", bare);
        Print("NetworkHub meeting", hub);
        var (h, b) = (hub.Tally(), bare.Tally());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NetworkHub ÷ bare: tally p99 {h.P99 / b.P99:F2}, deliveries/s {hub.DeliveriesPerSecond / bare.DeliveriesPerSecond:F2}, " +
            $"result at last watcher p99 {hub.ClosedAtLast().P99 / bare.ClosedAtLast().P99:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"targets: tally p99 ≤ 1000 ms: {(h.P99 <= 1000 ? "met" : "missed")} ({h.P99:F0} ms); close and count ≤ 100 ms: " +
            $"{(hub.CloseAnswered().P99 <= 100 ? "met" : "missed")} ({hub.CloseAnswered().P99:F0} ms answered, {hub.ClosedAtLast().P99:F0} ms at the last watcher, p99)"));
        if (hub.Missing + bare.Missing + hub.Failed + bare.Failed > 0)
        {
            Console.WriteLine($"failed sends: NetworkHub {hub.Failed}, bare {bare.Failed}; tally events not at every watcher: NetworkHub {hub.Missing}, bare {bare.Missing}");
        }
    }

    /// <summary>
    /// One vote: <paramref name="send"/>(i) is the i-th send of the window (it answers which tally event carries it),
    /// sent at its even share of the window whether or not the earlier ones were answered; then the close.
    /// </summary>
    private static async Task MeasureAsync(Figures figures, VoteRun run, MeetingOptions options, Func<int, Task<int>> send, Func<Task> close)
    {
        var count = options.Seats;
        var sentAt = new long[count];
        var answeredAt = new long[count];
        var carriedBy = new int[count];
        var sends = new Task[count];
        var failures = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = options.Window * i / count - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }

            var index = i;
            sends[i] = Task.Run(async () =>
            {
                sentAt[index] = Stopwatch.GetTimestamp();
                try
                {
                    carriedBy[index] = await send(index);
                    answeredAt[index] = Stopwatch.GetTimestamp();
                }
                catch (InvalidOperationException e)
                {
                    // Counted, not fatal: a cast the platform refused or timed out is a figure too.
                    if (Interlocked.Increment(ref failures) <= 3)
                    {
                        Console.WriteLine($"send {index} failed: {e.Message[..Math.Min(e.Message.Length, 300)]}");
                    }
                }
            });
        }

        await Task.WhenAll(sends);
        await UntilDeliveredOrQuietAsync(run, Task.WhenAll(carriedBy.Where(k => k > 0).Select(run.Delivered)));

        var end = run.LastAt.Max();
        for (var i = 0; i < count; i++)
        {
            if (carriedBy[i] == 0)
            {
                figures.Failed++;
                continue;
            }

            figures.Answered.Add(Stopwatch.GetElapsedTime(sentAt[i], answeredAt[i]).TotalMilliseconds);
            if (run.LastAt[carriedBy[i]] is var last and > 0)
            {
                figures.AtLastWatcher.Add(Stopwatch.GetElapsedTime(sentAt[i], last).TotalMilliseconds);
            }
            else
            {
                figures.Missing++;
            }
        }

        figures.Deliveries += run.Deliveries;
        figures.Seconds += Stopwatch.GetElapsedTime(start, end).TotalSeconds;

        var closing = Stopwatch.GetTimestamp();
        await close();
        figures.CloseAnswers.Add(Stopwatch.GetElapsedTime(closing).TotalMilliseconds);
        await UntilDeliveredOrQuietAsync(run, run.Closed.Task);
        if (run.ClosedAt > 0)
        {
            figures.ClosesAtLast.Add(Stopwatch.GetElapsedTime(closing, run.ClosedAt).TotalMilliseconds);
        }
    }

    /// <summary>Waits for <paramref name="delivered"/>, or until the watchers have received nothing for a while.</summary>
    private static async Task UntilDeliveredOrQuietAsync(VoteRun run, Task delivered)
    {
        var (seen, quietSince) = (run.Deliveries, Stopwatch.GetTimestamp());
        while (!delivered.IsCompleted && Stopwatch.GetElapsedTime(quietSince) < Quiet)
        {
            await Task.WhenAny(delivered, Task.Delay(TimeSpan.FromMilliseconds(500)));
            if (run.Deliveries != seen)
            {
                (seen, quietSince) = (run.Deliveries, Stopwatch.GetTimestamp());
            }
        }
    }

    private static async Task<HubConnection[]> ConnectAsync(int count, Func<int, Task<HubConnection>> connect)
    {
        using var gate = new SemaphoreSlim(32);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await connect(i);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static void Print(string system, Figures f)
    {
        var (tally, cast, close, closed) = (f.Tally(), Latency.Of(f.Answered), f.CloseAnswered(), f.ClosedAtLast());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {system} | {tally.P50:F0} | {tally.P99:F0} | {tally.Max:F0} | {f.DeliveriesPerSecond:F0} | {cast.P50:F0} | {cast.P99:F0} | {close.P50:F1} | {close.P99:F1} | {closed.P50:F0} | {closed.P99:F0} |"));
    }

    /// <summary>Every watcher's events go to the vote being measured.</summary>
    private sealed class Watching
    {
        private volatile VoteRun? _run;
        private int _snapshots;

        public VoteRun? Run
        {
            get => _run;
            set => _run = value;
        }

        public int Snapshots => _snapshots;

        public void Received(JsonElement meetingEvent) => _run?.Received(meetingEvent);

        public void Snapshot() => Interlocked.Increment(ref _snapshots);
    }

    private sealed class Figures
    {
        public List<double> AtLastWatcher { get; } = [];

        public List<double> Answered { get; } = [];

        public List<double> CloseAnswers { get; } = [];

        public List<double> ClosesAtLast { get; } = [];

        public long Deliveries { get; set; }

        public double Seconds { get; set; }

        public int Missing { get; set; }

        public int Failed { get; set; }

        public double DeliveriesPerSecond => Deliveries / Seconds;

        public Latency Tally() => Latency.Of(AtLastWatcher);

        public Latency CloseAnswered() => Latency.Of(CloseAnswers);

        public Latency ClosedAtLast() => Latency.Of(ClosesAtLast);
    }
}
