using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Cluster.Tests.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Committees;
using NetworkHub.Silo.Documents;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// export/import of the silo program move a standalone SQLite install into a PostgreSQL cluster and back,
/// losslessly: the rows compare equal and the grains read the same data on each side.
/// </summary>
public sealed class ExportImportTests : IAsyncDisposable
{
    private const string Password = "export import password";
    private readonly string _directory = Directory.CreateTempSubdirectory("networkhub-export-").FullName;

    [Fact]
    public async Task ExportImport_SqliteToPostgreSqlAndBack_KeepsEveryRowAndGrainsReadTheSameData()
    {
        var sqlite = Path.Combine(_directory, "standalone.db");
        var written = await WriteThroughGrainsAsync(sqlite);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        string[] postgres = ["--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={database.ConnectionString}"];
        string[] sqliteBack = ["--Storage:Provider=Sqlite", $"--Storage:SqlitePath={Path.Combine(_directory, "back.db")}"];

        await RunAsync("export", "from-sqlite.jsonl", "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={sqlite}");
        await RunAsync(["import", Path.Combine(_directory, "from-sqlite.jsonl"), .. postgres]);
        await RunAsync(["export", Path.Combine(_directory, "from-postgres.jsonl"), .. postgres]);
        await RunAsync(["import", Path.Combine(_directory, "from-postgres.jsonl"), .. sqliteBack]);
        await RunAsync(["export", Path.Combine(_directory, "back.jsonl"), .. sqliteBack]);

        var fromSqlite = Rows("from-sqlite.jsonl");
        var fromPostgres = Rows("from-postgres.jsonl");
        Assert.Equal(fromPostgres, Rows("back.jsonl"));
        Assert.Equal(fromSqlite.Count, fromPostgres.Count);
        Assert.All(fromSqlite.Zip(fromPostgres), pair => AssertSameRow(pair.First, pair.Second));
        // account, person, organisation, directory, credential; the credential's expiry reminder (the organisation's
        // outbox reminder may still be there too, until its next tick finds the outbox empty).
        Assert.Equal(5, fromSqlite.Count(r => r.StartsWith("{\"storage\"", StringComparison.Ordinal)));
        Assert.Single(fromSqlite, r => r.StartsWith("{\"reminder\"", StringComparison.Ordinal) && r.Contains("\"expiry\"", StringComparison.Ordinal));
        Assert.Equal(Archived(written.PersonId).Count, fromSqlite.Count(r => r.StartsWith("{\"audit\"", StringComparison.Ordinal)));
        Assert.Equal(2, fromSqlite.Count(r => r.StartsWith("{\"decision\"", StringComparison.Ordinal)));

        await using (var cluster = await InProcessSilo.StartPostgreSqlAsync(database.ConnectionString))
        {
            Assert.Equal(written, await ReadThroughGrainsAsync(cluster, written));
        }

        await using (var standalone = await InProcessSilo.StartSqliteAsync(Path.Combine(_directory, "back.db")))
        {
            Assert.Equal(written, await ReadThroughGrainsAsync(standalone, written));
        }
    }

