using System.Net;
using System.Text.Json;
using NetworkHub.Api.People;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.People;

/// <summary>A member's export and erasure, against the real app on a real SQLite file, with a real SignalR client in a session.</summary>
public sealed class PersonalDataTests(SharedHost shared)
{
    [Fact]
    public async Task Erase_OnSqlite_LeavesNoMarkerInTheDatabaseFiles_AndKeepsWhatOthersNeedUnderFormerMember()
    {
        await using var host = await ApiHost.StartAsync();
        await using var world = await MarkedPerson.CreateAsync(host);
        var personId = world.Person.PersonId;
        var before = MarkedPerson.ScanDatabase(host.DatabasePath, world.PersonalMarkers);

        var erased = await world.Person.DeleteAsync("/api/v1/me");

        await TestClient.Expect(erased, HttpStatusCode.NoContent);
        var after = MarkedPerson.ScanDatabase(host.DatabasePath, world.PersonalMarkers);
        TestContext.Current.TestOutputHelper?.WriteLine($"marker hits before erasure: {Format(before)}; after: {Format(after)}");
        Assert.True(before.Values.Sum() > 0, "the scan finds the markers before the erasure");
        Assert.All(after, hit => Assert.True(hit.Value == 0, $"{hit.Key} still in the database files {hit.Value} times"));

        var record = await world.Coordinator.GetAsync<LiveSessionRecord>($"/api/v1/live-sessions/{world.Session.Id}/record");
        var contributions = record.Items.SelectMany(i => i.Contributions).ToList();
        var kept = Assert.Single(contributions, c => c.Text == world.ContributionText);
        Assert.Equal(FormerMember.Name, kept.AuthorName);
        Assert.NotEqual(personId, kept.AuthorId);
        Assert.Equal([new ReactionCount("applause", 1)], kept.Reactions);
        Assert.Equal(1, record.Items.Single(i => i.Poll is not null).Poll!.Voters);
        Assert.Contains(record.Items.SelectMany(i => i.Statements), s => s.Text == world.StatementText);
        Assert.DoesNotContain(record.Attendance, a => a.PersonId == personId);
        Assert.Contains(record.Attendance, a => a.Name == FormerMember.Name && a.PersonId == kept.AuthorId);

        await AssertGoneAsync(world, personId);
    }

    [Fact]
    public async Task Erase_AsTheOnlyCoordinatorOfSpaces_Is409WithThem_AndErasesNothing()
    {
        using var person = await TestClient.SignedUpAsync(shared.Host, "Sola");
        var organisation = await person.CreateOrganisationAsync(Visibility.Private);
        var coalition = await person.CreateCoalitionAsync(Visibility.Public);

        var refused = await person.DeleteAsync("/api/v1/me");

        var problem = await TestClient.ProblemAsync(refused, HttpStatusCode.Conflict, PersonalDataEndpoints.HandOverFirst);
        var spaces = problem.GetProperty("spaces").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal([organisation.Id, coalition.Id], spaces);
        await person.GetAsync<JsonElement>("/api/v1/me");
    }

