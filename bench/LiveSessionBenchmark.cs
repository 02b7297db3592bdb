using System.Globalization;

namespace NetworkHub.Bench;

/// <summary>
/// Live session fan-out against a bare SignalR hub, in the same process set-up: N receivers join, one client posts,
/// everyone else receives. Prints latency percentiles, delivered messages per second, and the ratios.
/// </summary>
internal static class LiveSessionBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        Console.WriteLine($"Live session fan-out vs a bare SignalR hub; {Environment.ProcessorCount} cores, {options.Rounds} latency rounds, " +
            $"{options.Burst} messages for throughput ({options.InFlight} senders, one message in flight each), payload {options.PayloadChars} chars");
        Console.WriteLine();
        Console.WriteLine("| clients | system | p50 ms | p95 ms | p99 ms | delivered msgs/s |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        var rows = new List<(int Clients, Result Bare, Result Hub)>();
        foreach (var clients in options.Clients)
        {
            Result bare, hub;
            await using (var target = await BareTarget.StartAsync(options.InFlight))
            {
                bare = await FanOutRun.RunAsync(target, clients, options);
            }

            Print(clients, "bare SignalR hub", bare);
            await using (var target = await NetworkHubTarget.StartAsync(options.InFlight))
            {
                hub = await FanOutRun.RunAsync(target, clients, options);
            }

            Print(clients, "NetworkHub session", hub);
            rows.Add((clients, bare, hub));
        }

        Console.WriteLine();
        Console.WriteLine("| clients | msgs/s NetworkHub ÷ bare (target ≥ 0.7) | p99 NetworkHub ÷ bare (target ≤ 2) |");
        Console.WriteLine("|---:|---:|---:|");
        foreach (var (clients, bare, hub) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {clients} | {hub.MessagesPerSecond / bare.MessagesPerSecond:F2} | {hub.Latency.P99 / bare.Latency.P99:F2} |"));
        }

        return 0;
    }

    private static void Print(int clients, string system, Result r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {clients} | {system} | {r.Latency.P50:F1} | {r.Latency.P95:F1} | {r.Latency.P99:F1} | {r.MessagesPerSecond:F0} |"));
}
