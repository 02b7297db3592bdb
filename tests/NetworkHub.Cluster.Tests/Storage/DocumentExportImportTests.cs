using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Documents;
using NetworkHub.Cluster.Tests.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// Documents move with export and import, from a standalone SQLite install (content files beside it) into a PostgreSQL
/// cluster (content in the database) and back: the same documents, versions and sections, identical bytes, and search
/// finds them on each side.
/// </summary>
public sealed class DocumentExportImportTests : IAsyncDisposable
{
    private const string Password = "export import password";
    private const string Markdown = "# Tierras\n\nLa restitución de tierras a las comunidades.\n\n# Éducation\n\nL'éducation à la paix dès l'école.\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("networkhub-doc-export-").FullName;

    [Fact]
    public async Task ExportImport_SqliteToPostgreSqlAndBack_KeepsDocumentsVersionsSectionsAndBytes()
    {
        var sqlite = Path.Combine(_directory, "standalone.db");
        var written = await WriteDocumentAsync(sqlite);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        string[] postgres = ["--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={database.ConnectionString}"];
        string[] sqliteBack = ["--Storage:Provider=Sqlite", $"--Storage:SqlitePath={Path.Combine(_directory, "back", "back.db")}"];

        await RunAsync("export", File("from-sqlite.jsonl"), "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={sqlite}");
        await RunAsync(["import", File("from-sqlite.jsonl"), .. postgres]);
        await RunAsync(["export", File("from-postgres.jsonl"), .. postgres]);
        await RunAsync(["import", File("from-postgres.jsonl"), .. sqliteBack]);
        await RunAsync(["export", File("back.jsonl"), .. sqliteBack]);

        // The index row, then per content (two files, one of them empty, and the Markdown's sections) its chunks and its end.
        var fromSqlite = DocumentLines("from-sqlite.jsonl");
        Assert.Single(fromSqlite, l => l.StartsWith("{\"document\"", StringComparison.Ordinal));
        Assert.Equal(4, fromSqlite.Count(l => l.StartsWith("{\"content\"", StringComparison.Ordinal)));
        Assert.Equal(fromSqlite, DocumentLines("from-postgres.jsonl"));
        Assert.Equal(fromSqlite, DocumentLines("back.jsonl"));

        await using (var cluster = await InProcessSilo.StartPostgreSqlAsync(database.ConnectionString))
        {
            await AssertSameDocumentAsync(cluster, written);
        }

        await using (var standalone = await InProcessSilo.StartSqliteAsync(Path.Combine(_directory, "back", "back.db")))
        {
            await AssertSameDocumentAsync(standalone, written);
        }
    }

