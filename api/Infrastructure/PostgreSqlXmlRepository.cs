using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// The Data Protection key ring of a cluster, in PostgreSQL (table from schema script 002) instead of a local
/// folder: every API node reads the same keys, so what one node protects any node can unprotect, also after
/// restarts. Bearer tokens do not depend on it (they are opaque and live in grains); framework features do.
/// The interface is synchronous; ASP.NET Core calls it rarely (at start-up and when a key is rolled).
/// </summary>
internal sealed class PostgreSqlXmlRepository(string connectionString) : IXmlRepository
{
    /// <summary>Data Protection with this repository, as every API node of a cluster sets it up.</summary>
    public static void AddSharedKeyRing(IServiceCollection services, string connectionString)
    {
        // The application name replaces the default discriminator (the content root path), which may differ
        // between nodes and would keep them from sharing keys.
        services.AddDataProtection().SetApplicationName("NetworkHub");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PostgreSqlXmlRepository(connectionString));
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT xml FROM networkhub_data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO networkhub_data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
