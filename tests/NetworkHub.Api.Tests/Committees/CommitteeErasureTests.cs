using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>An erased person in a committee's records: what others rely on stays, naming the former member instead.</summary>
public sealed class CommitteeErasureTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task ErasedAlternate_IsTheFormerMember_InTheMeetingItsMinutesAndTheActionItems()
    {
        var committee = await SeatedCommittee.CreateAsync(_host, partners: 2);
        var secretary = committee.Secretary;
        var (seat, coordinator) = committee.Seats[0];
        using var alternate = await TestClient.SignedUpAsync(_host, "Alternate");
        await coordinator.AddMemberAsync($"/api/v1/organisations/{committee.Organisations[0]}", alternate, SpaceRole.Member);
        await TestClient.Expect(await coordinator.PutAsync($"/api/v1/committees/{committee.Id}/seats/{seat}/representatives",
            new { representative = coordinator.PersonId, alternate = alternate.PersonId }), HttpStatusCode.OK);
        var meeting = await TestClient.ReadAsync<JsonElement>(await secretary.PostAsync($"/api/v1/committees/{committee.Id}/meetings",
            new { title = "Sitting", type = "regular", startsAt = "2026-03-02T09:00:00Z", timeZone = "UTC", agenda = new[] { new { title = "Report", presenter = alternate.PersonId } } }), HttpStatusCode.Created);
        var path = $"/api/v1/meetings/{meeting.GetProperty("meetingId")}";
        await TestClient.Expect(await secretary.PostAsync($"{path}/start"), HttpStatusCode.OK);
        await TestClient.Expect(await secretary.PostAsync($"{path}/close"), HttpStatusCode.OK);
        await TestClient.Expect(await secretary.PostAsync($"{path}/minutes"), HttpStatusCode.OK);
        await TestClient.Expect(await secretary.PostAsync($"{path}/minutes/circulate"), HttpStatusCode.OK);
        await TestClient.Expect(await alternate.PostAsync($"{path}/minutes/comments", new { text = "The report is mine." }), HttpStatusCode.OK);
        await TestClient.Expect(await secretary.PostAsync($"/api/v1/committees/{committee.Id}/action-items",
            new { title = "Send the report", assigneePersonId = alternate.PersonId }), HttpStatusCode.Created);

        await TestClient.Expect(await alternate.DeleteAsync("/api/v1/me"), HttpStatusCode.NoContent);
        var presenter = await TestClient.EventuallyAsync(async () => (await secretary.GetAsync<JsonElement>(path)).GetProperty("agenda")[0].GetProperty("presenter").GetGuid(),
            p => p != alternate.PersonId);
        var author = (await secretary.GetAsync<JsonElement>($"{path}/minutes")).GetProperty("comments")[0].GetProperty("authorPersonId").GetGuid();
        var assignee = (await secretary.GetAsync<JsonElement>($"/api/v1/committees/{committee.Id}/action-items")).EnumerateArray().Single()
            .GetProperty("assignee").GetProperty("personId").GetGuid();
        var audit = await secretary.GetAsync<JsonElement>($"{path}/audit?limit=200");

        Assert.NotEqual(alternate.PersonId, presenter);
        Assert.Equal(presenter, author);
        Assert.Equal(presenter, assignee);
        Assert.DoesNotContain(alternate.PersonId.ToString(), audit.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("The report is mine.", (await secretary.GetAsync<JsonElement>($"{path}/minutes")).GetProperty("comments")[0].GetProperty("text").GetString());
    }
}
