using System.Net;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;

namespace NetworkHub.Api.Tests.Spaces;

/// <summary>The space-level leaks of the hostile review: a space must never show more than its parent or its roster allows.</summary>
public sealed class SpaceLeakTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task WorkingGroupInPrivateCoalition_MemberUpdatesToPublic_IsRefusedAndStaysHidden()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var member = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private);
        await coordinator.AddMemberAsync($"/api/v1/coalitions/{coalition.Id}", member, SpaceRole.Member);
        var group = await TestClient.ReadAsync<WorkingGroupDetails>(
            await member.PostAsync($"/api/v1/coalitions/{coalition.Id}/working-groups", new { name = "Protección", visibility = "private" }), HttpStatusCode.Created);

        var widened = await member.PutAsync($"/api/v1/working-groups/{group.Id}", new { name = "Protección", visibility = "public" });

        await TestClient.ProblemAsync(widened, HttpStatusCode.UnprocessableEntity, "space.visibility-wider-than-parent");
        await TestClient.ProblemAsync(await anonymous.GetAsync($"/api/v1/working-groups/{group.Id}/members"), HttpStatusCode.NotFound, "space.not-found");
        Assert.Equal(Visibility.Private, (await member.GetAsync<WorkingGroupDetails>($"/api/v1/working-groups/{group.Id}")).Visibility);
    }

    [Fact]
    public async Task ForumInPrivateCoalition_CoordinatorUpdatesToPublic_IsRefusedAndSessionsStayHidden()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private);
        var forum = await TestClient.ReadAsync<ForumDetails>(
            await coordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/forums", new { name = "Foro", visibility = "private" }), HttpStatusCode.Created);

        var widened = await coordinator.PutAsync($"/api/v1/forums/{forum.Id}", new { name = "Foro", visibility = "members-only" });

        await TestClient.ProblemAsync(widened, HttpStatusCode.UnprocessableEntity, "space.visibility-wider-than-parent");
        await TestClient.ProblemAsync(await anonymous.GetAsync($"/api/v1/forums/{forum.Id}/sessions"), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await anonymous.GetAsync($"/api/v1/forums/{forum.Id}/members"), HttpStatusCode.NotFound, "space.not-found");
    }

    [Fact]
    public async Task ParentMadeNarrower_ChildFollowsAtOnce_AndWidensAgainOnlyWithIt()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var outsider = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Public, name: "Red abierta");
        var forum = await TestClient.ReadAsync<ForumDetails>(
            await coordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/forums", new { name = "Foro abierto", visibility = "public" }), HttpStatusCode.Created);
        var forumPath = $"/api/v1/forums/{forum.Id}";
        await anonymous.GetAsync<ForumDetails>(forumPath);

        await TestClient.Expect(await coordinator.PutAsync($"/api/v1/coalitions/{coalition.Id}",
            new { name = "Red abierta", country = "CO", visibility = "private" }), HttpStatusCode.OK);

        // The forum's own setting is still public, but it now shows no more than its coalition.
        await TestClient.ProblemAsync(await anonymous.GetAsync(forumPath), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await outsider.GetAsync($"{forumPath}/sessions"), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await outsider.GetAsync($"{forumPath}/members"), HttpStatusCode.NotFound, "space.not-found");
        Assert.Equal(Visibility.Private, (await coordinator.GetAsync<ForumDetails>(forumPath)).Visibility);

        await TestClient.Expect(await coordinator.PutAsync($"/api/v1/coalitions/{coalition.Id}",
            new { name = "Red abierta", country = "CO", visibility = "public" }), HttpStatusCode.OK);
        Assert.Equal(Visibility.Public, (await anonymous.GetAsync<ForumDetails>(forumPath)).Visibility);
    }

    [Fact]
    public async Task RemovedCreator_RepeatsCreateWithSameKey_GetsNotFound()
    {
        using var creator = await TestClient.SignedUpAsync(_host);
        using var successor = await TestClient.SignedUpAsync(_host);
        var body = new { name = "Red privada", country = "CO", visibility = "private" };
        var created = await TestClient.ReadAsync<CoalitionDetails>(await creator.PostWithKeyAsync("/api/v1/coalitions", body, "red-privada"), HttpStatusCode.Created);
        var retried = await TestClient.ReadAsync<CoalitionDetails>(await creator.PostWithKeyAsync("/api/v1/coalitions", body, "red-privada"), HttpStatusCode.Created);
        Assert.Equal(created.Id, retried.Id);
        await creator.AddMemberAsync($"/api/v1/coalitions/{created.Id}", successor, SpaceRole.Coordinator);
        await TestClient.Expect(await successor.DeleteAsync($"/api/v1/coalitions/{created.Id}/members/{creator.PersonId}"), HttpStatusCode.NoContent);

        var repeated = await creator.PostWithKeyAsync("/api/v1/coalitions", body, "red-privada");

        await TestClient.ProblemAsync(repeated, HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await creator.GetAsync($"/api/v1/coalitions/{created.Id}"), HttpStatusCode.NotFound, "space.not-found");
    }

    [Theory]
    [InlineData("POST", "accept")]
    [InlineData("POST", "decline")]
    [InlineData("DELETE", "")]
    public async Task CoalitionOrganisationRoutes_OfPrivateCoalition_AnswerLikeARandomId(string method, string action)
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var outsider = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();
        var organisation = await coordinator.CreateOrganisationAsync();
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private);
        await TestClient.Expect(await coordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/organisations",
            new { organisationId = organisation.Id }), HttpStatusCode.NoContent);

        foreach (var caller in new[] { anonymous, outsider })
        {
            foreach (var coalitionId in new[] { coalition.Id, Guid.NewGuid() })
            {
                var path = $"/api/v1/coalitions/{coalitionId}/organisations/{organisation.Id}" + (action.Length > 0 ? $"/{action}" : "");
                var response = method == "POST" ? await caller.PostAsync(path) : await caller.DeleteAsync(path);
                await TestClient.ProblemAsync(response, HttpStatusCode.NotFound, "space.not-found");
            }

            await TestClient.ProblemAsync(await caller.GetAsync($"/api/v1/coalitions/{coalition.Id}/organisations"), HttpStatusCode.NotFound, "space.not-found");
        }

        var organisations = (await coordinator.GetAsync<CoalitionOrganisationPage>($"/api/v1/coalitions/{coalition.Id}/organisations")).Items;
        Assert.Equal([CoalitionOrganisationStatus.Invited], organisations.Select(o => o.Status));
    }

    [Fact]
    public async Task OrganisationCoordinatorOfInvitedOrganisation_AnswersInvitationOfPrivateCoalition()
    {
        using var coalitionCoordinator = await TestClient.SignedUpAsync(_host);
        using var organisationCoordinator = await TestClient.SignedUpAsync(_host);
        var organisation = await organisationCoordinator.CreateOrganisationAsync();
        var coalition = await coalitionCoordinator.CreateCoalitionAsync(Visibility.Private);
        await TestClient.Expect(await coalitionCoordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/organisations",
            new { organisationId = organisation.Id }), HttpStatusCode.NoContent);

        await TestClient.Expect(await organisationCoordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/organisations/{organisation.Id}/accept"), HttpStatusCode.NoContent);
        await TestClient.Expect(await organisationCoordinator.DeleteAsync($"/api/v1/coalitions/{coalition.Id}/organisations/{organisation.Id}"), HttpStatusCode.NoContent);
        await TestClient.ProblemAsync(await organisationCoordinator.DeleteAsync($"/api/v1/coalitions/{coalition.Id}/organisations/{organisation.Id}"),
            HttpStatusCode.NotFound, "space.not-found");
    }

    [Theory]
    [InlineData("leave")]
    [InlineData("join-requests")]
    public async Task MembershipRoutes_OfPrivateCoalition_AnswerLikeARandomId(string action)
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var outsider = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private);

        foreach (var caller in new[] { anonymous, outsider })
        {
            foreach (var coalitionId in new[] { coalition.Id, Guid.NewGuid() })
            {
                await TestClient.ProblemAsync(await caller.PostAsync($"/api/v1/coalitions/{coalitionId}/{action}"), HttpStatusCode.NotFound, "space.not-found");
            }
        }
    }
}
