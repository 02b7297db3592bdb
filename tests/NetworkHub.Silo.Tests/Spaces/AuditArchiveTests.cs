using Microsoft.Data.Sqlite;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;
using NetworkHub.Silo.Storage;

namespace NetworkHub.Silo.Tests.Spaces;

/// <summary>Audit lines beyond a space's window: the archive on a real SQLite file, and a space paging across both.</summary>
public sealed class AuditArchiveTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "networkhub-silo-tests", $"archive-{Guid.NewGuid():N}", "archive.db");
    private AuditArchive _archive = null!;

    public async ValueTask InitializeAsync()
    {
        var storage = new StorageOptions { SqlitePath = _path };
        await new SchemaMigrator(storage).MigrateAsync(TestContext.Current.CancellationToken);
        _archive = new AuditArchive(storage);
    }

    [Fact]
    public async Task AddAsync_SameLinesTwice_KeepsOneOfEach_AndReadsThemBackInOrder()
    {
        var person = Guid.NewGuid();
        var organisation = Guid.NewGuid();
        List<AuditEntry> lines =
        [
            new(1, At, person, null, AuditActions.Created, null, null),
            new(2, At.AddSeconds(1), null, organisation, AuditActions.Invited, Guid.NewGuid(), "Member"),
            new(3, At.AddSeconds(2), person, null, AuditActions.Updated, null, "version 2"),
        ];

        await _archive.AddAsync("Coalition/a", lines);
        await _archive.AddAsync("Coalition/a", [lines[1] with { Detail = "replaced?" }, lines[2]]);
        await _archive.AddAsync("Coalition/b", [lines[0]]);

        Assert.Equal(lines, await _archive.ReadAsync("Coalition/a", 0, long.MaxValue, 10));
        Assert.Equal([lines[1]], await _archive.ReadAsync("Coalition/a", 1, 3, 10));
        Assert.Equal([lines[0], lines[1]], await _archive.ReadAsync("Coalition/a", 0, long.MaxValue, 2));
        Assert.Equal([lines[0]], await _archive.ReadAsync("Coalition/b", 0, long.MaxValue, 10));
    }

    [Fact]
    public async Task ReplacePersonAsync_RewritesThePersonAsActorAndSubject_AndNothingElse()
    {
        var person = Guid.NewGuid();
        var other = Guid.NewGuid();
        var former = Guid.NewGuid();
        await _archive.AddAsync("Forum/x", [
            new(1, At, person, null, AuditActions.Created, null, null),
            new(2, At, other, null, AuditActions.MemberRemoved, person, null),
            new(3, At, person, null, AuditActions.MemberLeft, person, null),
            new(4, At, other, null, AuditActions.Updated, other, null),
        ]);

        var changed = await _archive.ReplacePersonAsync(person, former);
        var lines = await _archive.ReadAsync("Forum/x", 0, long.MaxValue, 10);

        Assert.Equal(4, changed);
        Assert.Equal([former, other, former, other], lines.Select(l => l.ActorPersonId!.Value));
        Assert.Equal([null, former, former, other], lines.Select(l => l.SubjectId));
        Assert.Equal(0, await _archive.ReplacePersonAsync(person, former));
    }

    [Fact]
    public async Task MoveOverflowAsync_WhenTheInsertFails_LeavesTheWindowAsItWas()
    {
        // A database without the archive's table: the insert fails as a full or broken database would.
        var unmigrated = Path.Combine(Path.GetDirectoryName(_path)!, "unmigrated.db");
        await using var broken = new AuditArchive(new StorageOptions { SqlitePath = unmigrated });
        List<AuditEntry> window = [];
        for (var i = 0; i < AuditLog.MaxEntries + 3; i++)
        {
            AuditLog.Append(window, At, Caller.Anonymous, AuditActions.Updated, null, null);
        }

        await Assert.ThrowsAsync<SqliteException>(() => broken.MoveOverflowAsync("Coalition/c", window));
        Assert.Equal(AuditLog.MaxEntries + 3, window.Count);

        await _archive.MoveOverflowAsync("Coalition/c", window);
        Assert.Equal(AuditLog.MaxEntries, window.Count);
        Assert.Equal(4, AuditLog.WindowStart(window));
        Assert.Equal([1L, 2, 3], (await _archive.ReadAsync("Coalition/c", 0, long.MaxValue, 10)).Select(l => l.Sequence));
    }

    [Fact]
    public async Task GetAuditAsync_MoreLinesThanTheWindow_PagesFromLineOneWithoutGapOrDuplicate()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(fixture.Grains);
        const int Rounds = 550;
        for (var i = 0; i < Rounds; i++)
        {
            var invitation = await coalition.InviteAsync(coordinator, new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(1), null));
            await coalition.RevokeInvitationAsync(coordinator, invitation.InvitationId);
        }

        var seen = new List<AuditEntry>();
        long? after = null;
        do
        {
            var page = await coalition.GetAuditAsync(coordinator, after, 97);
            seen.AddRange(page.Entries);
            after = page.NextAfter;
        }
        while (after is not null);

        const int Lines = 1 + 2 * Rounds;
        Assert.Equal(Enumerable.Range(1, Lines).Select(s => (long)s), seen.Select(e => e.Sequence));
        Assert.Equal(AuditActions.Created, seen[0].Action);
        Assert.All(seen.Skip(1).Where((_, i) => i % 2 == 0), e => Assert.Equal(AuditActions.Invited, e.Action));
        Assert.All(seen.Skip(2).Where((_, i) => i % 2 == 0), e => Assert.Equal(AuditActions.InvitationRevoked, e.Action));
        Assert.All(seen, e => Assert.Equal(coordinator.PersonId, e.ActorPersonId));
        Assert.Equal(Lines - AuditLog.MaxEntries, await CountArchivedAsync($"Coalition/{coalition.GetPrimaryKey()}"));

        // A cursor just before the window, and one inside the archive, continue exactly where they say.
        var boundary = Lines - AuditLog.MaxEntries;
        Assert.Equal([boundary, boundary + 1L], (await coalition.GetAuditAsync(coordinator, boundary - 1, 2)).Entries.Select(e => e.Sequence));
        Assert.Equal([11L, 12, 13], (await coalition.GetAuditAsync(coordinator, 10, 3)).Entries.Select(e => e.Sequence));
    }

    public async ValueTask DisposeAsync()
    {
        await _archive.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    private static async Task<long> CountArchivedAsync(string owner)
    {
        await using var connection = new SqliteConnection($"Data Source={ClusterFixture.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM networkhub_audit WHERE owner = @owner";
        command.Parameters.AddWithValue("@owner", owner);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
