using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace NetworkHub.Bench;

/// <summary>
/// Joins N receivers, then (1) sends messages one at a time, each once every receiver has the previous one, for the
/// delivery latency of a single contribution; (2) sends a burst with a few in flight, for delivered messages per second.
/// Sender and receivers run in this process, so send and receive times come from the same clock.
/// </summary>
internal static class FanOutRun
{
    private const int WarmUp = 5;

    public static async Task<Result> RunAsync(IFanOutTarget target, int clients, BenchOptions options)
    {
        var total = WarmUp + options.Rounds + options.Burst;
        var received = new long[clients][];
        var remaining = Enumerable.Repeat(clients, total).ToArray();
        var done = Enumerable.Range(0, total).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var sentAt = new long[total];
        var padding = new string('x', Math.Max(0, options.PayloadChars - 7));

        var connections = new HubConnection[clients];
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async r =>
            {
                received[r] = new long[total];
                await gate.WaitAsync();
                try
                {
                    connections[r] = await target.ConnectReceiverAsync(text =>
                    {
                        var index = int.Parse(text.AsSpan(0, 6), System.Globalization.CultureInfo.InvariantCulture);
                        received[r][index] = Stopwatch.GetTimestamp();
                        if (Interlocked.Decrement(ref remaining[index]) == 0)
                        {
                            done[index].TrySetResult();
                        }
                    });
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        string Text(int index) => $"{index:D6} {padding}";

        for (var i = 0; i < WarmUp + options.Rounds; i++)
        {
            sentAt[i] = Stopwatch.GetTimestamp();
            await target.SendAsync(Text(i));
            await done[i].Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var latencies = new List<double>(options.Rounds * clients);
        for (var i = WarmUp; i < WarmUp + options.Rounds; i++)
        {
            latencies.AddRange(received.Select(r => Stopwatch.GetElapsedTime(sentAt[i], r[i]).TotalMilliseconds));
        }

        var first = WarmUp + options.Rounds;
        var start = Stopwatch.GetTimestamp();
        using (var inFlight = new SemaphoreSlim(options.InFlight))
        {
            var sends = new List<Task>();
            for (var i = first; i < total; i++)
            {
                await inFlight.WaitAsync();
                var index = i;
                sends.Add(Task.Run(async () =>
                {
                    try
                    {
                        await target.SendAsync(Text(index));
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
            }

            await Task.WhenAll(sends);
        }

        await Task.WhenAll(done.Skip(first).Select(d => d.Task)).WaitAsync(TimeSpan.FromMinutes(5));
        var end = received.Max(r => r.Skip(first).Max());
        var seconds = Stopwatch.GetElapsedTime(start, end).TotalSeconds;

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return new Result(Latency.Of(latencies), (double)options.Burst * clients / seconds);
    }
}