    [Fact]
    public async Task Import_OfDamagedContent_IsRefusedAndLeavesNoContent()
    {
        var sqlite = Path.Combine(_directory, "standalone.db");
        await WriteDocumentAsync(sqlite);
        await RunAsync("export", File("data.jsonl"), "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={sqlite}");

        // The content's end says another SHA-256 than its bytes have.
        var lines = System.IO.File.ReadAllLines(File("data.jsonl"));
        var last = Array.FindLastIndex(lines, l => l.StartsWith("{\"content\"", StringComparison.Ordinal));
        lines[last] = System.Text.RegularExpressions.Regex.Replace(lines[last], "\"sha256\":\"[0-9a-f]{64}\"", $"\"sha256\":\"{new string('0', 64)}\"");
        await System.IO.File.WriteAllLinesAsync(File("damaged.jsonl"), lines, TestContext.Current.CancellationToken);
        var target = Path.Combine(_directory, "target", "target.db");

        var import = await Programs.RunSiloCommandAsync("import", File("damaged.jsonl"), "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={target}");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("does not match its size and SHA-256", import.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_directory, "target", "content"), "*", SearchOption.AllDirectories));
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>What was written, as the grains answer, and each version's bytes.</summary>
    private sealed record Written(string Email, Guid DocumentId, SpaceRef Space, DocumentView View, IReadOnlyList<DocumentVersionSummary> Versions,
        DocumentVersionText Sections, IReadOnlyList<byte[]> Bytes);

    private static async Task<Written> WriteDocumentAsync(string sqlite)
    {
        await using var silo = await InProcessSilo.StartSqliteAsync(sqlite);
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var personId = (await silo.Grains.GetGrain<IAccountGrain>(AccountKey(email)).RegisterAsync(new(email, Password, "Author", null, "CO", ["es"])))!.Value;
        var caller = Caller.Person(personId);
        var organisationId = Guid.CreateVersion7();
        await silo.Grains.GetGrain<IOrganisationGrain>(organisationId).CreateAsync(caller,
            new("Red de tierras", OrganisationKind.NetworkSecretariat, "CO", null, ["land"], "Documents", null, Visibility.Private));
        var space = new SpaceRef(SpaceKind.Organisation, organisationId);
        var documentId = Guid.CreateVersion7();
        var document = silo.Grains.GetGrain<IDocumentGrain>(documentId);
        await document.CreateAsync(caller, space, new("Plan nacional — tierras", "Borrador", ["tierras", "paz"], "es", DocumentStatus.UnderConsultation));
        var store = silo.Services.GetRequiredService<IContentStore>();

        // More than two chunks of the export, and a file of no bytes; the Markdown last, so its text is what search finds.
        var file = RandomNumberGenerator.GetBytes((2 * PostgreSqlContentStore.ChunkSize) + 12_345);
        foreach (var bytes in new[] { file, Array.Empty<byte>() })
        {
            var stored = await store.WriteAsync(new MemoryStream(bytes), long.MaxValue, TestContext.Current.CancellationToken);
            await document.AddVersionAsync(caller, new(VersionSource.Upload, $"anexo-{bytes.Length}.bin", "application/octet-stream",
                stored.ContentId, stored.Size, stored.Sha256, null, [], null));
        }

        await VersionUploads.AddMarkdownAsync(document, caller, store, Markdown, "Texto", TestContext.Current.CancellationToken);

        return new(email, documentId, space, await document.GetAsync(caller), await document.GetVersionsAsync(caller),
            await document.GetVersionTextAsync(3), [file, [], Encoding.UTF8.GetBytes(Markdown)]);
    }

    private static async Task AssertSameDocumentAsync(InProcessSilo silo, Written expected)
    {
        var personId = (await silo.Grains.GetGrain<IAccountGrain>(AccountKey(expected.Email)).SignInAsync(new(expected.Email, Password))).PersonId!.Value;
        var caller = Caller.Person(personId);
        var document = silo.Grains.GetGrain<IDocumentGrain>(expected.DocumentId);

        var view = await document.GetAsync(caller);
        Assert.Equal(expected.View with { Tags = Array.Empty<string>() }, view with { Tags = Array.Empty<string>() });
        Assert.Equal(expected.View.Tags, view.Tags);
        var versions = await document.GetVersionsAsync(caller);
        Assert.Equal(expected.Versions, versions);
        var sections = await document.GetVersionTextAsync(3);
        Assert.Equal(expected.Sections.Version, sections.Version);
        Assert.Equal(2, sections.Sections.Count);
        Assert.Equal(expected.Sections.Sections, sections.Sections);
        var store = silo.Services.GetRequiredService<IContentStore>();
        for (var number = 1; number <= versions.Count; number++)
        {
            var files = await document.GetVersionFilesAsync(caller, number);
            await using var content = await store.OpenReadAsync(files.ContentId, 0, null, TestContext.Current.CancellationToken);
            using var read = new MemoryStream();
            await content!.CopyToAsync(read, TestContext.Current.CancellationToken);
            Assert.Equal(expected.Bytes[number - 1], read.ToArray());
            Assert.Equal(versions[number - 1].Sha256, Convert.ToHexStringLower(SHA256.HashData(read.ToArray())));
        }

        // Accents folded on both databases: the index rows came with the import and were indexed again there.
        var index = silo.Services.GetRequiredService<IDocumentIndex>();
        foreach (var query in new[] { "restitucion", "tierras", "education paix" })
        {
            var hit = Assert.Single(await index.SearchAsync(new DocumentSearch(query, [expected.Space], false, 0, 10), TestContext.Current.CancellationToken));
            Assert.Equal(expected.DocumentId, hit.DocumentId);
        }
    }

    private static string AccountKey(string email) => "acct_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email)));

    private string File(string name) => Path.Combine(_directory, name);

    private static async Task RunAsync(params string[] args)
    {
        var (exitCode, output) = await Programs.RunSiloCommandAsync(args);
        Assert.True(exitCode == 0, output);
    }

    private List<string> DocumentLines(string file) =>
        [.. System.IO.File.ReadLines(File(file)).Where(l => l.StartsWith("{\"document\"", StringComparison.Ordinal) || l.StartsWith("{\"content", StringComparison.Ordinal))];
}
