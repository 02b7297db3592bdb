using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// How long the storage NetworkHub owns takes: the content store and the documents index, by store and operation.
/// Grain state's reads and writes are measured by Orleans itself (<c>orleans-storage-*-latency</c> in the
/// <c>Microsoft.Orleans</c> meter). Tags name the store, the operation and a failure's exception type, never a
/// document, a space or a query.
/// </summary>
public sealed class StorageMetrics
{
    public const string MeterName = "NetworkHub.Storage";

    private readonly Histogram<double> _duration;

    public StorageMetrics(IMeterFactory meters)
    {
        _duration = meters.Create(MeterName).CreateHistogram(
            "networkhub.storage.duration",
            unit: "s",
            description: "Duration of content store and documents index calls.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public async Task<T> MeasureAsync<T>(string store, string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            Record(store, operation, started, null);
            return result;
        }
        catch (Exception e)
        {
            Record(store, operation, started, e);
            throw;
        }
    }

    public Task MeasureAsync(string store, string operation, Func<Task> call) =>
        MeasureAsync(store, operation, async () =>
        {
            await call();
            return true;
        });

    private void Record(string store, string operation, long started, Exception? failure)
    {
        var tags = new TagList { { "networkhub.store", store }, { "networkhub.operation", operation } };
        if (failure is not null)
        {
            tags.Add("error.type", failure.GetType().FullName);
        }

        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
