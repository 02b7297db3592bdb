using System.Net;
using Microsoft.Data.Sqlite;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Spaces;

/// <summary>
/// A space with more audit lines than its state keeps, over REST on a real SQLite file: the older lines come from
/// the archive table, paging from line 1 finds every line once, and a failed archive insert fails the change with
/// 503 and loses nothing.
/// </summary>
public sealed class AuditArchiveTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ApiHost.StartAsync();

    [Fact]
    public async Task Audit_BeyondTheWindow_PagesFromLineOneWithoutGapOrDuplicate_AndAFailedArchiveLosesNothing()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var organisation = await coordinator.CreateOrganisationAsync();
        var path = $"/api/v1/organisations/{organisation.Id}";

        // Line 1 is the create; invitations and their revocations fill the window to exactly 1,000 lines.
        await InviteAndRevokeAsync(coordinator, path, 499);
        await InviteAsync(coordinator, path);
        Assert.Equal(1_000, await LastSequenceAsync(coordinator, path));

        // The next line would push line 1 out of the window; with the archive unwritable the change must fail whole.
        await RenameArchiveAsync("networkhub_audit", "networkhub_audit_away");
        var refused = await coordinator.PostAsync($"{path}/invitations", new { role = "member" });
        await TestClient.ProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "service.unavailable");
        Assert.True(refused.Headers.RetryAfter is not null, "a 503 carries Retry-After");
        Assert.Equal(1_000, await LastSequenceAsync(coordinator, path));
        Assert.Single(await coordinator.GetAsync<List<InvitationSummary>>($"{path}/invitations"), i => i.Status == InvitationStatus.Open);
        await RenameArchiveAsync("networkhub_audit_away", "networkhub_audit");

        // The same change now succeeds as line 1,001, and line 1 moves to the archive.
        await InviteAsync(coordinator, path);
        await InviteAndRevokeAsync(coordinator, path, 50);
        var lines = new List<AuditEntry>();
        long? after = null;
        do
        {
            var page = await coordinator.GetAsync<AuditPage>($"{path}/audit?limit=100" + (after is { } a ? $"&after={a}" : ""));
            lines.AddRange(page.Entries);
            after = page.NextAfter;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Range(1, 1_101).Select(s => (long)s), lines.Select(l => l.Sequence));
        Assert.Equal(AuditActions.Created, lines[0].Action);
        Assert.All(lines, l => Assert.Equal(coordinator.PersonId, l.ActorPersonId));
        Assert.Equal(101, await CountArchivedAsync());
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static async Task InviteAndRevokeAsync(TestClient coordinator, string path, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            var invitation = await InviteAsync(coordinator, path);
            await TestClient.Expect(await coordinator.DeleteAsync($"{path}/invitations/{invitation.InvitationId}"), HttpStatusCode.NoContent);
        }
    }

    private static async Task<InvitationCreated> InviteAsync(TestClient coordinator, string path) =>
        await TestClient.ReadAsync<InvitationCreated>(await coordinator.PostAsync($"{path}/invitations", new { role = "member" }), HttpStatusCode.Created);

    private static async Task<long> LastSequenceAsync(TestClient coordinator, string path)
    {
        var page = await coordinator.GetAsync<AuditPage>($"{path}/audit?limit=100&after=950");
        Assert.Null(page.NextAfter);
        return page.Entries[^1].Sequence;
    }

    private async Task RenameArchiveAsync(string from, string to)
    {
        await using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long> CountArchivedAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM networkhub_audit";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