    [Fact]
    public async Task Import_IntoADatabaseThatHoldsData_IsRefused()
    {
        var sqlite = Path.Combine(_directory, "standalone.db");
        await WriteThroughGrainsAsync(sqlite);
        await RunAsync("export", "data.jsonl", "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={sqlite}");

        var again = await Programs.RunSiloCommandAsync("import", Path.Combine(_directory, "data.jsonl"), "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={sqlite}");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("import only into a new, empty database", again.Output, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Data as the grains hold it: an account, its person, an organisation, the directory and a token with its expiry reminder.</summary>
    private sealed record Written(string Email, Guid PersonId, Guid OrganisationId, string OrganisationName, string CredentialKey);

    private static async Task<Written> WriteThroughGrainsAsync(string sqlite)
    {
        await using var silo = await InProcessSilo.StartSqliteAsync(sqlite);
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var personId = (await silo.Grains.GetGrain<IAccountGrain>(AccountKey(email)).RegisterAsync(new(email, Password, "Exporter", null, "NL", ["nl"])))!.Value;
        var organisationId = Guid.CreateVersion7();
        var organisation = await silo.Grains.GetGrain<IOrganisationGrain>(organisationId).CreateAsync(Caller.Person(personId),
            new("Export & Import — ünïcödé", OrganisationKind.NetworkSecretariat, "NL", null, ["migration"], "Moved with its data", null, Visibility.Public));
        var credentialKey = "cred_test_" + Guid.NewGuid().ToString("N");
        await silo.Grains.GetGrain<ICredentialGrain>(credentialKey).IssueAsync(new(Caller.Person(personId), DateTimeOffset.UtcNow.AddDays(1)));
        await silo.Services.GetRequiredService<AuditArchive>().AddAsync(ArchiveOwner, Archived(personId));
        foreach (var draft in Decided)
        {
            await silo.Services.GetRequiredService<DecisionRegister>().AppendAsync(DecidingCommittee, "SC", draft);
        }

        await silo.Services.GetRequiredService<DocumentCommentTable>().InsertAsync(Commented(personId));
        await silo.Services.GetRequiredService<FeedbackRoundTable>().UpsertAsync([Invited]);

        return new(email, personId, organisationId, organisation.Name, credentialKey);
    }

    private static async Task<Written> ReadThroughGrainsAsync(InProcessSilo silo, Written expected)
    {
        var personId = (await silo.Grains.GetGrain<IAccountGrain>(AccountKey(expected.Email)).SignInAsync(new(expected.Email, Password))).PersonId!.Value;
        var organisation = await silo.Grains.GetGrain<IOrganisationGrain>(expected.OrganisationId).GetAsync(Caller.Person(personId));
        var caller = await silo.Grains.GetGrain<ICredentialGrain>(expected.CredentialKey).ResolveAsync();
        Assert.Equal(personId, caller?.PersonId);
        Assert.Equal(Archived(personId), await silo.Services.GetRequiredService<AuditArchive>().ReadAsync(ArchiveOwner, 0, long.MaxValue, 10));
        var register = silo.Services.GetRequiredService<DecisionRegister>();
        var decisions = (await register.PageAsync(DecidingCommittee, null, null, null, 10)).Decisions;
        Assert.Equal(["SC-2026-001", "SC-2026-002"], decisions.Select(d => d.Number));
        Assert.Equal(Decided.Select(d => (d.MeetingId, d.MotionId, d.Title, d.Text, d.Result, d.Ballot, d.DecidedAt)),
            decisions.Select(d => (d.MeetingId, d.MotionId, d.Title, d.Text, d.Result, d.Ballot, d.DecidedAt)));
        // The search column is rebuilt on import, not carried.
        Assert.Equal(decisions[1], Assert.Single((await register.PageAsync(DecidingCommittee, "SECRET", null, null, 10)).Decisions));
        Assert.Equal(Commented(personId), await silo.Services.GetRequiredService<DocumentCommentTable>().FindAsync(CommentedDocument, Commented(personId).CommentId));
        var group = Assert.Single(await silo.Services.GetRequiredService<FeedbackRoundTable>().ForDocumentAsync(CommentedDocument));
        Assert.Equal((Invited.RoundId, Invited.Group, Invited.Deadline, Invited.Closed), (group.RoundId, group.Group, group.Deadline, group.Closed));
        Assert.Equal(Invited.SectionIds, group.SectionIds);
        return new(expected.Email, personId, organisation.Id, organisation.Name, expected.CredentialKey);
    }

    private const string ArchiveOwner = "Organisation/archived-lines";
    private static readonly Guid ArchivingOrganisation = Guid.Parse("0197a1b2-0000-7000-8000-000000000001");

    /// <summary>Archived audit lines (times to the microsecond, which both databases keep exactly).</summary>
    private static List<AuditEntry> Archived(Guid personId) =>
    [
        new(1, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), personId, null, AuditActions.Created, null, null),
        new(2, new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), null, ArchivingOrganisation, AuditActions.Invited, personId, "Member"),
    ];