    [Fact]
    public async Task Export_AfterAFreshSignIn_HoldsThePersonsDataAndNothingOfAnyoneElse()
    {
        await using var world = await MarkedPerson.CreateAsync(shared.Host);

        var response = await world.Person.GetAsync("/api/v1/me/export");

        await TestClient.Expect(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var export = JsonDocument.Parse(text).RootElement;
        Assert.Equal(world.Email, export.GetProperty("account").GetProperty("email").GetString());
        Assert.False(export.GetProperty("account").GetProperty("twoFactorEnabled").GetBoolean());
        var person = export.GetProperty("person");
        Assert.Equal(world.NewDisplayName, person.GetProperty("displayName").GetString());
        Assert.Equal(world.Pseudonym, person.GetProperty("pseudonym").GetString());
        Assert.Equal(world.Person.PersonId, person.GetProperty("id").GetGuid());

        var spaces = export.GetProperty("spaces").EnumerateArray().ToDictionary(s => s.GetProperty("space").GetProperty("id").GetGuid());
        Assert.Equal("coordinator", spaces[world.Coalition.Id].GetProperty("role").GetString());
        Assert.Single(spaces[world.Coalition.Id].GetProperty("invitationsCreated").EnumerateArray());
        Assert.Single(spaces[world.Coalition.Id].GetProperty("invitationsUsed").EnumerateArray());
        Assert.Equal(world.JoinMessage, spaces[world.Organisation.Id].GetProperty("joinRequest").GetProperty("message").GetString());
        Assert.Equal("member", spaces[world.Forum.Id].GetProperty("role").GetString());
        Assert.NotEmpty(spaces[world.Forum.Id].GetProperty("auditLines").EnumerateArray());

        var session = Assert.Single(export.GetProperty("liveSessions").EnumerateArray());
        Assert.Equal(world.ContributionText, Assert.Single(session.GetProperty("contributions").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(world.StatementText, Assert.Single(session.GetProperty("statements").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal([1], Assert.Single(session.GetProperty("ballots").EnumerateArray()).GetProperty("choices").EnumerateArray().Select(c => c.GetInt32()));

        Assert.DoesNotContain(world.Coordinator.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Coordinadora", text, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Person.Token!, text, StringComparison.Ordinal);
        foreach (var secretish in new[] { "hash", "secret", "AQAAAA", "recoveryCodeHashes", "challenge" })
        {
            Assert.DoesNotContain(secretish, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ExportAndErase_WithoutARecentSignIn_Are401FreshSignInRequired_AndEraseNothing()
    {
        await using var host = await ApiHost.StartAsync(null, "--Accounts:FreshSignInWithin", "00:00:00");
        using var person = await TestClient.SignedUpAsync(host, "Antigua");
        using var anonymous = host.CreateClient();

        await TestClient.ProblemAsync(await person.GetAsync("/api/v1/me/export"), HttpStatusCode.Unauthorized, ErrorCodes.SignInTooOld);
        await TestClient.ProblemAsync(await person.DeleteAsync("/api/v1/me"), HttpStatusCode.Unauthorized, ErrorCodes.SignInTooOld);
        await TestClient.ProblemAsync(await anonymous.GetAsync("/api/v1/me/export"), HttpStatusCode.Unauthorized);
        await TestClient.ProblemAsync(await anonymous.DeleteAsync("/api/v1/me"), HttpStatusCode.Unauthorized);

        await person.GetAsync<JsonElement>("/api/v1/me");
        await person.SignInAsync();
    }

    /// <summary>After erasure: sign-in fails exactly as for an address that never had an account, old tokens are dead, the id is unknown.</summary>
    private static async Task AssertGoneAsync(MarkedPerson world, Guid personId)
    {
        using var stranger = world.Host.CreateClient();
        var unknown = await stranger.PostAsync("/api/v1/auth/token", new { email = $"never-{Guid.NewGuid():N}@example.org", password = TestClient.Password });
        var erased = await stranger.PostAsync("/api/v1/auth/token", new { email = world.Email, password = TestClient.Password });
        var unknownProblem = await TestClient.ProblemAsync(unknown, HttpStatusCode.Unauthorized, ErrorCodes.InvalidCredentials);
        var erasedProblem = await TestClient.ProblemAsync(erased, HttpStatusCode.Unauthorized, ErrorCodes.InvalidCredentials);
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), erasedProblem.GetProperty("detail").GetString());

        await TestClient.ProblemAsync(await world.Person.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await TestClient.ProblemAsync(await world.Coordinator.GetAsync($"/api/v1/people/{personId}"), HttpStatusCode.NotFound, ErrorCodes.PersonNotFound);

        var members = await world.Coordinator.GetAsync<List<SpaceMember>>($"/api/v1/forums/{world.Forum.Id}/members");
        Assert.DoesNotContain(members, m => m.PersonId == personId);
        var requests = await world.Coordinator.GetAsync<List<JoinRequestSummary>>($"/api/v1/organisations/{world.Organisation.Id}/join-requests");
        Assert.Empty(requests);
        var invitations = await world.Coordinator.GetAsync<List<InvitationSummary>>($"/api/v1/coalitions/{world.Coalition.Id}/invitations");
        Assert.DoesNotContain(invitations, i => i.CreatedBy == personId || i.UsedBy == personId);
        var audit = await world.Coordinator.GetAsync<AuditPage>($"/api/v1/coalitions/{world.Coalition.Id}/audit");
        Assert.DoesNotContain(audit.Entries, e => e.ActorPersonId == personId || e.SubjectId == personId);
    }

    private static string Format(Dictionary<string, int> hits) => string.Join(", ", hits.Select(h => $"{h.Value}"));
}
