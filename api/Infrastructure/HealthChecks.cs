using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkHub.Contracts.Health;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// Ready when a silo answers, grain state can be written and document content can be stored: a node that cannot
/// write is not ready, however well it reads. The grain write goes through the probe grain, so it takes the path every
/// grain's writes take; the content write is a few bytes through the content store, removed at once. One result serves
/// every probe for <see cref="Fresh"/>, so load balancers polling often cost a write every few seconds.
/// </summary>
internal sealed partial class ReadinessCheck(IGrainFactory grains, IContentStore content, TimeProvider time, ILogger<ReadinessCheck> logger) : IHealthCheck
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private (long At, Task<HealthCheckResult> Result)? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_last is { } last && time.GetElapsedTime(last.At) < Fresh)
            {
                return last.Result.WaitAsync(cancellationToken);
            }

            // Not tied to one request's token: concurrent probes share this check.
            var result = ProveAsync();
            _last = (time.GetTimestamp(), result);
            return result.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthCheckResult> ProveAsync()
    {
        // One call proves both: a silo takes it (in cluster mode through a gateway) and writes through grain storage.
        try
        {
            await grains.GetGrain<IReadinessProbeGrain>("readiness").ProveWriteAsync().WaitAsync(Patience);
        }
        catch (Exception e)
        {
            LogNotReady(logger, e);
            return HealthCheckResult.Unhealthy(WhyNotReady(e));
        }

        try
        {
            await ProveContentWriteAsync().WaitAsync(Patience);
        }
        catch (Exception e)
        {
            LogNotReady(logger, e);
            return HealthCheckResult.Unhealthy($"Document content cannot be stored: {WhyContentWriteFailed(e)}.");
        }

        return HealthCheckResult.Healthy("A silo answers, grain state can be written and document content stored.");
    }

    private async Task ProveContentWriteAsync()
    {
        using var probe = new MemoryStream("ready"u8.ToArray());
        var stored = await content.WriteAsync(probe, probe.Length, CancellationToken.None);
        await content.DeleteAsync(stored.ContentId, CancellationToken.None);
    }

    /// <summary>The folder's path is the deployment's business, not the prober's: named by what it is.</summary>
    private static string WhyContentWriteFailed(Exception e) => e is IOException or UnauthorizedAccessException
        ? "the content folder cannot be written"
        : WhyWriteFailed(e);

    /// <summary>A cause an operator can act on, without addresses or other details of the deployment.</summary>
    private static string WhyNotReady(Exception e)
    {
        if (e is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException)
        {
            return "No silo answers.";
        }

        return $"Grain state cannot be written: {WhyWriteFailed(e)}.";
    }

    private static string WhyWriteFailed(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case SqliteException { SqliteErrorCode: 13 }:
                    return "the SQLite database or its disk is full";
                case SqliteException { SqliteErrorCode: 8 }:
                    return "the SQLite database is read-only";
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return "the SQLite database is locked";
                case SqliteException { SqliteErrorCode: 10 or 14 } sqlite:
                    return $"the SQLite database file cannot be written (SQLite error {sqlite.SqliteExtendedErrorCode})";
                case SqliteException sqlite:
                    return $"SQLite error {sqlite.SqliteExtendedErrorCode}";
                case Npgsql.PostgresException postgres:
                    return SqlStateOf(postgres) switch
                    {
                        ['0', '8', ..] or ['5', '7', ..] => "the database is unreachable",
                        ['5', '3', ..] => "PostgreSQL is out of disk space or memory",
                        "25006" => "PostgreSQL is read-only",
                        var state => $"PostgreSQL refused the write ({state})",
                    };
                case DbException:
                    return "the database is unreachable";
                case TimeoutException:
                    return $"no answer within {Patience.TotalSeconds:0} s";
            }
        }

        return "the silo failed the write";
    }

    /// <summary>
    /// From a cluster silo the exception arrives through Orleans' serializer, which keeps its type and message but
    /// not <c>SqlState</c>; Npgsql's message starts with the state ("57P01: terminating connection ...").
    /// </summary>
    private static string SqlStateOf(Npgsql.PostgresException e) =>
        e.SqlState is { Length: > 0 } state ? state : e.Message.Split(':', 2)[0];

    /// <summary>The status and, when not ready, why: the body of <c>/health/ready</c>.</summary>
    public static Task WriteResponseAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, string?> { ["status"] = report.Status.ToString() };
        if (report.Status != HealthStatus.Healthy)
        {
            body["reason"] = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).FirstOrDefault();
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready")]
    private static partial void LogNotReady(ILogger logger, Exception exception);
}
