using System.Net.Http.Json;
using NetworkHub.Contracts.Spaces;
using static NetworkHub.Api.Tests.Access.AccessWorld;

namespace NetworkHub.Api.Tests.Access;

/// <summary>One principal making one row's request, in the world, against the row's visibility.</summary>
public sealed record Call(AccessWorld World, Principal Principal, Visibility Visibility)
{
    public TestClient Client => World.Client(Principal, Visibility);

    public string Path(SpaceKind kind) => World.Path(kind, Visibility);

    public Task<HttpResponseMessage> Get(string path) => Client.GetAsync(path);

    public Task<HttpResponseMessage> Post(string path, object? body = null) => Client.PostAsync(path, body);

    public Task<HttpResponseMessage> Create(string path, object body) => Client.PostWithKeyAsync(path, body, $"matrix-{Guid.NewGuid():N}");
}

/// <summary>
/// How each operation of the matrix is requested, by endpoint name. Rows that take something away (a member, a
/// pending request, an invitation of an organisation) act on the world's targets and put them back after a success,
/// so every row finds the world as it was built; rows that use something up (an invitation link, a sign-in) make a
/// fresh one first.
/// </summary>
public static class RestRequests
{
    public static readonly IReadOnlyDictionary<string, Func<Call, Task<HttpResponseMessage>>> All = Build();

