using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>Meetings, motions and votes over REST on the real app, with the committee built through its own routes.</summary>
public sealed class MeetingApiTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    /// <summary>
    /// The forum's steering committee from the issue: 6 founding partners and 6 invited organisations, a sitting with
    /// quorum, one motion on the forum's agenda adopted by open ballot and one by secret ballot, both in the register.
    /// </summary>
    [Fact]
    public async Task SteeringCommittee_AdoptsOneMotionByOpenAndOneBySecretBallot_BothNumberedInTheRegister()
    {
        var (coordinator, committee, seats) = await SeatedCommittee.CreateAsync(_host, partners: 6, invited: 6, code: "SC");
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var plan = new
        {
            title = "Steering committee, first quarter",
            type = "regular",
            startsAt = "2026-03-02T09:00:00Z",
            timeZone = "Africa/Dakar",
            onlineLink = "https://meet.example.org/sc",
            agenda = new[] { new { title = "Forum agenda", papers = new[] { new { title = "Draft agenda", url = "https://docs.example.org/agenda" } } } },
        };

        var scheduled = await coordinator.PostWithKeyAsync($"/api/v1/committees/{committee}/meetings", plan, "q1-meeting");
        var meeting = (await TestClient.ReadAsync<JsonElement>(scheduled, HttpStatusCode.Created)).GetProperty("meetingId").GetGuid();
        var repeated = await TestClient.ReadAsync<JsonElement>(await coordinator.PostWithKeyAsync($"/api/v1/committees/{committee}/meetings", plan, "q1-meeting"), HttpStatusCode.Created);
        var path = $"/api/v1/meetings/{meeting}";
        await TestClient.Expect(await coordinator.PostAsync($"{path}/start"), HttpStatusCode.OK);
        foreach (var (seat, _) in seats.Take(10))
        {
            await TestClient.Expect(await coordinator.PutAsync($"{path}/attendance/{seat}", new { status = "present" }), HttpStatusCode.OK);
        }

        var sitting = await coordinator.GetAsync<JsonElement>(path);
        var item = sitting.GetProperty("agenda")[0].GetProperty("id").GetGuid();

        var open = await AdoptAsync(coordinator, path, item, seats, "open", "The forum meets in Dakar.");
        var secret = await AdoptAsync(coordinator, path, item, seats, "secret", "The forum's statement is published.");
        var secretChange = await seats[0].Representative.PostAsync($"{path}/votes/{secret.GetProperty("voteId")}/ballots", new { seatId = seats[0].SeatId, choice = "no" });
        var view = await coordinator.GetAsync<JsonElement>(path);
        var seenByOutsider = await outsider.GetAsync(path);
        var listed = await coordinator.GetAsync<JsonElement>($"/api/v1/committees/{committee}/meetings");

        Assert.Equal(meeting, repeated.GetProperty("meetingId").GetGuid());
        var quorum = sitting.GetProperty("quorum");
        Assert.Equal((10, 12, 7, true), (quorum.GetProperty("presentAllotments").GetInt32(), quorum.GetProperty("votingAllotments").GetInt32(),
            quorum.GetProperty("required").GetInt32(), quorum.GetProperty("met").GetBoolean()));
        Assert.Equal(("adopted", 10), (open.GetProperty("result").GetProperty("outcome").GetString(), open.GetProperty("tally").GetProperty("choices").GetArrayLength()));
        Assert.Equal(("adopted", 0), (secret.GetProperty("result").GetProperty("outcome").GetString(), secret.GetProperty("tally").GetProperty("choices").GetArrayLength()));
        Assert.Equal((8, 2, 0), Totals(secret.GetProperty("tally").GetProperty("totals")));
        await TestClient.ProblemAsync(secretChange, HttpStatusCode.Conflict, CommitteeErrors.VoteClosed);
        await TestClient.ProblemAsync(seenByOutsider, HttpStatusCode.NotFound, CommitteeErrors.MeetingNotFound);
        var entry = Assert.Single(listed.EnumerateArray());
        Assert.Equal((meeting, "Africa/Dakar"), (entry.GetProperty("meetingId").GetGuid(), entry.GetProperty("timeZone").GetString()));
        var numbers = await TestClient.EventuallyAsync(async () => (await coordinator.GetAsync<JsonElement>(path)).GetProperty("motions").EnumerateArray()
            .Select(m => m.GetProperty("decisionNumber")).Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!).ToList(), n => n.Count == 2);
        Assert.Equal(2, view.GetProperty("motions").GetArrayLength());
        Assert.Equal([$"SC-{DateTimeOffset.UtcNow.Year}-001", $"SC-{DateTimeOffset.UtcNow.Year}-002"], numbers.Order());
    }

    [Fact]
    public async Task Votes_RefuseTheWrongPeopleAndBadInput_WithTheirCodes()
    {
        var (coordinator, committee, seats) = await SeatedCommittee.CreateAsync(_host, partners: 2, invited: 1, code: "SC");
        var badLink = await coordinator.PostAsync($"/api/v1/committees/{committee}/meetings",
            new { title = "Meeting", type = "regular", startsAt = "2026-03-02T09:00:00Z", timeZone = "Africa/Dakar", onlineLink = "ftp://meet.example.org" });
        var badZone = await coordinator.PostAsync($"/api/v1/committees/{committee}/meetings",
            new { title = "Meeting", type = "regular", startsAt = "2026-03-02T09:00:00Z", timeZone = "Mars/Olympus" });
        var writtenWithoutDeadline = await coordinator.PostAsync($"/api/v1/committees/{committee}/meetings",
            new { title = "Procedure", type = "written-procedure", startsAt = "2026-03-02T09:00:00Z", timeZone = "UTC" });
        var byRepresentative = await seats[0].Representative.PostAsync($"/api/v1/committees/{committee}/meetings",
            new { title = "Meeting", type = "regular", startsAt = "2026-03-02T09:00:00Z", timeZone = "UTC" });
        var meeting = (await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"/api/v1/committees/{committee}/meetings",
            new { title = "Meeting", type = "regular", startsAt = "2026-03-02T09:00:00Z", timeZone = "UTC", agenda = new[] { new { title = "Item" } } }), HttpStatusCode.Created));
        var path = $"/api/v1/meetings/{meeting.GetProperty("meetingId")}";
        var item = meeting.GetProperty("agenda")[0].GetProperty("id").GetGuid();
        await TestClient.Expect(await coordinator.PostAsync($"{path}/start"), HttpStatusCode.OK);
        var attendanceByRepresentative = await seats[0].Representative.PutAsync($"{path}/attendance/{seats[0].SeatId}", new { status = "present" });
        var unknownStatus = await coordinator.PutAsync($"{path}/attendance/{seats[0].SeatId}", new { status = "asleep" });
        foreach (var (seat, _) in seats)
        {
            await TestClient.Expect(await coordinator.PutAsync($"{path}/attendance/{seat}", new { status = "present" }), HttpStatusCode.OK);
        }

        var motion = await TestClient.ReadAsync<JsonElement>(await seats[0].Representative.PostAsync($"{path}/motions",
            new { title = "Venue", text = "The forum meets in **Dakar**.", moverSeatId = seats[0].SeatId, agendaItemId = item }), HttpStatusCode.OK);
        var secondedBySelf = await seats[0].Representative.PostAsync($"{path}/motions/{motion.GetProperty("motionId")}/second", new { seatId = seats[0].SeatId });
        await TestClient.Expect(await seats[1].Representative.PostAsync($"{path}/motions/{motion.GetProperty("motionId")}/second", new { seatId = seats[1].SeatId }), HttpStatusCode.OK);
        var vote = await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"{path}/votes", new { motionId = motion.GetProperty("motionId"), method = "consensus" }), HttpStatusCode.OK);
        var ballots = $"{path}/votes/{vote.GetProperty("voteId")}/ballots";
        var noReason = await seats[0].Representative.PostAsync(ballots, new { seatId = seats[0].SeatId, choice = "no" });
        var forAnotherSeat = await seats[0].Representative.PostAsync(ballots, new { seatId = seats[1].SeatId, choice = "yes" });
        var bySecretary = await coordinator.PostAsync(ballots, new { seatId = seats[1].SeatId, choice = "yes" });

        await TestClient.ProblemAsync(badLink, HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(badZone, HttpStatusCode.BadRequest, MeetingErrors.InvalidInput);
        await TestClient.ProblemAsync(writtenWithoutDeadline, HttpStatusCode.BadRequest, MeetingErrors.InvalidInput);
        await TestClient.ProblemAsync(byRepresentative, HttpStatusCode.Forbidden, CommitteeErrors.NotSecretary);
        await TestClient.ProblemAsync(attendanceByRepresentative, HttpStatusCode.Forbidden, CommitteeErrors.NotSecretary);
        await TestClient.ProblemAsync(unknownStatus, HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(secondedBySelf, HttpStatusCode.UnprocessableEntity, MeetingErrors.InvalidInput);
        await TestClient.ProblemAsync(noReason, HttpStatusCode.UnprocessableEntity, MeetingErrors.ObjectionReasonRequired);
        await TestClient.ProblemAsync(forAnotherSeat, HttpStatusCode.Forbidden, CommitteeErrors.NoVotingSeat);
        await TestClient.ProblemAsync(bySecretary, HttpStatusCode.Forbidden, CommitteeErrors.NoVotingSeat);
    }

    /// <summary>Moves and seconds a motion, votes it (8 yes, 2 no of the 10 present) in that ballot and closes the vote.</summary>
    private static async Task<JsonElement> AdoptAsync(TestClient chair, string path, Guid item, IReadOnlyList<(Guid SeatId, TestClient Representative)> seats, string ballot, string text)
    {
        var motion = await TestClient.ReadAsync<JsonElement>(await chair.PostAsync($"{path}/motions",
            new { title = text, text, moverSeatId = seats[0].SeatId, seconderSeatId = seats[1].SeatId, agendaItemId = item }), HttpStatusCode.OK);
        var vote = await TestClient.ReadAsync<JsonElement>(await chair.PostAsync($"{path}/votes", new { motionId = motion.GetProperty("motionId"), ballot }), HttpStatusCode.OK);
        var voteId = vote.GetProperty("voteId").GetGuid();
        JsonElement cast = default;
        for (var i = 0; i < 10; i++)
        {
            cast = await TestClient.ReadAsync<JsonElement>(await seats[i].Representative.PostAsync($"{path}/votes/{voteId}/ballots",
                new { seatId = seats[i].SeatId, choice = i < 8 ? "yes" : "no" }), HttpStatusCode.OK);
        }

        // While a secret ballot is open its totals wait: totals moving as each seat joins the list would tell its choice.
        Assert.Equal(ballot == "open" ? JsonValueKind.Object : JsonValueKind.Null, cast.GetProperty("tally").GetProperty("totals").ValueKind);
        Assert.Equal(10, cast.GetProperty("tally").GetProperty("voted").GetArrayLength());
        return await TestClient.ReadAsync<JsonElement>(await chair.PostAsync($"{path}/votes/{voteId}/close"), HttpStatusCode.OK);
    }

    private static (int Yes, int No, int Abstain) Totals(JsonElement totals) =>
        (totals.GetProperty("yes").GetInt32(), totals.GetProperty("no").GetInt32(), totals.GetProperty("abstain").GetInt32());
}
