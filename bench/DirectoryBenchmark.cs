using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo;
using NetworkHub.Silo.Directory;
using Orleans.Storage;

namespace NetworkHub.Bench;

/// <summary>
/// What bounds the directory grain: every upsert serializes and writes the whole list, and a query scans it.
/// Measures both on the real path (Orleans' serializer and ADO.NET storage provider on a SQLite file, the
/// in-memory index) for growing sizes, as ratios to the smallest size measured in the same run.
/// </summary>
internal static class DirectoryBenchmark
{
    private const int Repeats = 15;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (args.FirstOrDefault() ?? "100,1000,10000,50000").Split(',').Select(int.Parse).ToArray();
        var database = Path.Combine(Path.GetTempPath(), $"networkhub-bench-{Guid.NewGuid():N}", "bench.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = database,
            ["Orleans:SiloPort"] = "21111",
            ["Orleans:GatewayPort"] = "31000",
        });
        builder.UseOrleans(silo => silo.AddNetworkHubSilo(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("Default");

        Console.WriteLine($"{"entries",8} {"state KB",9} {"upsert ms p50",14} {"ratio",7} {"query ms p50",13} {"p99",8} {"ratio",7}");
        double? baseUpsert = null, baseQuery = null;
        foreach (var size in sizes)
        {
            var entries = Enumerable.Range(0, size).Select(Entry).ToList();
            var state = new GrainState<DirectoryState>(new DirectoryState { Entries = entries });
            var grainId = GrainId.Create("directory", $"bench-{size}");
            var writes = new List<double>();
            for (var i = 0; i < Repeats; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await storage.WriteStateAsync("directory", grainId, state);
                writes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var index = new DirectoryIndex(entries);
            var queries = new List<double>();
            for (var i = 0; i < Repeats * 20; i++)
            {
                var started = Stopwatch.GetTimestamp();

                // The worst case: a text filter that matches nothing scans every entry.
                index.Query(new DirectoryQuery("CO", null, null, null, "no such name", null, 25, true, new HashSet<Guid>()));
                queries.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var upsert = Percentile(writes, 0.5);
            var query = Percentile(queries, 0.5);
            baseUpsert ??= upsert;
            baseQuery ??= query;
            Console.WriteLine($"{size,8} {Serialized(host, state.State!) / 1024.0,9:F0} {upsert,14:F2} {upsert / baseUpsert,7:F1} {query,13:F3} {Percentile(queries, 0.99),8:F3} {query / baseQuery,7:F1}");
        }

        await host.StopAsync();
        return 0;
    }

    private static DirectoryEntry Entry(int i) => new(
        Guid.CreateVersion7(), $"Organización de la sociedad civil número {i:D6}", "civil-society-organisation",
        i % 3 == 0 ? "CO" : "SN", "Andes", ["land rights", "peacebuilding"], Visibility.Public,
        "A short summary of what this organisation does, roughly as long as most of them are.");

    private static long Serialized(IHost host, DirectoryState state) =>
        host.Services.GetRequiredService<Orleans.Serialization.Serializer>().SerializeToArray(state).Length;

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
