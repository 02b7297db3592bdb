using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using static NetworkHub.Silo.Tests.Documents.DocumentTestData;

namespace NetworkHub.Silo.Tests.Documents;

public sealed class DocumentCommentsTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static PostCommentCommand On(string sectionId, string text = "Please add the rural municipalities.", int version = 1, string? quote = null,
        Guid? parent = null, Guid? organisation = null, Guid? round = null) =>
        new(version, sectionId, quote, parent, text, organisation, round);

    private async Task<(IDocumentGrain Document, IDocumentCommentsGrain Comments, Caller Coordinator, Caller Member, ISpaceGrain Space)> DocumentWithVersionAsync()
    {
        var (document, coordinator, member, space) = await DocumentAsync(_grains);
        await AddMarkdownAsync(fixture, document, coordinator, Sections("Introduction", "Land rights", "Budget"));
        return (document, _grains.GetGrain<IDocumentCommentsGrain>(document.GetPrimaryKey()), coordinator, member, space);
    }

    [Fact]
    public async Task PostAsync_AReplyToAReply_AttachesToTheThreadsFirstComment()
    {
        var (_, comments, coordinator, member, _) = await DocumentWithVersionAsync();
        var first = await comments.PostAsync(member, Guid.NewGuid(), On("s-land-rights", quote: "Text of Land rights"));
        var reply = await comments.PostAsync(coordinator, Guid.NewGuid(), On("s-budget", "Which ones?", parent: first.Comment.CommentId));
        var replyToReply = await comments.PostAsync(member, Guid.NewGuid(), On("s-budget", "Those in the north.", parent: reply.Comment.CommentId));

        var page = await comments.ListAsync(member, new CommentFilter(), null, 10);

        var thread = Assert.Single(page.Threads);
        Assert.Equal(first.Comment.CommentId, thread.Comment.Comment.CommentId);
        Assert.Equal([reply.Comment.CommentId, replyToReply.Comment.CommentId], thread.Replies.Select(r => r.Comment.CommentId));
        Assert.All(thread.Replies, r => Assert.Equal((first.Comment.CommentId, "s-land-rights", 1), (r.Comment.ParentId!.Value, r.Comment.SectionId, r.Comment.Version)));
        Assert.Equal("Text of Land rights", thread.Comment.Comment.Quote);
        Assert.Equal(("Member", "Coordinator"), (thread.Comment.AuthorName, thread.Replies[0].AuthorName));
        Assert.Equal(SectionMark.Unchanged, thread.Comment.Mark);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task PostAsync_SameIdAgainByItsAuthor_ReturnsTheCommentOnce()
    {
        var (_, comments, _, member, _) = await DocumentWithVersionAsync();
        var id = Guid.NewGuid();

        var first = await comments.PostAsync(member, id, On("s-budget"));
        var again = await comments.PostAsync(member, id, On("s-budget", "Something else"));

        Assert.Equal(first.Comment, again.Comment);
        Assert.Single((await comments.ListAsync(member, new CommentFilter(), null, 10)).Threads);
    }

    [Fact]
    public async Task PostAsync_AQuoteThatIsNotInTheSection_IsRejected_AndAnUnknownSectionIsNotFound()
    {
        var (_, comments, _, member, _) = await DocumentWithVersionAsync();

        var quote = await Assert.ThrowsAsync<RejectedException>(() => comments.PostAsync(member, Guid.NewGuid(), On("s-budget", quote: "Text of Land rights")));
        var section = await Assert.ThrowsAsync<NotFoundException>(() => comments.PostAsync(member, Guid.NewGuid(), On("s-annex")));
        var version = await Assert.ThrowsAsync<NotFoundException>(() => comments.PostAsync(member, Guid.NewGuid(), On("s-budget", version: 2)));

        Assert.Equal(CommentErrors.QuoteNotInSection, quote.Code);
        Assert.Equal(DocumentErrors.SectionNotFound, section.Code);
        Assert.Equal(DocumentErrors.VersionNotFound, version.Code);
        Assert.Empty((await comments.ListAsync(member, new CommentFilter(), null, 10)).Threads);
    }

    [Fact]
    public async Task SetStatusAsync_TheAuthorOrTheDraftingTeam_ResolveAndReopen_AnotherMemberMayNot()
    {
        var (document, comments, coordinator, member, space) = await DocumentWithVersionAsync();
        var other = await TestData.MemberAsync(_grains, space, coordinator, SpaceRole.Member, "Other");
        var comment = (await comments.PostAsync(member, Guid.NewGuid(), On("s-budget"))).Comment;

        var resolved = await comments.SetStatusAsync(member, comment.CommentId, CommentStatus.Resolved);
        var reopened = await comments.SetStatusAsync(coordinator, comment.CommentId, CommentStatus.Open);
        var byOther = await Assert.ThrowsAsync<ForbiddenException>(() => comments.SetStatusAsync(other, comment.CommentId, CommentStatus.Resolved));
        await comments.SetStatusAsync(coordinator, comment.CommentId, CommentStatus.Resolved);

        Assert.Equal((CommentStatus.Resolved, CommentStatus.Open), (resolved.Comment.Status, reopened.Comment.Status));
        Assert.Equal(CommentErrors.NotCommentAuthor, byOther.Code);
        Assert.Equal([comment.CommentId], (await comments.ListAsync(member, new CommentFilter(Status: CommentStatus.Resolved), null, 10)).Threads.Select(t => t.Comment.Comment.CommentId));
        var events = (await document.GetEventsAsync(0)).Events!.Select(e => e.Change).ToList();
        Assert.Contains(events, e => e is CommentPosted posted && posted.Comment.CommentId == comment.CommentId);
        Assert.Equal(3, events.Count(e => e is CommentChanged changed && changed.Comment.CommentId == comment.CommentId));
    }

    [Fact]
    public async Task ListAsync_CommentsOnAnOlderVersion_StayVisible_MarkedChangedOrVanished()
    {
        var (document, comments, coordinator, member, _) = await DocumentWithVersionAsync();
        var onIntroduction = await comments.PostAsync(member, Guid.NewGuid(), On("s-introduction"));
        var onLand = await comments.PostAsync(member, Guid.NewGuid(), On("s-land-rights"));
        var onBudget = await comments.PostAsync(member, Guid.NewGuid(), On("s-budget"));
        var sections = Sections("Introduction", "Land rights");
        sections[1] = sections[1] with { Text = "Land rights, rewritten after the consultation." };
        await AddMarkdownAsync(fixture, document, coordinator, sections);

        var page = await comments.ListAsync(member, new CommentFilter(Version: 1), null, 10);

        Assert.Equal(
            [(onIntroduction.Comment.CommentId, SectionMark.Unchanged), (onLand.Comment.CommentId, SectionMark.Changed), (onBudget.Comment.CommentId, SectionMark.Vanished)],
            page.Threads.Select(t => (t.Comment.Comment.CommentId, t.Comment.Mark!.Value)));
        Assert.Empty((await comments.ListAsync(member, new CommentFilter(Version: 2), null, 10)).Threads);
    }

    [Fact]
    public async Task ListAsync_PagesThreadsInOrder()
    {
        var (_, comments, _, member, _) = await DocumentWithVersionAsync();
        var posted = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add((await comments.PostAsync(member, Guid.NewGuid(), On("s-budget", $"Point {i}"))).Comment.CommentId);
        }

        var first = await comments.ListAsync(member, new CommentFilter(), null, 2);
        var second = await comments.ListAsync(member, new CommentFilter(), first.Next, 2);
        var third = await comments.ListAsync(member, new CommentFilter(), second.Next, 2);

        Assert.Equal(posted, first.Threads.Concat(second.Threads).Concat(third.Threads).Select(t => t.Comment.Comment.CommentId));
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task EveryMethod_ForAnOutsider_IsTheDocumentsNotFound()
    {
        var (_, comments, _, member, _) = await DocumentWithVersionAsync();
        var outsider = await TestData.PersonAsync(_grains, "Outsider");
        var comment = (await comments.PostAsync(member, Guid.NewGuid(), On("s-budget"))).Comment;

        List<Func<Task>> calls =
        [
            () => comments.PostAsync(outsider, Guid.NewGuid(), On("s-budget")),
            () => comments.PostAsync(outsider, Guid.NewGuid(), On("s-budget", round: Guid.NewGuid())),
            () => comments.SetStatusAsync(outsider, comment.CommentId, CommentStatus.Resolved),
            () => comments.RespondAsync(outsider, comment.CommentId, ResponseKind.Accepted, null),
            () => comments.ListAsync(outsider, new CommentFilter(), null, 10),
            () => comments.ListAsync(outsider, new CommentFilter(RoundId: Guid.NewGuid()), null, 10),
        ];
        foreach (var call in calls)
        {
            Assert.Equal(DocumentErrors.NotFound, (await Assert.ThrowsAsync<NotFoundException>(call)).Code);
        }
    }

    [Fact]
    public async Task RespondAsync_OnlyTheDraftingTeam_AndOnlyToAFirstComment()
    {
        var (_, comments, coordinator, member, _) = await DocumentWithVersionAsync();
        var comment = (await comments.PostAsync(member, Guid.NewGuid(), On("s-budget"))).Comment;
        var reply = (await comments.PostAsync(coordinator, Guid.NewGuid(), On("s-budget", "Noted.", parent: comment.CommentId))).Comment;

        var byMember = await Assert.ThrowsAsync<ForbiddenException>(() => comments.RespondAsync(member, comment.CommentId, ResponseKind.Accepted, null));
        var toReply = await Assert.ThrowsAsync<RejectedException>(() => comments.RespondAsync(coordinator, reply.CommentId, ResponseKind.Accepted, null));
        var answered = await comments.RespondAsync(coordinator, comment.CommentId, ResponseKind.PartlyAccepted, "Two of the three.");

        Assert.Equal(DocumentErrors.NotDraftingTeam, byMember.Code);
        Assert.Equal(CommentErrors.ResponseToReply, toReply.Code);
        Assert.Equal((ResponseKind.PartlyAccepted, "Two of the three.", coordinator.PersonId!.Value), (answered.Comment.Response!.Kind, answered.Comment.Response.Reply, answered.Comment.Response.ResponderPersonId));
        Assert.Equal("Coordinator", answered.ResponderName);
        Assert.Equal(answered.Comment.Response, (await comments.ListAsync(member, new CommentFilter(), null, 10)).Threads[0].Comment.Comment.Response);
    }

    [Fact]
    public async Task PostAsync_SpeakingForAnOrganisation_OnlyOneTheAuthorBelongsTo_NamedWithTheComment()
    {
        var (_, comments, coordinator, member, _) = await DocumentWithVersionAsync();
        var (organisation, organisationCoordinator, _) = await OrganisationAsync(_grains, Visibility.Private);
        await JoinAsync(organisation, organisationCoordinator, member);

        var notTheirs = await Assert.ThrowsAsync<RejectedException>(() =>
            comments.PostAsync(coordinator, Guid.NewGuid(), On("s-budget", organisation: organisation.GetPrimaryKey())));
        var posted = await comments.PostAsync(member, Guid.NewGuid(), On("s-budget", organisation: organisation.GetPrimaryKey()));
        var seenByCoordinator = (await comments.ListAsync(coordinator, new CommentFilter(), null, 10)).Threads[0].Comment;

        Assert.Equal(CommentErrors.OrganisationInvalid, notTheirs.Code);
        Assert.Equal(organisation.GetPrimaryKey(), posted.Comment.OrganisationId);
        Assert.Equal("Red de Defensoras", seenByCoordinator.OrganisationName);
    }

    [Fact]
    public async Task ListAsync_AnAuthorWithAPseudonym_IsNamedByItToThoseWhoAreNotFellowMembers()
    {
        var (_, comments, coordinator, member, space) = await DocumentWithVersionAsync();
        var hidden = await TestData.PersonAsync(_grains, "Real Name", pseudonym: "Lechuza");
        await JoinAsync(space, coordinator, hidden);
        await comments.PostAsync(hidden, Guid.NewGuid(), On("s-budget"));

        var toMember = (await comments.ListAsync(member, new CommentFilter(), null, 10)).Threads[0].Comment.AuthorName;
        await space.RemoveMemberAsync(coordinator, hidden.PersonId!.Value);
        var afterLeaving = (await comments.ListAsync(member, new CommentFilter(), null, 10)).Threads[0].Comment.AuthorName;

        Assert.Equal(("Real Name", "Lechuza"), (toMember, afterLeaving));
    }

    private static async Task JoinAsync(ISpaceGrain space, Caller coordinator, Caller person)
    {
        var invitation = await space.InviteAsync(coordinator, new InviteCommand(SpaceRole.Member, TimeSpan.FromDays(7), null));
        var token = TestData.Token(invitation);
        await space.AcceptInvitationAsync(person, token.InvitationId, token.Secret);
    }
}
