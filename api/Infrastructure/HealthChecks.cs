using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkHub.Silo.Storage;
using Npgsql;

namespace NetworkHub.Api.Infrastructure;

/// <summary>Ready when a silo answers and the database takes a query.</summary>
internal sealed class ReadinessCheck(IGrainFactory grains, StorageOptions storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            if (hosts.Count == 0)
            {
                return HealthCheckResult.Unhealthy("No active silo.");
            }

            await using System.Data.Common.DbConnection connection = storage.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnection(storage.EffectiveConnectionString)
                : new NpgsqlConnection(storage.EffectiveConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{hosts.Count} silo(s), {storage.Provider} reachable.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("A silo or the database is unreachable.");
        }
    }
}