    private static Dictionary<string, Func<Call, Task<HttpResponseMessage>>> Build()
    {
        var requests = new Dictionary<string, Func<Call, Task<HttpResponseMessage>>>
        {
            ["Register"] = c => c.Post("/api/v1/accounts", new { email = $"new-{Guid.NewGuid():N}@example.org", password = TestClient.Password, displayName = "Nueva" }),
            ["SignIn"] = c => c.Post("/api/v1/auth/token", new { email = c.World.Target.Email, password = TestClient.Password }),
            ["CompleteSignIn"] = c => c.Post("/api/v1/auth/second-factor", new { email = $"unknown-{Guid.NewGuid():N}@example.org", challenge = "not-a-challenge", code = "123456" }),
            ["SignOut"] = SignOutAsync,
            ["GetMe"] = c => c.Get("/api/v1/me"),
            ["UpdateMe"] = c => c.Client.PutAsync("/api/v1/me", new { displayName = c.Principal.ToString() }),
            ["GetMySpaces"] = c => c.Get("/api/v1/me/spaces"),
            ["GetMySignIn"] = c => c.Get("/api/v1/me/sign-in"),
            ["ExportMyData"] = c => c.Get("/api/v1/me/export"),
            ["EraseMe"] = EraseMeAsync,
            ["GetTwoFactor"] = c => c.Get("/api/v1/me/two-factor"),
            ["BeginTwoFactor"] = c => c.Post("/api/v1/me/two-factor"),
            ["ConfirmTwoFactor"] = async c =>
            {
                // A secret is pending for a person (whatever rows ran before), and the code is wrong.
                await c.Post("/api/v1/me/two-factor");
                return await c.Post("/api/v1/me/two-factor/confirm", new { code = "000000" });
            },
            ["DisableTwoFactor"] = c => c.Post("/api/v1/me/two-factor/disable", new { password = TestClient.Password, code = "000000" }),
            ["GetPerson"] = c => c.Get($"/api/v1/people/{c.World.Target.PersonId}"),

            ["CreateDocument"] = c => c.Create($"/api/v1/spaces/organisation/{SpaceId(c)}/documents", new { title = "Plan de acción", tags = new[] { "paz" } }),
            ["GetDocument"] = async c => await c.Get(await DocumentAsync(c)),
            ["UpdateDocument"] = async c => await c.Client.Http.PatchAsJsonAsync(await DocumentAsync(c), new { description = c.Principal.ToString() }, TestContext.Current.CancellationToken),
            ["DeleteDocument"] = async c => await c.Client.DeleteAsync(await NewDocumentAsync(c)),
            ["GetDocumentVersions"] = async c => await c.Get($"{await DocumentAsync(c)}/versions"),
            ["UploadDocumentVersion"] = async c => await c.Client.Http.PostAsync($"{await DocumentAsync(c)}/versions", UploadBody(), TestContext.Current.CancellationToken),
            ["AddMarkdownVersion"] = async c => await c.Post($"{await DocumentAsync(c)}/versions/markdown", new { markdown = "# Capítulo 1\n\nTexto." }),
            ["GetDocumentVersion"] = async c => await c.Get($"{await DocumentAsync(c)}/versions/1"),
            ["CompareDocumentVersions"] = async c => await c.Get($"{await DocumentAsync(c)}/compare?from=1&to=1"),
            ["DownloadDocumentVersion"] = async c => await c.Get($"{await DocumentAsync(c)}/versions/1/content"),

            ["ListOrganisations"] = c => c.Get("/api/v1/organisations"),
            ["CreateOrganisation"] = c => c.Create("/api/v1/organisations", UpdateBody(Organisation, Visibility.Private)),
            ["ListCoalitions"] = c => c.Get("/api/v1/coalitions"),
            ["CreateCoalition"] = c => c.Create("/api/v1/coalitions", UpdateBody(Coalition, Visibility.Private)),
            ["CreateStandaloneForum"] = c => c.Create("/api/v1/forums", UpdateBody(Forum, Visibility.Private)),

            ["PreviewInvitation"] = async c => await c.Get($"/api/v1/invitations/{await c.World.NewInvitationTokenAsync()}"),
            ["AcceptInvitation"] = async c => await c.Post($"/api/v1/invitations/{await c.World.NewInvitationTokenAsync()}/accept"),
            ["DeclineInvitation"] = async c => await c.Post($"/api/v1/invitations/{await c.World.NewInvitationTokenAsync()}/decline"),

            ["GetOrganisation"] = c => c.Get(c.Path(Organisation)),
            ["UpdateOrganisation"] = c => c.Client.PutAsync(c.Path(Organisation), UpdateBody(Organisation, c.Visibility)),
            ["CreateApiKey"] = c => c.Post($"{c.Path(Organisation)}/api-keys", new { name = "Matrix key", scope = "read" }),
            ["GetApiKeys"] = c => c.Get($"{c.Path(Organisation)}/api-keys"),
            ["RevokeApiKey"] = c => c.Client.DeleteAsync($"{c.Path(Organisation)}/api-keys/{c.World.RevocableKey(c.Visibility)}"),
            ["GetOrganisationCoalitions"] = c => c.Get($"{c.Path(Organisation)}/coalitions"),
            ["GetSpaceDocuments"] = c => c.Get($"/api/v1/spaces/organisation/{c.World.Space(Organisation, c.Visibility)}/documents"),
            ["GetSpacePublications"] = c => c.Get($"/api/v1/spaces/organisation/{c.World.Space(Organisation, c.Visibility)}/publications?tag=plan"),
            ["SearchDocuments"] = c => c.Get("/api/v1/documents/search?q=plan%20nacional"),

            ["GetCoalition"] = c => c.Get(c.Path(Coalition)),
            ["UpdateCoalition"] = c => c.Client.PutAsync(c.Path(Coalition), UpdateBody(Coalition, c.Visibility)),
            ["GetCoalitionOrganisations"] = c => c.Get($"{c.Path(Coalition)}/organisations"),
            ["InviteOrganisationToCoalition"] = async c => await RestoredAsync(
                await c.Post($"{c.Path(Coalition)}/organisations", new { organisationId = c.World.GuestToInvite }),
                () => c.World.Coordinator.DeleteAsync($"{c.Path(Coalition)}/organisations/{c.World.GuestToInvite}")),
            ["AcceptForOrganisation"] = async c => await RestoredAsync(
                await c.Post($"{c.Path(Coalition)}/organisations/{c.World.GuestToAccept}/accept"),
                () => c.World.Coordinator.DeleteAsync($"{c.Path(Coalition)}/organisations/{c.World.GuestToAccept}"),
                () => c.World.Coordinator.PostAsync($"{c.Path(Coalition)}/organisations", new { organisationId = c.World.GuestToAccept })),
            ["DeclineForOrganisation"] = async c => await RestoredAsync(
                await c.Post($"{c.Path(Coalition)}/organisations/{c.World.GuestToDecline}/decline"),
                () => c.World.Coordinator.PostAsync($"{c.Path(Coalition)}/organisations", new { organisationId = c.World.GuestToDecline })),
            ["SetOrganisationRole"] = c => c.Client.PutAsync($"{c.Path(Coalition)}/organisations/{c.World.GuestToRemove}/role", new { peopleRole = "observer" }),
            ["RemoveOrganisation"] = async c => await RestoredAsync(
                await c.Client.DeleteAsync($"{c.Path(Coalition)}/organisations/{c.World.GuestToRemove}"),
                () => c.World.Coordinator.PostAsync($"{c.Path(Coalition)}/organisations", new { organisationId = c.World.GuestToRemove }),
                () => c.World.Coordinator.PostAsync($"{c.Path(Coalition)}/organisations/{c.World.GuestToRemove}/accept")),
            ["GetCoalitionForums"] = c => c.Get($"{c.Path(Coalition)}/forums"),
            ["CreateCoalitionForum"] = c => c.Create($"{c.Path(Coalition)}/forums", UpdateBody(Forum, c.Visibility)),

            ["GetWorkingGroup"] = c => c.Get(c.Path(WorkingGroup)),
            ["UpdateWorkingGroup"] = c => c.Client.PutAsync(c.Path(WorkingGroup), UpdateBody(WorkingGroup, c.Visibility)),
            ["SetCommitteeOffices"] = c => c.Client.PutAsync($"{c.Path(Committee)}/offices", c.World.Offices),
            ["GetCommitteeSeats"] = c => c.Get($"{c.Path(Committee)}/seats"),
            ["GetCommitteeMeetings"] = c => c.Get($"{c.Path(Committee)}/meetings"),
            ["GetCommitteeDecisions"] = c => c.Get($"{c.Path(Committee)}/decisions"),
            ["GetCommitteeDecision"] = c => c.Get($"{c.Path(Committee)}/decisions/{c.World.Decision(c.Visibility)}"),
            ["ExportCommitteeDecisions"] = c => c.Get($"{c.Path(Committee)}/decisions.csv"),
            ["InviteToCommitteeSeat"] = async c =>
            {
                var response = await c.Post($"{c.Path(Committee)}/seats", new { organisationId = c.World.SeatGuestToInvite, kind = "observer", allotment = 0 });
                if (response.IsSuccessStatusCode)
                {
                    var seat = (await TestClient.ReadAsync<System.Text.Json.JsonElement>(response, System.Net.HttpStatusCode.Created)).GetProperty("seatId").GetGuid();
                    await TestClient.Expect(await c.World.Coordinator.PostAsync($"{c.Path(Committee)}/seats/{seat}/end"), System.Net.HttpStatusCode.OK);
                }

                return response;
            },
            ["UpdateCommitteeSeat"] = c => c.Client.PutAsync($"{c.Path(Committee)}/seats/{c.World.HeldSeat(c.Visibility)}",
                new { kind = "founding-partner", termStart = "2026-01-01T00:00:00Z", allotment = 1 }),
            ["EndCommitteeSeat"] = async c => await RestoredAsync(
                await c.Post($"{c.Path(Committee)}/seats/{c.World.HeldSeat(c.Visibility)}/end"),
                () => c.World.HoldSeatAgainAsync(c.Visibility)),
            ["AcceptCommitteeSeat"] = async c => await RestoredAsync(
                await c.Post($"{c.Path(Committee)}/seats/{c.World.OfferedSeat(c.Visibility)}/accept", new { representative = c.World.Coordinator.PersonId }),
                () => c.World.Coordinator.PostAsync($"{c.Path(Committee)}/seats/{c.World.OfferedSeat(c.Visibility)}/end"),
                () => c.World.OfferSeatAgainAsync(c.Visibility)),
            ["DeclineCommitteeSeat"] = async c => await RestoredAsync(
                await c.Post($"{c.Path(Committee)}/seats/{c.World.OfferedSeat(c.Visibility)}/decline"),
                () => c.World.OfferSeatAgainAsync(c.Visibility)),
            ["NameSeatRepresentatives"] = c => c.Client.PutAsync($"{c.Path(Committee)}/seats/{c.World.HeldSeat(c.Visibility)}/representatives",
                new { representative = c.World.Client(Principal.Member).PersonId }),
            ["StepDownFromSeat"] = async c => await RestoredAsync(
                await c.Post($"{c.Path(Committee)}/seats/{c.World.HeldSeat(c.Visibility)}/step-down"),
                () => c.World.HoldSeatAgainAsync(c.Visibility)),
            ["GetActionItems"] = c => c.Get($"{c.Path(Committee)}/action-items"),
            ["AddActionItem"] = c => c.Create($"{c.Path(Committee)}/action-items", ActionItemBody(c)),
            ["UpdateActionItem"] = async c => await c.Client.PutAsync($"{c.Path(Committee)}/action-items/{await NewActionItemAsync(c)}", ActionItemBody(c)),
            ["SetActionItemStatus"] = async c => await c.Client.PutAsync($"{c.Path(Committee)}/action-items/{await NewActionItemAsync(c)}/status", new { status = "done" }),
            ["ScheduleMeeting"] = c => c.Create($"{c.Path(Committee)}/meetings", AccessWorld.MeetingBody),
            ["GetMeeting"] = c => c.Get(c.World.Meeting(c.Visibility)),
            ["GetMeetingAudit"] = c => c.Get($"{c.World.Meeting(c.Visibility)}/audit"),
            ["UpdateMeetingAgenda"] = async c => await c.Client.PutAsync($"{await NewMeetingAsync(c)}/agenda", new { items = new[] { new { title = "Cierre" } } }),
            ["StartMeeting"] = async c => await c.Post($"{await NewMeetingAsync(c)}/start"),
            ["CloseMeeting"] = async c => await c.Post($"{await NewMeetingAsync(c)}/close"),
            ["CancelMeeting"] = async c => await c.Post($"{await NewMeetingAsync(c)}/cancel"),
            ["RecordAttendance"] = async c => await c.Client.PutAsync($"{await NewMeetingAsync(c)}/attendance/{c.World.HeldSeat(c.Visibility)}", new { status = "present" }),
            ["GiveProxy"] = async c => await c.Client.PutAsync($"{await NewMeetingAsync(c)}/proxies/{c.World.HeldSeat(c.Visibility)}",
                new { holderSeatId = c.World.SecondSeat(c.Visibility) }),
            ["RevokeProxy"] = async c =>
            {
                var meeting = await NewMeetingAsync(c);
                await Done(c.World.Coordinator.PutAsync($"{meeting}/proxies/{c.World.HeldSeat(c.Visibility)}", new { holderSeatId = c.World.SecondSeat(c.Visibility) }));
                return await c.Client.DeleteAsync($"{meeting}/proxies/{c.World.HeldSeat(c.Visibility)}");
            },
            ["ProposeMotion"] = async c =>
            {
                var (meeting, item) = await c.World.NewMeetingAsync(c.Visibility);
                return await c.Post($"{meeting}/motions", MotionBody(item, c.World.HeldSeat(c.Visibility)));
            },
            ["SecondMotion"] = async c =>
            {
                var (meeting, motion) = await NewMotionAsync(c, seconded: false);
                return await c.Post($"{meeting}/motions/{motion}/second", new { seatId = c.World.HeldSeat(c.Visibility) });
            },
            ["ProposeAmendment"] = async c =>
            {
                var (meeting, motion) = await NewMotionAsync(c, seconded: false);
                return await c.Post($"{meeting}/motions/{motion}/amendments", new { text = "Enmendado.", moverSeatId = c.World.HeldSeat(c.Visibility) });
            },
            ["SecondAmendment"] = async c =>
            {
                var (meeting, motion) = await NewMotionAsync(c, seconded: false);
                var amended = await c.World.Coordinator.PostAsync($"{meeting}/motions/{motion}/amendments", new { text = "Enmendado.", moverSeatId = c.World.SecondSeat(c.Visibility) });
                var amendment = (await TestClient.ReadAsync<System.Text.Json.JsonElement>(amended, System.Net.HttpStatusCode.OK)).GetProperty("amendments")[0].GetProperty("amendmentId").GetGuid();
                return await c.Post($"{meeting}/motions/{motion}/amendments/{amendment}/second", new { seatId = c.World.HeldSeat(c.Visibility) });
            },
            ["OpenVote"] = async c =>
            {
                var (meeting, motion) = await NewMotionAsync(c, seconded: true);
                return await c.Post($"{meeting}/votes", new { motionId = motion });
            },
            ["CastVote"] = async c =>
            {
                var (meeting, vote) = await NewVoteAsync(c);
                return await c.Post($"{meeting}/votes/{vote}/ballots", new { seatId = c.World.HeldSeat(c.Visibility), choice = "yes" });
            },
            ["CloseVote"] = async c =>
            {
                var (meeting, vote) = await NewVoteAsync(c);
                return await c.Post($"{meeting}/votes/{vote}/close");
            },
            ["GetMinutes"] = c => c.Get($"{c.World.Meeting(c.Visibility)}/minutes"),
            ["GetMinutesMarkdown"] = c => c.Get($"{c.World.Meeting(c.Visibility)}/minutes.md"),
            ["GetMinutesPage"] = c => c.Get($"{c.World.Meeting(c.Visibility)}/minutes.html"),
            ["DraftMinutes"] = async c => await c.Post($"{await NewMeetingAsync(c)}/minutes", new { }),
            ["EditMinutes"] = async c => await c.Client.PutAsync($"{await NewMinutesAsync(c)}/minutes", new { markdown = "# Acta" }),
            ["CirculateMinutes"] = async c => await c.Post($"{await NewMinutesAsync(c)}/minutes/circulate"),
            ["CommentOnMinutes"] = c => c.Create($"{c.World.Meeting(c.Visibility)}/minutes/comments", new { text = "Falta el punto 2" }),
            ["GetMyActionItems"] = c => c.Get("/api/v1/me/action-items"),
            ["GetDocumentComments"] = c => c.Get($"/api/v1/documents/{c.World.Document(c.Visibility)}/comments"),
            ["PostDocumentComment"] = c => c.Create($"/api/v1/documents/{c.World.Document(c.Visibility)}/comments",
                new { version = 1, sectionId = FeedbackSection, text = "One more point." }),
            ["SetDocumentCommentStatus"] = c => c.Client.PutAsync(
                $"/api/v1/documents/{c.World.Document(c.Visibility)}/comments/{c.World.DocumentComment(c.Visibility)}/status", new { status = "open" }),
            ["RespondToDocumentComment"] = c => c.Client.PutAsync(
                $"/api/v1/documents/{c.World.Document(c.Visibility)}/comments/{c.World.DocumentComment(c.Visibility)}/response", new { kind = "accepted" }),
            ["GetDocumentFeedbackRounds"] = c => c.Get($"/api/v1/documents/{c.World.Document(c.Visibility)}/feedback-rounds"),
            ["OpenFeedbackRound"] = c => c.Create($"/api/v1/documents/{c.World.Document(c.Visibility)}/feedback-rounds", c.World.RoundBody(c.Visibility)),
            ["GetFeedbackRound"] = c => c.Get($"/api/v1/feedback-rounds/{c.World.Round(c.Visibility)}"),
            ["CloseFeedbackRound"] = async c => await c.Post($"/api/v1/feedback-rounds/{await c.World.NewRoundAsync(c.Visibility)}/close"),
            ["GetFeedbackRoundReport"] = c => c.Get($"/api/v1/feedback-rounds/{c.World.Round(c.Visibility)}/report"),
            ["GetFeedbackRoundReportMarkdown"] = c => c.Get($"/api/v1/feedback-rounds/{c.World.Round(c.Visibility)}/report.md"),
            ["GetFeedbackRoundReportCsv"] = c => c.Get($"/api/v1/feedback-rounds/{c.World.Round(c.Visibility)}/report.csv"),
            ["GetMyFeedbackRounds"] = c => c.Get("/api/v1/me/feedback-rounds"),
            ["GetForumCommittees"] = c => c.Get($"{c.Path(Forum)}/committees"),
            ["CreateForumCommittee"] = c => c.Create($"{c.Path(Forum)}/committees", UpdateBody(Committee, c.Visibility)),
            ["GetCoalitionCommittees"] = c => c.Get($"{c.Path(Coalition)}/committees"),
            ["CreateCoalitionCommittee"] = c => c.Create($"{c.Path(Coalition)}/committees", UpdateBody(Committee, c.Visibility)),
            ["GetCommittee"] = c => c.Get(c.Path(Committee)),
            ["UpdateCommittee"] = c => c.Client.PutAsync(c.Path(Committee), UpdateBody(Committee, c.Visibility)),
            ["GetForum"] = c => c.Get(c.Path(Forum)),
            ["UpdateForum"] = c => c.Client.PutAsync(c.Path(Forum), UpdateBody(Forum, c.Visibility)),

            ["ScheduleSession"] = c => c.Create($"{c.Path(Forum)}/sessions", SessionBody()),
            ["GetForumSessions"] = c => c.Get($"{c.Path(Forum)}/sessions"),
            ["GetSession"] = c => c.Get(Session(c)),
            ["UpdateAgenda"] = c => c.Client.PutAsync($"{Session(c)}/agenda", new { items = new[] { new { title = "Cierre", format = "plenary", plannedMinutes = 5 } } }),
            ["GetSessionState"] = c => c.Get($"{Session(c)}/state"),
            ["GetSessionRecord"] = c => c.Get($"/api/v1/live-sessions/{c.World.ClosedSession(c.Visibility)}/record"),
            ["GetSessionRecordMarkdown"] = c => c.Get($"/api/v1/live-sessions/{c.World.ClosedSession(c.Visibility)}/record.md"),
            ["GetSessionAudit"] = c => c.Get($"{Session(c)}/audit"),
            ["ProposeFromSession"] = c => c.Create($"/api/v1/live-sessions/{c.World.ProposalSession(c.Visibility)}/proposals", c.World.ProposalBody(c.Visibility)),
            ["GetSessionProposals"] = c => c.Get($"/api/v1/live-sessions/{c.World.ProposalSession(c.Visibility)}/proposals"),
            ["GetProposals"] = c => c.Get($"{c.Path(Committee)}/proposals"),
            ["GetProposal"] = c => c.Get($"{c.Path(Committee)}/proposals/{c.World.Proposal(c.Visibility)}"),
            ["WithdrawProposal"] = c => c.Post($"{c.Path(Committee)}/proposals/{c.World.Proposal(c.Visibility)}/withdraw"),
        };

        foreach (var parent in new[] { Organisation, Coalition })
        {
            requests[$"Get{parent}WorkingGroups"] = c => c.Get($"{c.Path(parent)}/working-groups");
            requests[$"Create{parent}WorkingGroup"] = c => c.Create($"{c.Path(parent)}/working-groups", UpdateBody(WorkingGroup, c.Visibility));
        }

        foreach (var kind in Enum.GetValues<SpaceKind>())
        {
            AddMembership(requests, kind);
        }

        return requests;
    }

