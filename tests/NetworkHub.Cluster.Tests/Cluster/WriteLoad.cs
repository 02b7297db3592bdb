using System.Collections.Concurrent;
using System.Diagnostics;
using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>One create request of a write load; times are seconds since the load started.</summary>
internal sealed record Attempt(Guid Id, int Api, double Started, double Ended, int? Status, string? ContentType, string? RetryAfter, string? Failure)
{
    public bool Acknowledged => Status is >= 200 and < 300;
}

/// <summary>
/// A few writers creating organisations (each named by the idempotency key it is sent with) through the API nodes
/// in turn, recording every attempt: which writes were acknowledged, and when and how the others failed. Bounded
/// in count and time.
/// </summary>
internal sealed class WriteLoad
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop;
    private readonly Task _writers;
    private int _started;

    private WriteLoad(TestCluster cluster, string token, int writers, int maxAttempts, TimeSpan maxDuration)
    {
        _stop = new CancellationTokenSource(maxDuration);
        _writers = Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteAsync(cluster, token, maxAttempts))));
    }

    public double Now => _clock.Elapsed.TotalSeconds;

    public IReadOnlyList<Attempt> Attempts => [.. _attempts.OrderBy(a => a.Started)];

    public static WriteLoad Start(TestCluster cluster, string token, int writers = 3, int maxAttempts = 2000, TimeSpan? maxDuration = null) =>
        new(cluster, token, writers, maxAttempts, maxDuration ?? TimeSpan.FromSeconds(150));

    public int AcknowledgedAfter(double time) => _attempts.Count(a => a.Acknowledged && a.Started >= time);

    public int FailedAfter(double time) => _attempts.Count(a => !a.Acknowledged && a.Started >= time);

    /// <summary>Acknowledged writes that started after <paramref name="time"/> and after the last failure ended.</summary>
    public int SteadyAcknowledgedAfter(double time)
    {
        var attempts = Attempts;
        var lastFailure = attempts.Where(a => !a.Acknowledged).Select(a => a.Ended).DefaultIfEmpty(0).Max();
        return attempts.Count(a => a.Acknowledged && a.Started >= Math.Max(time, lastFailure));
    }

    public bool Finished => _writers.IsCompleted;

    public async Task<IReadOnlyList<Attempt>> StopAsync()
    {
        await _stop.CancelAsync();
        await _writers;
        return Attempts;
    }

    private async Task WriteAsync(TestCluster cluster, string token, int maxAttempts)
    {
        while (!_stop.IsCancellationRequested && Interlocked.Increment(ref _started) <= maxAttempts)
        {
            var id = Guid.CreateVersion7();
            var api = Math.Abs(id.GetHashCode() % cluster.ApiCount);
            var started = Now;
            Attempt attempt;
            try
            {
                // Not cancelled by _stop: a request in flight is allowed to finish, so its outcome is known.
                using var response = await NetworkHubApi.CreateOrganisationAsync(cluster.Api(api), token, id);
                attempt = new(id, api, started, Now, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    response.Headers.RetryAfter?.ToString(), response.IsSuccessStatusCode ? null : Shorten(await response.Content.ReadAsStringAsync()));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                attempt = new(id, api, started, Now, null, null, null, e.GetType().Name + ": " + Shorten(e.Message));
            }

            _attempts.Enqueue(attempt);
            if (!attempt.Acknowledged)
            {
                // A failing cluster answers fast; without a pause the count bound would be spent in a second.
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];
}