    private static readonly Guid DecidingCommittee = Guid.Parse("0197a1b2-0000-7000-8000-000000000002");

    /// <summary>Two entries of a decision register (times to the microsecond).</summary>
    private static readonly Guid CommentedDocument = Guid.Parse("0197a1b2-0000-7000-8000-000000000006");

    /// <summary>A comment answered by the drafting team, made in a round for an invited group (every column set).</summary>
    private static DocumentComment Commented(Guid personId) => new(
        Guid.Parse("0197a1b2-0000-7000-8000-000000000007"), CommentedDocument, 1, "s-land", "Land titles", null, personId, ArchivingOrganisation,
        Invited.RoundId, "Include joint titles.", CommentStatus.Resolved, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_560),
        new CommentResponse(ResponseKind.PartlyAccepted, "In part.", personId, new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)),
        Invited.Group, 1);

    private static readonly RoundGroupRow Invited = new(
        Guid.Parse("0197a1b2-0000-7000-8000-000000000008"), new SpaceRef(SpaceKind.Organisation, Guid.Parse("0197a1b2-0000-7000-8000-000000000001")),
        CommentedDocument, 1, "Land chapter", new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), ["s-land"], true);

    private static readonly DecisionDraft[] Decided =
    [
        new(Guid.Parse("0197a1b2-0000-7000-8000-000000000003"), Guid.Parse("0197a1b2-0000-7000-8000-000000000004"), "Plan annuel — adopté",
            "Le comité **adopte** le plan.", new(VoteOutcome.Adopted, VotingMethod.TwoThirds, new(8, 2, 1), 11, 12, 7, true), BallotKind.Open,
            new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560)),
        new(Guid.Parse("0197a1b2-0000-7000-8000-000000000003"), Guid.Parse("0197a1b2-0000-7000-8000-000000000005"), "Secret ballot on the chair",
            "Elected.", new(VoteOutcome.Adopted, VotingMethod.SimpleMajority, new(6, 5, 0), 11, 12, 7, true), BallotKind.Secret,
            new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>The API keys accounts by a keyed hash of the address; any key of that shape does here.</summary>
    private static string AccountKey(string email) => "acct_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)));

    private async Task RunAsync(params string[] args)
    {
        if (args[0] == "export" && !Path.IsPathRooted(args[1]))
        {
            args[1] = Path.Combine(_directory, args[1]);
        }

        var (exitCode, output) = await Programs.RunSiloCommandAsync(args);
        Assert.True(exitCode == 0, output);
    }

    private List<string> Rows(string file) => [.. File.ReadLines(Path.Combine(_directory, file)).Skip(1)];

    /// <summary>
    /// Equal, except that PostgreSQL keeps reminder start times to the millisecond (the column Orleans' schema
    /// gives them) where SQLite keeps Orleans' full 100 ns ticks; reminders fire on whole periods anyway.
    /// </summary>
    private static void AssertSameRow(string sqlite, string postgres)
    {
        using var a = JsonDocument.Parse(sqlite);
        using var b = JsonDocument.Parse(postgres);
        if (a.RootElement.TryGetProperty("reminder", out var reminderA) && b.RootElement.TryGetProperty("reminder", out var reminderB))
        {
            var startA = reminderA.GetProperty("startTime").GetDateTime();
            var startB = reminderB.GetProperty("startTime").GetDateTime();
            Assert.True(Math.Abs((startA - startB).TotalMilliseconds) < 1, $"{startA:O} vs {startB:O}");
            Assert.Equal(sqlite.Replace(reminderA.GetProperty("startTime").GetRawText(), "", StringComparison.Ordinal),
                postgres.Replace(reminderB.GetProperty("startTime").GetRawText(), "", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(sqlite, postgres);
        }
    }
}
