using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// Audit lines beyond a space's window in the archive table of each database: a coalition with more lines than its
/// state keeps pages from line 1 without gap or duplicate, and erasure rewrites a person's archived lines.
/// </summary>
public abstract class AuditArchiveTests
{
    private readonly IStorageFixture _fixture;

    private protected AuditArchiveTests(IStorageFixture fixture) => _fixture = fixture;

    private IGrainFactory Grains => _fixture.Silo.Grains;

    private AuditArchive Archive => _fixture.Silo.Services.GetRequiredService<AuditArchive>();

    [Fact]
    public async Task GetAuditAsync_MoreLinesThanTheWindow_PagesFromLineOneWithoutGapOrDuplicate()
    {
        var (coalition, coordinator) = await CoalitionAsync();
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
            var page = await coalition.GetAuditAsync(coordinator, after, 100);
            seen.AddRange(page.Entries);
            after = page.NextAfter;
        }
        while (after is not null);

        const int Lines = 1 + 2 * Rounds;
        Assert.Equal(Enumerable.Range(1, Lines).Select(s => (long)s), seen.Select(e => e.Sequence));
        Assert.All(seen, e => Assert.Equal(coordinator.PersonId, e.ActorPersonId));
        var archived = await Archive.ReadAsync($"Coalition/{coalition.GetPrimaryKey()}", 0, long.MaxValue, Lines);
        Assert.Equal(Enumerable.Range(1, Lines - 1_000).Select(s => (long)s), archived.Select(e => e.Sequence));
        Assert.Equal(seen.Take(archived.Count).Select(e => (e.Action, e.SubjectId, e.Detail)), archived.Select(e => (e.Action, e.SubjectId, e.Detail)));

        // Erasure: the coordinator's archived lines name a former member instead.
        var former = Guid.NewGuid();
        Assert.Equal(archived.Count, await Archive.ReplacePersonAsync(coordinator.PersonId!.Value, former));
        var replaced = await coalition.GetAuditAsync(coordinator, null, 100);
        Assert.All(replaced.Entries, e => Assert.Equal(former, e.ActorPersonId));
    }

    private async Task<(ICoalitionGrain Coalition, Caller Coordinator)> CoalitionAsync()
    {
        var id = Guid.CreateVersion7();
        await Grains.GetGrain<IPersonGrain>(id).CreateAsync($"{id:N}@example.org", new PersonProfile("Coordinator", null, "SN", ["fr"]));
        var coordinator = Caller.Person(id);
        var coalition = Grains.GetGrain<ICoalitionGrain>(Guid.CreateVersion7());
        await coalition.CreateAsync(coordinator, new CoalitionProfile("Forum Civil Sahel", "Charter", "SN", "West Africa", ["governance"], Visibility.MembersOnly));
        return (coalition, coordinator);
    }
}

public sealed class SqliteAuditArchiveTests(SqliteStorageFixture fixture)
    : AuditArchiveTests(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlAuditArchiveTests(PostgreSqlStorageFixture fixture)
    : AuditArchiveTests(fixture), IClassFixture<PostgreSqlStorageFixture>;
