using System.Data.Common;
using Microsoft.Extensions.Configuration;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// The silo program's maintenance commands, given as its first argument: <c>migrate</c>, <c>export FILE</c>,
/// <c>import FILE</c>. Each works on the configured database (section Storage) and exits; the remaining
/// arguments are settings such as <c>--Storage:Provider=Sqlite</c>.
/// </summary>
internal sealed record StorageCommand(string Name, string? File, string[] Settings)
{
    public static StorageCommand? Parse(string[] args) => args switch
    {
        ["migrate", .. var rest] => new("migrate", null, rest),
        ["export" or "import", var file, .. var rest] when !file.StartsWith('-') => new(args[0], file, rest),
        ["export" or "import", .. var rest] => new(args[0], null, rest),
        _ => null,
    };

    public async Task<int> RunAsync(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        try
        {
            switch (Name)
            {
                case "migrate":
                    var version = await new SchemaMigrator(storage).MigrateAsync();
                    Console.WriteLine($"{storage.Provider} schema at version {version}.");
                    return 0;
                case "export" when File is not null:
                    var exported = await new DataTransfer(storage).ExportAsync(File);
                    Console.WriteLine($"Exported {exported} from {storage.Provider} to {File}.");
                    return 0;
                case "import" when File is not null:
                    var imported = await new DataTransfer(storage).ImportAsync(File);
                    Console.WriteLine($"Imported {imported} from {File} into {storage.Provider}.");
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Usage: {Name} FILE [--Storage:Provider=Sqlite|PostgreSql ...]");
                    return 2;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or DbException or IOException or UnauthorizedAccessException)
        {
            // A maintenance command's user needs the reason, not a stack trace.
            await Console.Error.WriteLineAsync($"{Name} failed: {e.Message}");
            return 1;
        }
    }
}
