using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Cluster.Tests.Infrastructure;
using NetworkHub.Silo.Storage;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>API nodes in cluster mode share one Data Protection key ring in PostgreSQL, set up as the API sets it up.</summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task Unprotect_OnAnotherNodeAndAfterARestart_ReadsWhatTheFirstNodeProtected()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await new SchemaMigrator(new StorageOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = database.ConnectionString }).MigrateAsync(TestContext.Current.CancellationToken);

        string protectedText;
        using (var node1 = Node(database.ConnectionString))
        {
            protectedText = node1.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("shared secret");
        }

        using var node2 = Node(database.ConnectionString);
        using var node1Restarted = Node(database.ConnectionString);

        Assert.Equal("shared secret", node2.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        Assert.Equal("shared secret", node1Restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM networkhub_data_protection_keys"));
    }

    private static ServiceProvider Node(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        PostgreSqlXmlRepository.AddSharedKeyRing(services, connectionString);
        return services.BuildServiceProvider();
    }
}
