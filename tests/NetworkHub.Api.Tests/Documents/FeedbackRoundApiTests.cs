using System.Net;
using System.Text.Json;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Documents;

/// <summary>A round over REST: open it, comment from an invited organisation, respond, and read the report in its three forms.</summary>
public sealed class FeedbackRoundApiTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    private sealed record Round(TestClient Coordinator, TestClient Invitee, Guid DocumentId, Guid RoundId, Guid InvitedOrganisation);

    /// <summary>A private organisation's document; another organisation is invited for the land chapter, with a member who is nobody in the first.</summary>
    private async Task<Round> OpenAsync()
    {
        var coordinator = await TestClient.SignedUpAsync(_host, "Coordinator");
        var drafting = await coordinator.CreateOrganisationAsync(Visibility.Private);
        var document = await TestDocuments.CreateAsync(_host, coordinator.PersonId, new SpaceRef(SpaceKind.Organisation, drafting.Id),
            TestDocuments.Section("Introduction", "Why this plan."), TestDocuments.Section("Land", "Land titles for women."), TestDocuments.Section("Budget", "Costs."));
        var invitedCoordinator = await TestClient.SignedUpAsync(_host, "Other coordinator");
        var invited = await invitedCoordinator.CreateOrganisationAsync(Visibility.Public, name: "Colectivo Tierra");
        var invitee = await TestClient.SignedUpAsync(_host, "Invitee");
        await invitedCoordinator.AddMemberAsync($"/api/v1/organisations/{invited.Id}", invitee, SpaceRole.Member);
        var round = await TestClient.ReadAsync<FeedbackRoundDetails>(await coordinator.PostAsync($"/api/v1/documents/{document}/feedback-rounds", new
        {
            version = 1,
            title = "Land chapter",
            instructions = "Comment on the land chapter.",
            deadline = DateTimeOffset.UtcNow.AddDays(20),
            groups = new[] { new { kind = "organisation", spaceId = invited.Id, sectionIds = new[] { "s-land" } } },
        }), HttpStatusCode.Created);
        return new Round(coordinator, invitee, document, round.RoundId, invited.Id);
    }

    [Fact]
    public async Task AnInvitee_SeesTheRoundInMyRounds_ReadsTheirChapter_Comments_AndSeesTheResponse()
    {
        var r = await OpenAsync();

        var mine = await r.Invitee.GetAsync<JsonElement>("/api/v1/me/feedback-rounds");
        var round = await r.Invitee.GetAsync<JsonElement>($"/api/v1/feedback-rounds/{r.RoundId}");
        var posted = await TestClient.ReadAsync<JsonElement>(await r.Invitee.PostAsync($"/api/v1/documents/{r.DocumentId}/comments",
            new { version = 1, sectionId = "s-land", quote = "Land titles", text = "Include joint titles.", organisationId = r.InvitedOrganisation, roundId = r.RoundId }), HttpStatusCode.Created);
        var commentId = posted.GetProperty("comment").GetProperty("commentId").GetGuid();
        await TestClient.ProblemAsync(await r.Invitee.PostAsync($"/api/v1/documents/{r.DocumentId}/comments",
            new { version = 1, sectionId = "s-budget", text = "And costs?", roundId = r.RoundId }), HttpStatusCode.Forbidden, DocumentErrors.NotInvited);
        await TestClient.ProblemAsync(await r.Invitee.GetAsync($"/api/v1/documents/{r.DocumentId}/feedback-rounds"), HttpStatusCode.NotFound, DocumentErrors.NotFound);
        await TestClient.Expect(await r.Coordinator.PutAsync($"/api/v1/documents/{r.DocumentId}/comments/{commentId}/response",
            new { kind = "partly-accepted", reply = "Joint titles are in; the registry reform is not." }), HttpStatusCode.OK);
        var report = await r.Invitee.GetAsync<JsonElement>($"/api/v1/feedback-rounds/{r.RoundId}/report");
        var thread = await r.Invitee.GetAsync<JsonElement>($"/api/v1/documents/{r.DocumentId}/comments?round={r.RoundId}");

        Assert.Equal(r.RoundId, mine.EnumerateArray().Single().GetProperty("roundId").GetGuid());
        Assert.Equal(["s-land"], mine[0].GetProperty("sectionIds").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Land titles for women."], round.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Equal("Colectivo Tierra", posted.GetProperty("organisationName").GetString());
        var section = report.GetProperty("sections").EnumerateArray().Single();
        Assert.Equal("s-land", section.GetProperty("sectionId").GetString());
        var response = section.GetProperty("threads")[0].GetProperty("comment").GetProperty("comment").GetProperty("response");
        Assert.Equal("partly-accepted", response.GetProperty("kind").GetString());
        Assert.Equal("partly-accepted", thread.GetProperty("threads")[0].GetProperty("comment").GetProperty("comment").GetProperty("response").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ReportExports_EscapeMarkdown_AndNeutraliseSpreadsheetFormulas()
    {
        var r = await OpenAsync();
        var posted = await TestClient.ReadAsync<JsonElement>(await r.Invitee.PostAsync($"/api/v1/documents/{r.DocumentId}/comments",
            new { version = 1, sectionId = "s-land", text = "=HYPERLINK(\"http://evil.example\")\n# Not a heading <script>", roundId = r.RoundId }), HttpStatusCode.Created);
        var commentId = posted.GetProperty("comment").GetProperty("commentId").GetGuid();
        await TestClient.Expect(await r.Coordinator.PostAsync($"/api/v1/documents/{r.DocumentId}/comments",
            new { version = 1, sectionId = "s-land", text = "@SUM(A1:A2)", parentId = commentId }), HttpStatusCode.Created);
        await TestClient.Expect(await r.Coordinator.PutAsync($"/api/v1/documents/{r.DocumentId}/comments/{commentId}/response",
            new { kind = "not-taken", reply = "-1+1" }), HttpStatusCode.OK);

        var csvResponse = await r.Coordinator.GetAsync($"/api/v1/feedback-rounds/{r.RoundId}/report.csv");
        var csv = await csvResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var markdownResponse = await r.Coordinator.GetAsync($"/api/v1/feedback-rounds/{r.RoundId}/report.md");
        var markdown = await markdownResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("section_id,section,comment_id,reply_to,author,organisation,group,quote,text,status,at,response,response_reply,responder", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1:A2)", csv, StringComparison.Ordinal);
        Assert.Contains("'-1+1", csv, StringComparison.Ordinal);
        foreach (var cellStart in new[] { ",=", ",@", ",-1", ",\"=", ",\"@", ",\"-1" })
        {
            Assert.DoesNotContain(cellStart, csv, StringComparison.Ordinal);
        }
        Assert.Equal("text/markdown", markdownResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("## Land", markdown, StringComparison.Ordinal);
        Assert.Contains("## Introduction", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# Not a heading", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains("**Response: not taken**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErasedCommenter_LeavesTheirTextUnderAFormerId_AndTheirExportHeldIt()
    {
        var r = await OpenAsync();
        await TestClient.Expect(await r.Invitee.PostAsync($"/api/v1/documents/{r.DocumentId}/comments",
            new { version = 1, sectionId = "s-land", text = "Keep this point.", roundId = r.RoundId }), HttpStatusCode.Created);

        var export = await r.Invitee.GetAsync<JsonElement>("/api/v1/me/export");
        await TestClient.Expect(await r.Invitee.DeleteAsync("/api/v1/me"), HttpStatusCode.NoContent);
        var report = await r.Coordinator.GetAsync<JsonElement>($"/api/v1/feedback-rounds/{r.RoundId}/report");

        Assert.Equal("Keep this point.", export.GetProperty("documentComments").EnumerateArray().Single().GetProperty("text").GetString());
        var comment = report.GetProperty("sections")[1].GetProperty("threads")[0].GetProperty("comment");
        Assert.Equal("Keep this point.", comment.GetProperty("comment").GetProperty("text").GetString());
        Assert.NotEqual(r.Invitee.PersonId, comment.GetProperty("comment").GetProperty("authorPersonId").GetGuid());
        Assert.NotEqual("Invitee", comment.GetProperty("authorName").GetString());
        Assert.DoesNotContain(r.Invitee.PersonId.ToString(), report.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