    /// <summary>The routes every kind of space shares (<c>MapSpaceMembership</c>), named after the kind.</summary>
    private static void AddMembership(Dictionary<string, Func<Call, Task<HttpResponseMessage>>> requests, SpaceKind kind)
    {
        var name = kind.ToString();
        requests[$"Get{name}Members"] = c => c.Get($"{c.Path(kind)}/members");
        requests[$"Change{name}MemberRole"] = c => c.Client.PutAsync($"{c.Path(kind)}/members/{c.World.Target.PersonId}/role", new { role = SpaceRole.Member });
        requests[$"Remove{name}Member"] = async c => await RestoredAsync(
            await c.Client.DeleteAsync($"{c.Path(kind)}/members/{c.World.Target.PersonId}"),
            () => c.World.RejoinAsync(kind, c.Visibility, c.World.Target, SpaceRole.Member));
        requests[$"Leave{name}"] = async c => await RestoredAsync(
            await c.Post($"{c.Path(kind)}/leave"),
            () => c.World.RejoinAsync(kind, c.Visibility, c.Client, c.Principal == Principal.Observer ? SpaceRole.Observer : SpaceRole.Member));
        requests[$"Create{name}Invitation"] = c => c.Post($"{c.Path(kind)}/invitations", new { role = SpaceRole.Member });
        requests[$"Get{name}Invitations"] = c => c.Get($"{c.Path(kind)}/invitations");
        requests[$"Revoke{name}Invitation"] = c => c.Client.DeleteAsync($"{c.Path(kind)}/invitations/{c.World.OpenInvitation(kind, c.Visibility)}");
        requests[$"RequestToJoin{name}"] = c => c.Post($"{c.Path(kind)}/join-requests", new { message = "Hola" });
        requests[$"Get{name}JoinRequests"] = c => c.Get($"{c.Path(kind)}/join-requests");
        requests[$"Approve{name}JoinRequest"] = async c => await RestoredAsync(
            await c.Post($"{c.Path(kind)}/join-requests/{c.World.Applicant.PersonId}/approve"),
            () => c.World.Coordinator.DeleteAsync($"{c.Path(kind)}/members/{c.World.Applicant.PersonId}"),
            () => RejoinRequestAsync(c, kind, c.World.Applicant));
        requests[$"Reject{name}JoinRequest"] = async c => await RestoredAsync(
            await c.Post($"{c.Path(kind)}/join-requests/{c.World.Rejected.PersonId}/reject"),
            () => RejoinRequestAsync(c, kind, c.World.Rejected));
        requests[$"Get{name}Audit"] = c => c.Get($"{c.Path(kind)}/audit");
    }

