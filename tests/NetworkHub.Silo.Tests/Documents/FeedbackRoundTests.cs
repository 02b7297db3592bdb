using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;
using static NetworkHub.Silo.Tests.Documents.DocumentTestData;

namespace NetworkHub.Silo.Tests.Documents;

/// <summary>Rounds move the shared clock (their deadlines), so they run alone.</summary>
[Collection(nameof(ClockCollection))]
public sealed class FeedbackRoundTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static DateTimeOffset InDays(double days) => ClusterFixture.Clock.GetUtcNow().AddDays(days);

    /// <summary>
    /// A private organisation's document with three chapters, and a second organisation (invited for the land rights
    /// chapter only) with a member of its own who is not in the document's space.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var (document, coordinator, member, space) = await DocumentAsync(_grains);
        await AddMarkdownAsync(fixture, document, coordinator, Sections("Introduction", "Land rights", "Budget"));
        var (invited, invitedCoordinator, invitedSpace) = await OrganisationAsync(_grains, Visibility.Private);
        var invitee = await TestData.MemberAsync(_grains, invited, invitedCoordinator, SpaceRole.Member, "Invitee");

        // The drafting team must be able to see the group it invites: the document's coordinator joins it as observer.
        var look = await invited.InviteAsync(invitedCoordinator, new InviteCommand(SpaceRole.Observer, TimeSpan.FromDays(7), null));
        var token = TestData.Token(look);
        await invited.AcceptInvitationAsync(coordinator, token.InvitationId, token.Secret);
        return new World(document, _grains.GetGrain<IDocumentCommentsGrain>(document.GetPrimaryKey()), coordinator, member, space, invitedSpace, invitee);
    }

    private sealed record World(
        IDocumentGrain Document, IDocumentCommentsGrain Comments, Caller Coordinator, Caller Member, ISpaceGrain Space, SpaceRef Invited, Caller Invitee)
    {
        public Guid DocumentId => Document.GetPrimaryKey();

        public SpaceRef DocumentSpace => new(SpaceKind.Organisation, Space.GetPrimaryKey());
    }

    private async Task<(IFeedbackRoundGrain Round, FeedbackRoundDetails Details)> OpenAsync(World w, DateTimeOffset? deadline = null)
    {
        var round = _grains.GetGrain<IFeedbackRoundGrain>(Guid.NewGuid());
        var details = await round.OpenAsync(w.Coordinator, w.DocumentId, new OpenRoundCommand(
            1, "Chapter review", "Comment chapter by chapter.", deadline ?? InDays(14), [new RoundGroup(w.Invited, ["s-land-rights"])]));
        return (round, details);
    }

    private static PostCommentCommand On(string section, Guid round, string text = "Add the customary tenure.", Guid? parent = null) =>
        new(1, section, null, parent, text, null, round);

    [Fact]
    public async Task ARound_ClosesAtItsDeadline_ByItsReminder_ThenTakesNoComments_ButResponsesGoOn()
    {
        var w = await WorldAsync();
        var (round, opened) = await OpenAsync(w, InDays(2));
        var comment = await w.Comments.PostAsync(w.Invitee, Guid.NewGuid(), On("s-land-rights", opened.RoundId));

        ClusterFixture.Clock.Advance(TimeSpan.FromDays(3));
        await round.AsReference<IRemindable>().ReceiveReminder(FeedbackRoundGrain.DeadlineReminder, default, TestContext.Current.CancellationToken);

        var closed = await round.GetAsync(w.Coordinator);
        var late = await Assert.ThrowsAsync<ConflictException>(() => w.Comments.PostAsync(w.Invitee, Guid.NewGuid(), On("s-land-rights", opened.RoundId)));
        var answered = await w.Comments.RespondAsync(w.Coordinator, comment.Comment.CommentId, ResponseKind.Accepted, "Added in chapter 2.");

        Assert.Equal(RoundStatus.Open, opened.Status);
        Assert.Equal(RoundStatus.Closed, closed.Status);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow(), closed.ClosedAt);
        Assert.Equal(DocumentErrors.RoundClosed, late.Code);
        Assert.Equal(ResponseKind.Accepted, answered.Comment.Response!.Kind);
        Assert.Empty(await _grains.GetGrain<IFeedbackRoundIndexGrain>(0).MineAsync(w.Invitee));
        Assert.Equal(RoundStatus.Closed, Assert.Single(await _grains.GetGrain<IFeedbackRoundIndexGrain>(0).ForDocumentAsync(w.Coordinator, w.DocumentId)).Status);
    }

    [Fact]
    public async Task CloseAsync_Early_ByTheDraftingTeamOnly()
    {
        var w = await WorldAsync();
        var (round, opened) = await OpenAsync(w);

        var byMember = await Assert.ThrowsAsync<ForbiddenException>(() => round.CloseAsync(w.Member));
        var byInvitee = await Assert.ThrowsAsync<NotFoundException>(() => round.CloseAsync(w.Invitee));
        var closed = await round.CloseAsync(w.Coordinator);
        var late = await Assert.ThrowsAsync<ConflictException>(() => w.Comments.PostAsync(w.Member, Guid.NewGuid(), On("s-budget", opened.RoundId)));

        Assert.Equal(DocumentErrors.NotDraftingTeam, byMember.Code);
        Assert.Equal(DocumentErrors.RoundNotFound, byInvitee.Code);
        Assert.Equal(RoundStatus.Closed, closed.Status);
        Assert.Equal(DocumentErrors.RoundClosed, late.Code);
    }

    [Fact]
    public async Task AnInviteeFromAnotherOrganisation_ReadsAndCommentsOnTheirAssignedChapterOnly()
    {
        var w = await WorldAsync();
        var (round, opened) = await OpenAsync(w);

        var asInvitee = await round.GetAsync(w.Invitee);
        var comment = await w.Comments.PostAsync(w.Invitee, Guid.NewGuid(), On("s-land-rights", opened.RoundId));
        var otherChapter = await Assert.ThrowsAsync<ForbiddenException>(() => w.Comments.PostAsync(w.Invitee, Guid.NewGuid(), On("s-budget", opened.RoundId)));
        var withoutRound = await Assert.ThrowsAsync<NotFoundException>(() => w.Comments.PostAsync(w.Invitee, Guid.NewGuid(), new PostCommentCommand(1, "s-land-rights", null, null, "x", null, null)));
        var reply = await w.Comments.PostAsync(w.Coordinator, Guid.NewGuid(), On("s-land-rights", opened.RoundId, "Could you say which?", comment.Comment.CommentId));
        var seen = await w.Comments.ListAsync(w.Invitee, new CommentFilter(RoundId: opened.RoundId), null, 10);
        var document = await Assert.ThrowsAsync<NotFoundException>(() => w.Document.GetAsync(w.Invitee));

        Assert.Equal(["s-land-rights"], asInvitee.Sections.Select(s => s.SectionId));
        Assert.Equal("Text of Land rights, paragraph 1.", asInvitee.Sections[0].Text);
        Assert.Equal([w.Invited], asInvitee.YourGroups);
        Assert.Equal([w.Invited], asInvitee.Groups.Select(g => g.Space));
        Assert.False(asInvitee.CanManage);
        Assert.Equal(w.Invited, comment.Comment.Group);
        Assert.Equal(DocumentErrors.NotInvited, otherChapter.Code);
        Assert.Equal(DocumentErrors.NotFound, withoutRound.Code);
        var thread = Assert.Single(seen.Threads);
        Assert.Equal([reply.Comment.CommentId], thread.Replies.Select(r => r.Comment.CommentId));
        Assert.Null(thread.Comment.Mark);
        Assert.Equal(DocumentErrors.NotFound, document.Code);
        Assert.Equal(3, (await round.GetAsync(w.Member)).Sections.Count);
    }

    [Fact]
    public async Task EveryRoundMethod_ForAnOutsider_IsNotFound_AsForAnUnknownRound()
    {
        var w = await WorldAsync();
        var (round, opened) = await OpenAsync(w);
        var outsider = await TestData.PersonAsync(_grains, "Outsider");
        var unknown = _grains.GetGrain<IFeedbackRoundGrain>(Guid.NewGuid());

        foreach (var grain in new[] { round, unknown })
        {
            Assert.Equal(DocumentErrors.RoundNotFound, (await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync(outsider))).Code);
            Assert.Equal(DocumentErrors.RoundNotFound, (await Assert.ThrowsAsync<NotFoundException>(() => grain.GetReportAsync(outsider))).Code);
            Assert.Equal(DocumentErrors.RoundNotFound, (await Assert.ThrowsAsync<NotFoundException>(() => grain.CloseAsync(outsider))).Code);
        }

        Assert.Equal(DocumentErrors.NotFound, (await Assert.ThrowsAsync<NotFoundException>(() => w.Comments.PostAsync(outsider, Guid.NewGuid(), On("s-land-rights", opened.RoundId)))).Code);
        Assert.Equal(DocumentErrors.NotFound, (await Assert.ThrowsAsync<NotFoundException>(() => w.Comments.ListAsync(outsider, new CommentFilter(RoundId: opened.RoundId), null, 10))).Code);
        Assert.Equal(DocumentErrors.NotFound, (await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<IFeedbackRoundIndexGrain>(0).ForDocumentAsync(outsider, w.DocumentId))).Code);
        Assert.Empty(await _grains.GetGrain<IFeedbackRoundIndexGrain>(0).MineAsync(outsider));
    }

    [Fact]
    public async Task MineAsync_ListsOpenRoundsAskingThePersonsGroups_WithTheSectionsAndDeadline()
    {
        var w = await WorldAsync();
        var (_, opened) = await OpenAsync(w);

        var mine = Assert.Single(await _grains.GetGrain<IFeedbackRoundIndexGrain>(0).MineAsync(w.Invitee), r => r.RoundId == opened.RoundId);

        Assert.Equal((w.DocumentId, 1, "Chapter review", opened.Deadline, w.Invited, "Red de Defensoras"),
            (mine.DocumentId, mine.Version, mine.Title, mine.Deadline, mine.Group, mine.GroupName));
        Assert.Equal(["s-land-rights"], mine.SectionIds);
        Assert.Empty(await _grains.GetGrain<IFeedbackRoundIndexGrain>(0).MineAsync(w.Member));
    }

    [Fact]
    public async Task OpenAsync_RefusesPastOrFarDeadlines_UnseenGroups_UnknownSections_AndNonDraftingTeam()
    {
        var w = await WorldAsync();
        var (_, _, hidden) = await OrganisationAsync(_grains, Visibility.Private);
        OpenRoundCommand Command(DateTimeOffset deadline, params RoundGroup[] groups) => new(1, "Review", null, deadline, groups);
        var fine = new RoundGroup(w.Invited, []);

        async Task<string> Rejected(Caller caller, OpenRoundCommand command) =>
            (await Assert.ThrowsAnyAsync<DomainException>(() => _grains.GetGrain<IFeedbackRoundGrain>(Guid.NewGuid()).OpenAsync(caller, w.DocumentId, command))).Code;

        Assert.Equal(CommentErrors.DeadlineInvalid, await Rejected(w.Coordinator, Command(InDays(-1), fine)));
        Assert.Equal(CommentErrors.DeadlineInvalid, await Rejected(w.Coordinator, Command(InDays(400), fine)));
        Assert.Equal(CommentErrors.GroupInvalid, await Rejected(w.Coordinator, Command(InDays(3), new RoundGroup(hidden, []))));
        Assert.Equal(CommentErrors.GroupInvalid, await Rejected(w.Coordinator, Command(InDays(3), new RoundGroup(w.Invited, ["s-annex"]))));
        Assert.Equal(CommentErrors.GroupInvalid, await Rejected(w.Coordinator, Command(InDays(3), fine, fine)));
        Assert.Equal(CommentErrors.GroupInvalid, await Rejected(w.Coordinator, Command(InDays(3))));
        Assert.Equal(DocumentErrors.NotDraftingTeam, await Rejected(w.Member, Command(InDays(3), fine)));
        Assert.Equal(DocumentErrors.NotFound, await Rejected(w.Invitee, Command(InDays(3), fine)));
    }

    [Fact]
    public async Task GetReportAsync_PerSectionInTheVersionsOrder_WithResponses_TheCommenterSeesTheirOwn()
    {
        var w = await WorldAsync();
        var round = _grains.GetGrain<IFeedbackRoundGrain>(Guid.NewGuid());
        var opened = await round.OpenAsync(w.Coordinator, w.DocumentId, new OpenRoundCommand(
            1, "Whole plan", null, InDays(10), [new RoundGroup(w.Invited, ["s-land-rights"]), new RoundGroup(w.DocumentSpace, [])]));
        var onBudget = await w.Comments.PostAsync(w.Member, Guid.NewGuid(), On("s-budget", opened.RoundId, "Budget line 4 is missing."));
        var onLand = await w.Comments.PostAsync(w.Invitee, Guid.NewGuid(), On("s-land-rights", opened.RoundId));
        await w.Comments.PostAsync(w.Coordinator, Guid.NewGuid(), On("s-land-rights", opened.RoundId, "Thanks.", onLand.Comment.CommentId));
        await w.Comments.RespondAsync(w.Coordinator, onLand.Comment.CommentId, ResponseKind.NotTaken, "Out of scope.");
        await w.Comments.PostAsync(w.Member, Guid.NewGuid(), new PostCommentCommand(1, "s-budget", null, null, "Outside the round.", null, null));

        var full = await round.GetReportAsync(w.Coordinator);
        var own = await round.GetReportAsync(w.Invitee);

        Assert.Equal(["s-introduction", "s-land-rights", "s-budget"], full.Sections.Select(s => s.SectionId));
        Assert.Equal([0, 1, 1], full.Sections.Select(s => s.Threads.Count));
        var land = full.Sections[1].Threads[0];
        Assert.Equal((ResponseKind.NotTaken, "Out of scope."), (land.Comment.Comment.Response!.Kind, land.Comment.Comment.Response.Reply));
        Assert.Equal(w.Invited, land.Comment.Comment.Group);
        Assert.Single(land.Replies);
        Assert.Equal(onBudget.Comment.CommentId, full.Sections[2].Threads[0].Comment.Comment.CommentId);
        Assert.Equal(["s-land-rights"], own.Sections.Select(s => s.SectionId));
        Assert.Equal(ResponseKind.NotTaken, own.Sections[0].Threads[0].Comment.Comment.Response!.Kind);
        Assert.Equal([w.Invited], own.Groups.Select(g => g.Space));
    }
}
