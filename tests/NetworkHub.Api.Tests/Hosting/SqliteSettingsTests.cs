using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkHub.Silo.Storage;
using Orleans.Configuration;

namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// SQLite's <c>synchronous</c> and <c>secure_delete</c> are settings of each connection, so they are checked on connections
/// opened the way Orleans' grain storage and reminder providers open theirs (through the data source in their options).
/// </summary>
public sealed class SqliteSettingsTests(SharedHost shared)
{
    [Fact]
    public async Task ProviderConnections_WriteAheadLogWithSynchronousFullAndSecureDelete()
    {
        var services = shared.Host.Services;
        var grainStorage = services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageNames.Default).DataSource;
        var reminders = services.GetRequiredService<IOptions<AdoNetReminderTableOptions>>().Value.DataSource;

        Assert.Equal(("wal", 2L, 1L), await SettingsAsync(grainStorage));
        Assert.Equal(("wal", 2L, 1L), await SettingsAsync(reminders));
    }

    private static async Task<(string JournalMode, long Synchronous, long SecureDelete)> SettingsAsync(DbDataSource? source)
    {
        Assert.NotNull(source);
        await using var connection = await source.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var journal = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        command.CommandText = "PRAGMA secure_delete";
        return (journal, synchronous, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }
}
