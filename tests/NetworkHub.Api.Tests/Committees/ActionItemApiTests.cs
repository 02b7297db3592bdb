using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>Action items over REST: assigned to a seat, they follow whoever represents it.</summary>
public sealed class ActionItemApiTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task AnItemForASeat_IsTheRepresentativesOwn_UntilTheyLeaveTheOrganisation()
    {
        var world = await WorldAsync(Visibility.Private);
        var items = $"/api/v1/committees/{world.Committee}/action-items";

        var added = await TestClient.ReadAsync<JsonElement>(await world.Coordinator.PostAsync(items,
            new { title = "Send the budget to the partners", assigneeSeatId = world.Seat, dueAt = DateTimeOffset.UtcNow.AddDays(-1) }), HttpStatusCode.Created);
        var overdue = await world.Representative.GetAsync<JsonElement>($"{items}?overdue=true");
        var mine = await world.Representative.GetAsync<JsonElement>("/api/v1/me/action-items");
        var started = await world.Representative.PutAsync($"{items}/{added.GetProperty("itemId")}/status", new { status = "in-progress" });
        await Expect(await world.OrganisationCoordinator.DeleteAsync($"/api/v1/organisations/{world.Organisation}/members/{world.Representative.PersonId}"), HttpStatusCode.NoContent);
        var afterLeaving = await world.Representative.GetAsync<JsonElement>("/api/v1/me/action-items");
        var statusAfterLeaving = await world.Representative.PutAsync($"{items}/{added.GetProperty("itemId")}/status", new { status = "done" });

        Assert.True(added.GetProperty("overdue").GetBoolean());
        Assert.Equal(added.GetProperty("itemId").GetGuid(), Assert.Single(overdue.EnumerateArray()).GetProperty("itemId").GetGuid());
        Assert.Equal(added.GetProperty("itemId").GetGuid(), Assert.Single(mine.EnumerateArray()).GetProperty("itemId").GetGuid());
        Assert.Equal("in-progress", (await TestClient.ReadAsync<JsonElement>(started, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Empty(afterLeaving.EnumerateArray());
        await TestClient.ProblemAsync(statusAfterLeaving, HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
    }

    [Fact]
    public async Task APrivateCommitteesItems_AreNotFoundToOutsiders_AndBadInputIsA400()
    {
        var world = await WorldAsync(Visibility.Private);
        var items = $"/api/v1/committees/{world.Committee}/action-items";
        var added = await TestClient.ReadAsync<JsonElement>(await world.Coordinator.PostAsync(items,
            new { title = "Book the venue", assigneePersonId = world.Coordinator.PersonId }), HttpStatusCode.Created);
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");

        foreach (var response in new[]
        {
            await outsider.GetAsync(items),
            await outsider.PostAsync(items, new { title = "Mine now", assigneePersonId = outsider.PersonId }),
            await outsider.PutAsync($"{items}/{added.GetProperty("itemId")}", new { title = "Mine now", assigneePersonId = outsider.PersonId }),
            await outsider.PutAsync($"{items}/{added.GetProperty("itemId")}/status", new { status = "dropped" }),
        })
        {
            await TestClient.ProblemAsync(response, HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
        }

        Assert.Empty((await outsider.GetAsync<JsonElement>("/api/v1/me/action-items")).EnumerateArray());
        await TestClient.ProblemAsync(await world.Coordinator.PostAsync(items,
            new { title = "Both", assigneePersonId = world.Coordinator.PersonId, assigneeSeatId = world.Seat }), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await world.Coordinator.PostAsync(items, new { title = "", assigneeSeatId = world.Seat }), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await world.Coordinator.PostAsync(items, new { title = "Nobody's", assigneeSeatId = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity, CommitteeErrors.AssigneeInvalid);
        await TestClient.ProblemAsync(await world.Representative.PostAsync(items, new { title = "Self-assigned", assigneeSeatId = world.Seat }),
            HttpStatusCode.Forbidden, CommitteeErrors.NotRunningMeetings);
        await TestClient.ProblemAsync(await world.Coordinator.PutAsync($"{items}/{added.GetProperty("itemId")}/status", new { status = "finished" }), HttpStatusCode.BadRequest);
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status) => await TestClient.Expect(response, status);

    private sealed record World(Guid Committee, Guid Organisation, Guid Seat, TestClient Coordinator, TestClient OrganisationCoordinator, TestClient Representative);

    private async Task<World> WorldAsync(Visibility visibility)
    {
        var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        var organisationCoordinator = await TestClient.SignedUpAsync(_host, "Organisation coordinator");
        var representative = await TestClient.SignedUpAsync(_host, "Representative");
        var coalition = await coordinator.CreateCoalitionAsync(visibility);
        var committee = (await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"/api/v1/coalitions/{coalition.Id}/committees",
            new { name = "Comité", visibility }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var organisation = await organisationCoordinator.CreateOrganisationAsync(name: "Red Sahel");
        await organisationCoordinator.AddMemberAsync($"/api/v1/organisations/{organisation.Id}", representative, SpaceRole.Member);
        var seat = (await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"/api/v1/committees/{committee}/seats",
            new { organisationId = organisation.Id, kind = "founding-partner" }), HttpStatusCode.Created)).GetProperty("seatId").GetGuid();
        await Expect(await organisationCoordinator.PostAsync($"/api/v1/committees/{committee}/seats/{seat}/accept",
            new { representative = representative.PersonId }), HttpStatusCode.OK);
        return new World(committee, organisation.Id, seat, coordinator, organisationCoordinator, representative);
    }
}
