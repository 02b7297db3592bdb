using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Spaces;

public sealed class MembershipTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task InvitationLink_PreviewAcceptThenReuse_IsSingleUse()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var invitee = await TestClient.SignedUpAsync(_host);
        using var latecomer = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private, name: "Red privada");
        var invitation = await TestClient.ReadAsync<InvitationCreated>(
            await coordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/invitations", new { role = "observer", expiresInDays = 3 }), HttpStatusCode.Created);

        var preview = await invitee.GetAsync<InvitationPreview>($"/api/v1/invitations/{invitation.Token}");
        var accepted = await invitee.PostAsync($"/api/v1/invitations/{invitation.Token}/accept");
        var reused = await latecomer.PostAsync($"/api/v1/invitations/{invitation.Token}/accept");

        Assert.Equal(("Red privada", SpaceRole.Observer), (preview.SpaceName, preview.Role));
        Assert.Equal(SpaceRole.Observer, (await TestClient.ReadAsync<SpaceAccess>(accepted, HttpStatusCode.OK)).Role);
        await TestClient.ProblemAsync(reused, HttpStatusCode.Conflict, "invitation.used");
        await TestClient.ProblemAsync(await latecomer.GetAsync($"/api/v1/coalitions/{coalition.Id}"), HttpStatusCode.NotFound, "space.not-found");
        var mySpaces = await invitee.GetAsync<List<SpaceSummary>>("/api/v1/me/spaces");
        Assert.Contains(mySpaces, s => s.Space.Id == coalition.Id && s.YourRole == SpaceRole.Observer && s.Name == "Red privada");
    }

    [Fact]
    public async Task Invitation_RevokedOrDeclined_CannotBeAccepted()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var invitee = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync();
        var path = $"/api/v1/coalitions/{coalition.Id}/invitations";
        var revoked = await TestClient.ReadAsync<InvitationCreated>(await coordinator.PostAsync(path, new { role = "member" }), HttpStatusCode.Created);
        var declined = await TestClient.ReadAsync<InvitationCreated>(await coordinator.PostAsync(path, new { role = "member" }), HttpStatusCode.Created);

        await TestClient.Expect(await coordinator.DeleteAsync($"{path}/{revoked.InvitationId}"), HttpStatusCode.NoContent);
        await TestClient.Expect(await invitee.PostAsync($"/api/v1/invitations/{declined.Token}/decline"), HttpStatusCode.NoContent);

        await TestClient.ProblemAsync(await invitee.PostAsync($"/api/v1/invitations/{revoked.Token}/accept"), HttpStatusCode.Conflict, "invitation.used");
        await TestClient.ProblemAsync(await invitee.PostAsync($"/api/v1/invitations/{declined.Token}/accept"), HttpStatusCode.Conflict, "invitation.used");
        await TestClient.ProblemAsync(await invitee.PostAsync("/api/v1/invitations/not-a-token/accept"), HttpStatusCode.NotFound, "invitation.not-found");
        var statuses = await coordinator.GetAsync<List<InvitationSummary>>(path);
        Assert.Equal([InvitationStatus.Revoked, InvitationStatus.Declined], statuses.Select(i => i.Status));
    }

    [Fact]
    public async Task JoinRequest_ApproveRejectLeaveRemove_AreAllAudited()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var approved = await TestClient.SignedUpAsync(_host);
        using var rejected = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.MembersOnly);
        var path = $"/api/v1/coalitions/{coalition.Id}";

        await TestClient.Expect(await approved.PostAsync($"{path}/join-requests", new { message = "Nous travaillons au Sahel" }), HttpStatusCode.Accepted);
        await TestClient.Expect(await rejected.PostAsync($"{path}/join-requests", new { message = (string?)null }), HttpStatusCode.Accepted);
        await TestClient.ProblemAsync(await approved.PostAsync($"{path}/join-requests", new { }), HttpStatusCode.Conflict, "space.join-request-pending");
        await TestClient.Expect(await coordinator.PostAsync($"{path}/join-requests/{approved.PersonId}/approve"), HttpStatusCode.NoContent);
        await TestClient.Expect(await coordinator.PostAsync($"{path}/join-requests/{rejected.PersonId}/reject"), HttpStatusCode.NoContent);
        await TestClient.Expect(await coordinator.PutAsync($"{path}/members/{approved.PersonId}/role", new { role = "coordinator" }), HttpStatusCode.NoContent);
        await TestClient.Expect(await coordinator.PostAsync($"{path}/leave"), HttpStatusCode.NoContent);
        await TestClient.ProblemAsync(await approved.PostAsync($"{path}/leave"), HttpStatusCode.Conflict, "space.last-coordinator");

        var members = await approved.GetAsync<List<SpaceMember>>($"{path}/members");
        var audit = await approved.GetAsync<AuditPage>($"{path}/audit");
        Assert.Equal([approved.PersonId], members.Select(m => m.PersonId));
        Assert.Equal(
            [AuditActions.Created, AuditActions.JoinRequested, AuditActions.JoinRequested, AuditActions.MemberJoined, AuditActions.JoinRejected, AuditActions.RoleChanged, AuditActions.MemberLeft],
            audit.Entries.Select(e => e.Action));
        await TestClient.ProblemAsync(await rejected.GetAsync($"{path}/members"), HttpStatusCode.Forbidden, "space.members-hidden");
    }

    [Fact]
    public async Task Audit_PagesWithAfter()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync();
        var path = $"/api/v1/coalitions/{coalition.Id}";
        for (var i = 0; i < 4; i++)
        {
            await TestClient.Expect(await coordinator.PostAsync($"{path}/invitations", new { role = "member" }), HttpStatusCode.Created);
        }

        var first = await coordinator.GetAsync<AuditPage>($"{path}/audit?limit=3");
        var second = await coordinator.GetAsync<AuditPage>($"{path}/audit?limit=3&after={first.NextAfter}");

        Assert.Equal([1L, 2, 3], first.Entries.Select(e => e.Sequence));
        Assert.Equal([4L, 5], second.Entries.Select(e => e.Sequence));
        Assert.Null(second.NextAfter);
    }

    [Fact]
    public async Task CoalitionOrganisations_InvitedThenAcceptedByTheOrganisationsCoordinator()
    {
        using var coalitionCoordinator = await TestClient.SignedUpAsync(_host);
        using var organisationAdmin = await TestClient.SignedUpAsync(_host);
        using var organisationMember = await TestClient.SignedUpAsync(_host);
        var organisation = await organisationAdmin.CreateOrganisationAsync(name: "Asociación Municipal");
        await organisationAdmin.AddMemberAsync($"/api/v1/organisations/{organisation.Id}", organisationMember, SpaceRole.Member);
        var coalition = await coalitionCoordinator.CreateCoalitionAsync(Visibility.Private);
        var path = $"/api/v1/coalitions/{coalition.Id}/organisations";

        var invitations = $"/api/v1/organisations/{organisation.Id}/coalitions";
        await TestClient.Expect(await coalitionCoordinator.PostAsync(path, new { organisationId = organisation.Id }), HttpStatusCode.NoContent);
        await TestClient.ProblemAsync(await coalitionCoordinator.PostAsync(path, new { organisationId = organisation.Id }), HttpStatusCode.Conflict, "coalition.organisation-already-member");

        // The private coalition's name reaches the invited organisation's people, and nobody else.
        var pending = Assert.Single(await organisationMember.GetAsync<List<OrganisationCoalition>>(invitations));
        Assert.Equal((coalition.Id, coalition.Name, CoalitionOrganisationStatus.Invited), (pending.CoalitionId, pending.Name, pending.Status));
        await TestClient.ProblemAsync(await coalitionCoordinator.GetAsync(invitations), HttpStatusCode.Forbidden, "space.not-member");

        // Only the organisation's coordinators answer; to anyone else the private coalition does not exist.
        await TestClient.ProblemAsync(await organisationMember.PostAsync($"{path}/{organisation.Id}/accept"), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.Expect(await organisationAdmin.PostAsync($"{path}/{organisation.Id}/accept"), HttpStatusCode.NoContent);

        var organisations = (await coalitionCoordinator.GetAsync<CoalitionOrganisationPage>(path)).Items;
        var single = Assert.Single(organisations);
        Assert.Equal((organisation.Id, "Asociación Municipal", CoalitionOrganisationStatus.Active), (single.OrganisationId, single.Name, single.Status));

        Assert.Equal(CoalitionOrganisationStatus.Active, Assert.Single(await organisationAdmin.GetAsync<List<OrganisationCoalition>>(invitations)).Status);

        await TestClient.Expect(await organisationAdmin.DeleteAsync($"{path}/{organisation.Id}"), HttpStatusCode.NoContent);
        Assert.Equal(CoalitionOrganisationStatus.Left, ((await coalitionCoordinator.GetAsync<CoalitionOrganisationPage>(path)).Items).Single().Status);
        Assert.Equal(CoalitionOrganisationStatus.Left, Assert.Single(await organisationAdmin.GetAsync<List<OrganisationCoalition>>(invitations)).Status);
    }

    [Fact]
    public async Task ChildSpaces_ListOnlyWhatTheCallerMaySee()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var member = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Public);
        var path = $"/api/v1/coalitions/{coalition.Id}";
        await coordinator.AddMemberAsync(path, member, SpaceRole.Member);
        var open = await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"{path}/working-groups", new { name = "Open group", visibility = "public" }), HttpStatusCode.Created);
        var closed = await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"{path}/working-groups", new { name = "Closed group", visibility = "private" }), HttpStatusCode.Created);
        await TestClient.Expect(await coordinator.PostAsync($"{path}/forums", new { name = "Foro regional", themes = new[] { "Good governance", "Migration" } }), HttpStatusCode.Created);

        var seenByCoordinator = await coordinator.GetAsync<List<SpaceSummary>>($"{path}/working-groups");
        var seenByMember = await member.GetAsync<List<SpaceSummary>>($"{path}/working-groups");
        var forums = await member.GetAsync<List<SpaceSummary>>($"{path}/forums");

        Assert.Equal(["Open group", "Closed group"], seenByCoordinator.Select(s => s.Name));
        Assert.Equal(["Open group"], seenByMember.Select(s => s.Name));
        Assert.Equal(["Foro regional"], forums.Select(s => s.Name));
        await TestClient.ProblemAsync(await member.GetAsync($"/api/v1/working-groups/{closed.GetProperty("id").GetGuid()}"), HttpStatusCode.NotFound);
        await TestClient.Expect(await member.GetAsync($"/api/v1/working-groups/{open.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiKey_RevokedKey_IsRejected()
    {
        using var admin = await TestClient.SignedUpAsync(_host);
        var organisation = await admin.CreateOrganisationAsync();
        var created = await TestClient.ReadAsync<JsonElement>(
            await admin.PostAsync($"/api/v1/organisations/{organisation.Id}/api-keys", new { name = "reporting", scope = "read" }), HttpStatusCode.Created);
        using var integrator = _host.CreateClient();
        integrator.UseBearer(created.GetProperty("key").GetString()!);

        var before = await integrator.GetAsync($"/api/v1/organisations/{organisation.Id}");
        await TestClient.Expect(await admin.DeleteAsync($"/api/v1/organisations/{organisation.Id}/api-keys/{created.GetProperty("keyId").GetGuid()}"), HttpStatusCode.NoContent);
        var after = await integrator.GetAsync($"/api/v1/organisations/{organisation.Id}");

        await TestClient.Expect(before, HttpStatusCode.OK);
        await TestClient.ProblemAsync(after, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var keys = await admin.GetAsync<JsonElement>($"/api/v1/organisations/{organisation.Id}/api-keys");
        Assert.Equal(JsonValueKind.String, keys[0].GetProperty("revokedAt").ValueKind);
        Assert.False(keys[0].TryGetProperty("key", out _));
    }
}