    private static object ActionItemBody(Call c) => new { title = "Circulate the agenda", assigneePersonId = c.World.Coordinator.PersonId };

    /// <summary>An item the coordinator adds for the row, so each principal acts on one of its own.</summary>
    private static async Task<Guid> NewActionItemAsync(Call c)
    {
        var added = await c.World.Coordinator.PostAsync($"{c.Path(Committee)}/action-items", ActionItemBody(c));
        return (await TestClient.ReadAsync<System.Text.Json.JsonElement>(added, System.Net.HttpStatusCode.Created)).GetProperty("itemId").GetGuid();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(AccessWorld, Visibility), Task<string>> Documents = new();

    private static string SpaceId(Call c) => c.Path(Organisation).Split('/')[^1];

    /// <summary>The coordinator's document with one version in the row's organisation, made once per world and visibility.</summary>
    private static Task<string> DocumentAsync(Call c) => Documents.GetOrAdd((c.World, c.Visibility), _ => NewDocumentAsync(c));

    /// <summary>A fresh document of the coordinator's, with one Markdown version, for a row that removes it.</summary>
    private static async Task<string> NewDocumentAsync(Call c)
    {
        var created = await c.World.Coordinator.PostAsync($"/api/v1/spaces/organisation/{SpaceId(c)}/documents", new { title = "Plan de acción" });
        var path = $"/api/v1/documents/{(await TestClient.ReadAsync<System.Text.Json.JsonElement>(created, System.Net.HttpStatusCode.Created)).GetProperty("documentId").GetGuid()}";
        await Done(c.World.Coordinator.PostAsync($"{path}/versions/markdown", new { markdown = "# Capítulo 1\n\nTexto." }));
        return path;
    }

    private static MultipartFormDataContent UploadBody()
    {
        var file = new ByteArrayContent([1, 2, 3]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "plan.pdf" } };
    }

