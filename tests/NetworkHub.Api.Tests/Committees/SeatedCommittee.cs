using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>
/// A private coalition's committee built through its own routes: the coalition's coordinator chairs it and keeps its
/// record, and each seat is held by an organisation whose coordinator accepted it and represents it.
/// </summary>
public sealed record SeatedCommittee(TestClient Secretary, Guid Id, IReadOnlyList<(Guid SeatId, TestClient Representative)> Seats)
{
    /// <summary>The organisation holding each seat, in the order of <see cref="Seats"/>.</summary>
    public IReadOnlyList<Guid> Organisations { get; init; } = [];

    public static async Task<SeatedCommittee> CreateAsync(ApiHost host, int partners, int invited = 0, string? code = null)
    {
        var secretary = await TestClient.SignedUpAsync(host, "Secretary");
        var coalition = await secretary.CreateCoalitionAsync(Visibility.Private);
        var committee = (await TestClient.ReadAsync<JsonElement>(await secretary.PostAsync($"/api/v1/coalitions/{coalition.Id}/committees",
            new { name = "Steering Committee", visibility = "private", code }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var seats = new List<(Guid, TestClient)>();
        var organisations = new List<Guid>();
        for (var i = 0; i < partners + invited; i++)
        {
            var representative = await TestClient.SignedUpAsync(host, $"Representative {i}");
            var organisation = await representative.CreateOrganisationAsync(name: $"Partner {i}");
            var seat = (await TestClient.ReadAsync<JsonElement>(await secretary.PostAsync($"/api/v1/committees/{committee}/seats",
                new { organisationId = organisation.Id, kind = i < partners ? "founding-partner" : "invited" }), HttpStatusCode.Created)).GetProperty("seatId").GetGuid();
            await TestClient.Expect(await representative.PostAsync($"/api/v1/committees/{committee}/seats/{seat}/accept", new { representative = representative.PersonId }), HttpStatusCode.OK);
            seats.Add((seat, representative));
            organisations.Add(organisation.Id);
        }

        await TestClient.Expect(await secretary.PutAsync($"/api/v1/committees/{committee}/offices", new { chair = secretary.PersonId, secretary = secretary.PersonId }), HttpStatusCode.OK);
        return new SeatedCommittee(secretary, committee, seats) { Organisations = organisations };
    }

    /// <summary>Schedules a sitting with one agenda item, starts it and records every seat present; its path and the item's id.</summary>
    public async Task<(string Path, Guid Item)> SittingAsync()
    {
        var meeting = await TestClient.ReadAsync<JsonElement>(await Secretary.PostAsync($"/api/v1/committees/{Id}/meetings",
            new { title = "Sitting", type = "regular", startsAt = "2026-03-02T09:00:00Z", timeZone = "UTC", agenda = new[] { new { title = "Item" } } }), HttpStatusCode.Created);
        var path = $"/api/v1/meetings/{meeting.GetProperty("meetingId")}";
        await TestClient.Expect(await Secretary.PostAsync($"{path}/start"), HttpStatusCode.OK);
        foreach (var (seat, _) in Seats)
        {
            await TestClient.Expect(await Secretary.PutAsync($"{path}/attendance/{seat}", new { status = "present" }), HttpStatusCode.OK);
        }

        return (path, meeting.GetProperty("agenda")[0].GetProperty("id").GetGuid());
    }

    /// <summary>Moves a motion (first seat moves, second seconds) and opens its vote; the vote's id.</summary>
    public async Task<(Guid Motion, Guid Vote)> OpenVoteAsync(string path, Guid item, string ballot, string text, string method = "simple-majority")
    {
        var motion = await TestClient.ReadAsync<JsonElement>(await Secretary.PostAsync($"{path}/motions",
            new { title = text, text, moverSeatId = Seats[0].SeatId, seconderSeatId = Seats[1].SeatId, agendaItemId = item }), HttpStatusCode.OK);
        var vote = await TestClient.ReadAsync<JsonElement>(await Secretary.PostAsync($"{path}/votes",
            new { motionId = motion.GetProperty("motionId"), ballot, method }), HttpStatusCode.OK);
        return (motion.GetProperty("motionId").GetGuid(), vote.GetProperty("voteId").GetGuid());
    }

    public async Task CastAsync(string path, Guid vote, int seat, string choice, string? reason = null) =>
        await TestClient.Expect(await Seats[seat].Representative.PostAsync($"{path}/votes/{vote}/ballots",
            new { seatId = Seats[seat].SeatId, choice, reason }), HttpStatusCode.OK);
}
