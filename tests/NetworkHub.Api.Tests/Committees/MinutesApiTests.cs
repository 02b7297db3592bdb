using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>Minutes over REST: drafted from the record, edited and circulated by the secretary, approved at the next meeting.</summary>
public sealed class MinutesApiTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task Minutes_AreDraftedFromTheRecord_Circulated_ApprovedByTheNextMeeting_ThenReadOnly()
    {
        var (secretary, committee, seats) = await SeatedCommittee.CreateAsync(_host, 3);
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var first = await SittingAsync(secretary, committee, seats, "March sitting");
        var motion = await AdoptAsync(secretary, first.Path, first.Item, seats, "<script>alert(1)</script> The forum meets in **Dakar**", null);
        await TestClient.Expect(await secretary.PostAsync($"/api/v1/committees/{committee}/action-items",
            new { title = "Book the venue", assigneeSeatId = seats[1].SeatId, meetingId = first.Meeting }), HttpStatusCode.Created);
        var number = await NumberAsync(secretary, first.Path, motion);
        await TestClient.Expect(await secretary.PostAsync($"{first.Path}/close"), HttpStatusCode.OK);

        var drafted = await TestClient.ReadAsync<JsonElement>(await secretary.PostAsync($"{first.Path}/minutes"), HttpStatusCode.OK);
        var again = await secretary.PostAsync($"{first.Path}/minutes");
        var markdown = drafted.GetProperty("markdown").GetString()!;
        var byRepresentative = await seats[0].Representative.PutAsync($"{first.Path}/minutes", new { markdown = "Mine" });
        var edited = await secretary.PutAsync($"{first.Path}/minutes", new { markdown = markdown + "\nCorrected by the secretary.\n" }, "\"v1\"");
        var earlyComment = await seats[0].Representative.PostAsync($"{first.Path}/minutes/comments", new { text = "Too early" });
        await TestClient.Expect(await secretary.PostAsync($"{first.Path}/minutes/circulate"), HttpStatusCode.OK);
        await TestClient.Expect(await seats[0].Representative.PostAsync($"{first.Path}/minutes/comments", new { text = "Item 1 reads well", quote = "Dakar" }), HttpStatusCode.OK);
        var page = await secretary.GetAsync($"{first.Path}/minutes.html");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var hidden = await outsider.GetAsync($"{first.Path}/minutes");

        var second = await SittingAsync(secretary, committee, seats, "April sitting");
        var ownMinutes = await secretary.PostAsync($"{second.Path}/motions",
            new { title = "Approve", text = "Approve.", moverSeatId = seats[0].SeatId, seconderSeatId = seats[1].SeatId, agendaItemId = second.Item, approvesMinutesOf = second.Meeting });
        var approval = await AdoptAsync(secretary, second.Path, second.Item, seats, "The minutes of the March sitting are approved.", first.Meeting);
        var approvalNumber = await NumberAsync(secretary, second.Path, approval);
        var approved = await TestClient.EventuallyAsync(() => secretary.GetAsync<JsonElement>($"{first.Path}/minutes"), m => m.GetProperty("status").GetString() == "approved");
        var editAfter = await secretary.PutAsync($"{first.Path}/minutes", new { markdown = "Rewritten" });
        var againAfter = await secretary.PostAsync($"{first.Path}/minutes", new { replace = true });
        var secondApproval = await secretary.PostAsync($"{second.Path}/motions",
            new { title = "Approve again", text = "Approve.", moverSeatId = seats[0].SeatId, seconderSeatId = seats[1].SeatId, agendaItemId = second.Item, approvesMinutesOf = first.Meeting });

        Assert.Contains(number, markdown);
        Assert.Contains("Partner 0", markdown);
        Assert.Contains("3 of 3 voting allotments present", markdown);
        Assert.Contains("Book the venue", markdown);
        Assert.DoesNotContain("<script>", markdown);
        await TestClient.ProblemAsync(again, HttpStatusCode.Conflict, CommitteeErrors.MinutesExist);
        await TestClient.ProblemAsync(byRepresentative, HttpStatusCode.Forbidden, CommitteeErrors.NotSecretary);
        Assert.Equal("\"v2\"", edited.Headers.ETag?.Tag);
        await TestClient.ProblemAsync(earlyComment, HttpStatusCode.Conflict, CommitteeErrors.MinutesNotCirculated);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        await TestClient.ProblemAsync(hidden, HttpStatusCode.NotFound, CommitteeErrors.MeetingNotFound);
        await TestClient.ProblemAsync(ownMinutes, HttpStatusCode.Conflict, CommitteeErrors.MinutesNotCirculated);
        Assert.Equal(approvalNumber, approved.GetProperty("approval").GetProperty("decisionNumber").GetString());
        Assert.Equal(second.Meeting, approved.GetProperty("approval").GetProperty("meetingId").GetGuid());
        Assert.Single(approved.GetProperty("comments").EnumerateArray());
        await TestClient.ProblemAsync(editAfter, HttpStatusCode.Conflict, CommitteeErrors.MinutesApproved);
        await TestClient.ProblemAsync(againAfter, HttpStatusCode.Conflict, CommitteeErrors.MinutesApproved);
        await TestClient.ProblemAsync(secondApproval, HttpStatusCode.Conflict, CommitteeErrors.MinutesApproved);
    }

    /// <summary>Browsers send a JSON content type with no body when a POST has nothing to say: the draft's options are optional.</summary>
    [Fact]
    public async Task DraftMinutes_WithAJsonContentTypeAndNoBody_DraftsThem()
    {
        var committee = await SeatedCommittee.CreateAsync(_host, 2);
        var (path, _) = await committee.SittingAsync();
        await TestClient.Expect(await committee.Secretary.PostAsync($"{path}/close"), HttpStatusCode.OK);

        var drafted = await committee.Secretary.SendRawAsync(HttpMethod.Post, $"{path}/minutes", []);

        Assert.Equal("draft", (await TestClient.ReadAsync<JsonElement>(drafted, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    private sealed record Sitting(Guid Meeting, string Path, Guid Item);

    private static async Task<Sitting> SittingAsync(TestClient secretary, Guid committee, IReadOnlyList<(Guid SeatId, TestClient Representative)> seats, string title)
    {
        var scheduled = await TestClient.ReadAsync<JsonElement>(await secretary.PostAsync($"/api/v1/committees/{committee}/meetings", new
        {
            title,
            type = "regular",
            startsAt = "2026-03-02T09:00:00Z",
            timeZone = "America/Bogota",
            place = "Bogotá",
            agenda = new[] { new { title = "Forum agenda" } },
        }), HttpStatusCode.Created);
        var meeting = scheduled.GetProperty("meetingId").GetGuid();
        var path = $"/api/v1/meetings/{meeting}";
        await TestClient.Expect(await secretary.PostAsync($"{path}/start"), HttpStatusCode.OK);
        foreach (var (seat, _) in seats)
        {
            await TestClient.Expect(await secretary.PutAsync($"{path}/attendance/{seat}", new { status = "present" }), HttpStatusCode.OK);
        }

        return new Sitting(meeting, path, scheduled.GetProperty("agenda")[0].GetProperty("id").GetGuid());
    }

    private static async Task<Guid> AdoptAsync(TestClient secretary, string path, Guid item, IReadOnlyList<(Guid SeatId, TestClient Representative)> seats, string text, Guid? approvesMinutesOf)
    {
        var motion = await TestClient.ReadAsync<JsonElement>(await secretary.PostAsync($"{path}/motions",
            new { title = approvesMinutesOf is null ? "Venue" : "Minutes", text, moverSeatId = seats[0].SeatId, seconderSeatId = seats[1].SeatId, agendaItemId = item, approvesMinutesOf }), HttpStatusCode.OK);
        var vote = await TestClient.ReadAsync<JsonElement>(await secretary.PostAsync($"{path}/votes", new { motionId = motion.GetProperty("motionId"), ballot = "open" }), HttpStatusCode.OK);
        foreach (var (seat, representative) in seats)
        {
            await TestClient.Expect(await representative.PostAsync($"{path}/votes/{vote.GetProperty("voteId")}/ballots", new { seatId = seat, choice = "yes" }), HttpStatusCode.OK);
        }

        await TestClient.Expect(await secretary.PostAsync($"{path}/votes/{vote.GetProperty("voteId")}/close"), HttpStatusCode.OK);
        return motion.GetProperty("motionId").GetGuid();
    }

    private static async Task<string> NumberAsync(TestClient secretary, string path, Guid motion)
    {
        var view = await TestClient.EventuallyAsync(() => secretary.GetAsync<JsonElement>(path),
            v => v.GetProperty("motions").EnumerateArray().Any(m => m.GetProperty("motionId").GetGuid() == motion && m.GetProperty("decisionNumber").ValueKind == JsonValueKind.String));
        return view.GetProperty("motions").EnumerateArray().Single(m => m.GetProperty("motionId").GetGuid() == motion).GetProperty("decisionNumber").GetString()!;
    }
}