    /// <summary>A meeting the coordinator schedules for the row, so each principal changes one of its own.</summary>
    private static async Task<string> NewMeetingAsync(Call c) => (await c.World.NewMeetingAsync(c.Visibility)).Path;

    /// <summary>A new meeting with drafted minutes, for a row that changes them.</summary>
    private static async Task<string> NewMinutesAsync(Call c)
    {
        var meeting = await NewMeetingAsync(c);
        await Done(c.World.Coordinator.PostAsync($"{meeting}/minutes", new { }));
        return meeting;
    }

    private static object MotionBody(Guid item, Guid mover, Guid? seconder = null) =>
        new { title = "Presupuesto", text = "Aprobar el presupuesto.", moverSeatId = mover, seconderSeatId = seconder, agendaItemId = item };

    /// <summary>
    /// A new meeting with a motion the coordinator moves for the second seat; seconded by the held seat (and the meeting
    /// started, the held seat present) when it is to be put to the vote.
    /// </summary>
    private static async Task<(string Meeting, Guid Motion)> NewMotionAsync(Call c, bool seconded)
    {
        var (meeting, item) = await c.World.NewMeetingAsync(c.Visibility);
        var coordinator = c.World.Coordinator;
        if (seconded)
        {
            await Done(coordinator.PostAsync($"{meeting}/start"));
            await Done(coordinator.PutAsync($"{meeting}/attendance/{c.World.HeldSeat(c.Visibility)}", new { status = "present" }));
            await Done(coordinator.PutAsync($"{meeting}/attendance/{c.World.SecondSeat(c.Visibility)}", new { status = "present" }));
        }

        var proposed = await coordinator.PostAsync($"{meeting}/motions",
            MotionBody(item, c.World.SecondSeat(c.Visibility), seconded ? c.World.HeldSeat(c.Visibility) : null));
        return (meeting, (await TestClient.ReadAsync<System.Text.Json.JsonElement>(proposed, System.Net.HttpStatusCode.OK)).GetProperty("motionId").GetGuid());
    }

    private static async Task<(string Meeting, Guid Vote)> NewVoteAsync(Call c)
    {
        var (meeting, motion) = await NewMotionAsync(c, seconded: true);
        var opened = await c.World.Coordinator.PostAsync($"{meeting}/votes", new { motionId = motion });
        return (meeting, (await TestClient.ReadAsync<System.Text.Json.JsonElement>(opened, System.Net.HttpStatusCode.OK)).GetProperty("voteId").GetGuid());
    }

    /// <summary>A step that builds a row's target, which must succeed.</summary>
    private static async Task Done(Task<HttpResponseMessage> step)
    {
        var response = await step;
        Assert.True(response.IsSuccessStatusCode, $"building the row's target at {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string Session(Call c) => $"/api/v1/live-sessions/{c.World.OpenSession(c.Visibility)}";

    /// <summary>A private space takes no join requests, so the request waits again as it was made: while it was members-only.</summary>
    private static async Task<HttpResponseMessage> RejoinRequestAsync(Call c, SpaceKind kind, TestClient person)
    {
        var path = c.Path(kind);
        if (c.Visibility != Visibility.Private)
        {
            return await person.PostAsync($"{path}/join-requests", new { message = "Please" });
        }

        var coordinator = c.World.Coordinator;
        var parents = kind is WorkingGroup or Forum or Committee ? new[] { Coalition, kind } : [kind];
        foreach (var space in parents)
        {
            await TestClient.Expect(await coordinator.PutAsync(c.Path(space), UpdateBody(space, Visibility.MembersOnly)), System.Net.HttpStatusCode.OK);
        }

        var requested = await person.PostAsync($"{path}/join-requests", new { message = "Please" });
        foreach (var space in parents)
        {
            await TestClient.Expect(await coordinator.PutAsync(c.Path(space), UpdateBody(space, Visibility.Private)), System.Net.HttpStatusCode.OK);
        }

        return requested;
    }

    /// <summary>
    /// The coordinator is the only coordinator of the world's spaces, so is asked to hand over first; any other person
    /// would erase themself, so a newcomer stands in for them; the rest use their own credentials.
    /// </summary>
    private static async Task<HttpResponseMessage> EraseMeAsync(Call c)
    {
        if (c.Principal is Principal.Anonymous or Principal.SignedOut or Principal.OwnReadKey or Principal.OtherWriteKey or Principal.OwnWriteKey
            or Principal.Coordinator)
        {
            return await c.Client.DeleteAsync("/api/v1/me");
        }

        using var newcomer = await TestClient.SignedUpAsync(c.World.Host);
        return await newcomer.DeleteAsync("/api/v1/me");
    }

    private static async Task<HttpResponseMessage> SignOutAsync(Call c)
    {
        // A person signs out a second sign-in of theirs, so that their token stays good for the rows after this one.
        if (c.Principal is Principal.Anonymous or Principal.SignedOut or Principal.OwnReadKey or Principal.OtherWriteKey or Principal.OwnWriteKey)
        {
            return await c.Post("/api/v1/auth/sign-out");
        }

        using var second = await c.World.SecondSignInAsync(c.Principal);
        return await second.PostAsync("/api/v1/auth/sign-out");
    }

    /// <summary>When the request succeeded, puts the world back with the given steps (each must succeed).</summary>
    private static async Task<HttpResponseMessage> RestoredAsync(HttpResponseMessage response, params Func<Task<HttpResponseMessage>>[] restore)
    {
        if (response.IsSuccessStatusCode)
        {
            foreach (var step in restore)
            {
                var restored = await step();
                Assert.True(restored.IsSuccessStatusCode, $"restoring the world after {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)restored.StatusCode}");
            }
        }

        return response;
    }

    private static async Task<HttpResponseMessage> RestoredAsync(HttpResponseMessage response, Func<Task> restore)
    {
        if (response.IsSuccessStatusCode)
        {
            await restore();
        }

        return response;
    }
}
