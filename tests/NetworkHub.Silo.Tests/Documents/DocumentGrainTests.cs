using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using static NetworkHub.Silo.Tests.Documents.DocumentTestData;

namespace NetworkHub.Silo.Tests.Documents;

public sealed class DocumentGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task CreateAsync_ByAMember_StoresNormalisedDetails_AndRepeatingItReturnsTheSameDocument()
    {
        var (organisation, coordinator, space) = await OrganisationAsync(_grains, Visibility.Private);
        var member = await TestData.MemberAsync(_grains, organisation, coordinator, SpaceRole.Member);
        var document = _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7());
        var profile = new DocumentProfile("  Plan  ", " ", [" Gender ", "gender", "Land  rights"], "FR-ca", DocumentStatus.Draft);

        var created = await document.CreateAsync(member, space, profile);
        var again = await document.CreateAsync(member, space, profile);

        Assert.Equal(("Plan", (string?)null, "fr-CA"), (created.Title, created.Description, created.Language));
        Assert.Equal(["gender", "land rights"], created.Tags);
        Assert.Equal(1, created.Version);
        Assert.Equal(member.PersonId, created.CreatedBy);
        Assert.True(created.CanManage);
        Assert.Equal(created.Version, again.Version);
    }

    [Fact]
    public async Task CreateAsync_ByAnObserverOrAnOutsider_IsRefused()
    {
        var (organisation, coordinator, space) = await OrganisationAsync(_grains, Visibility.MembersOnly);
        var observer = await TestData.MemberAsync(_grains, organisation, coordinator, SpaceRole.Observer);
        var outsider = await TestData.PersonAsync(_grains);

        var byObserver = await Assert.ThrowsAsync<ForbiddenException>(() => _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7()).CreateAsync(observer, space, Profile()));
        var byOutsider = await Assert.ThrowsAsync<ForbiddenException>(() => _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7()).CreateAsync(outsider, space, Profile()));
        var anonymous = await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7()).CreateAsync(Caller.Anonymous, space, Profile()));

        Assert.Equal(ErrorCodes.NotMember, byObserver.Code);
        Assert.Equal(ErrorCodes.NotMember, byOutsider.Code);
        Assert.Equal(ErrorCodes.SpaceNotFound, anonymous.Code);
    }

    [Fact]
    public async Task CreateAsync_InAPrivateSpaceOfOthers_IsTheSpacesNotFound()
    {
        var (_, _, space) = await OrganisationAsync(_grains, Visibility.Private);
        var outsider = await TestData.PersonAsync(_grains);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7()).CreateAsync(outsider, space, Profile()));

        Assert.Equal(ErrorCodes.SpaceNotFound, error.Code);
    }

    [Fact]
    public async Task EveryMethod_ForAnIdNobodyCreated_IsNotFound_AndCreatesNothing()
    {
        var person = await TestData.PersonAsync(_grains);
        var document = _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7());

        List<Func<Task>> calls =
        [
            () => document.GetAsync(person),
            () => document.GetAccessAsync(person),
            () => document.GetOutlineAsync(person, null),
            () => document.GetVersionTextAsync(1),
            () => document.GetVersionsAsync(person),
            () => document.GetVersionFilesAsync(person, 1),
            () => document.UpdateAsync(person, Profile(), null),
            () => document.RequireContributorAsync(person),
            () => document.DeleteAsync(person, null),
            () => document.PublishAsync(new CommentChanged(null!)),
            () => document.JoinAsync(person, "host", null),
            () => document.GetEventsAsync(0),
        ];
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<NotFoundException>(call);
            Assert.Equal(DocumentErrors.NotFound, error.Code);
        }
    }

    [Fact]
    public async Task APrivateSpacesDocument_IsNotFoundToOutsiders_AsAnUnknownId()
    {
        var (document, coordinator, _, _) = await DocumentAsync(_grains, Visibility.Private);
        var outsider = await TestData.PersonAsync(_grains);

        var person = await Assert.ThrowsAsync<NotFoundException>(() => document.GetAsync(outsider));
        var anonymous = await Assert.ThrowsAsync<NotFoundException>(() => document.GetAccessAsync(Caller.Anonymous));
        var key = await Assert.ThrowsAsync<NotFoundException>(() => document.GetVersionsAsync(Caller.ApiKey(Guid.CreateVersion7(), ApiKeyScope.ReadWrite)));

        Assert.All(new[] { person, anonymous, key }, e => Assert.Equal(DocumentErrors.NotFound, e.Code));
        Assert.Equal("National action plan", (await document.GetAsync(coordinator)).Title);
    }

    [Fact]
    public async Task AMembersOnlySpacesDocument_IsNotFoundToSignedInOutsiders_WhoSeeTheSpace()
    {
        var (document, _, _, space) = await DocumentAsync(_grains, Visibility.MembersOnly);
        var outsider = await TestData.PersonAsync(_grains);

        await space.GetSummaryAsync(outsider);
        var error = await Assert.ThrowsAsync<NotFoundException>(() => document.GetAsync(outsider));

        Assert.Equal(DocumentErrors.NotFound, error.Code);
    }

    [Fact]
    public async Task APublicSpacesDocument_IsReadByAnyone_ButChangedOnlyByItsPeople()
    {
        var (document, _, _, _) = await DocumentAsync(_grains, Visibility.Public);
        var outsider = await TestData.PersonAsync(_grains);

        var view = await document.GetAsync(Caller.Anonymous);
        var access = await document.GetAccessAsync(outsider);
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => document.RequireContributorAsync(outsider));

        Assert.False(view.CanComment);
        Assert.Equal((false, false), (access.CanComment, access.CanManage));
        Assert.Equal(ErrorCodes.NotMember, error.Code);
    }

    [Fact]
    public async Task ASpaceMadePrivate_HidesItsDocumentsAtOnce()
    {
        var (organisation, coordinator, space) = await OrganisationAsync(_grains, Visibility.Public);
        var document = _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7());
        await document.CreateAsync(coordinator, space, Profile());
        var outsider = await TestData.PersonAsync(_grains);
        await document.GetAsync(outsider);

        var details = await organisation.GetAsync(coordinator);
        await organisation.UpdateAsync(coordinator, new OrganisationProfile(details.Name, details.Kind, details.Country, null, [], null, null, Visibility.Private), null);
        var error = await Assert.ThrowsAsync<NotFoundException>(() => document.GetAsync(outsider));

        Assert.Equal(DocumentErrors.NotFound, error.Code);
    }

    [Fact]
    public async Task ARemovedMember_NoLongerSeesTheDocument()
    {
        var (document, coordinator, member, space) = await DocumentAsync(_grains);
        await document.GetAsync(member);

        await space.RemoveMemberAsync(coordinator, member.PersonId!.Value);
        var error = await Assert.ThrowsAsync<NotFoundException>(() => document.GetAsync(member));

        Assert.Equal(DocumentErrors.NotFound, error.Code);
    }

    [Fact]
    public async Task UpdateAsync_ByCoordinatorOrCreator_ChangesDetails_OthersAreRefused_AndAStaleVersionFails()
    {
        var (document, coordinator, member, space) = await DocumentAsync(_grains);
        var other = await TestData.MemberAsync(_grains, space, coordinator, SpaceRole.Member, "Other");
        var byMember = _grains.GetGrain<IDocumentGrain>(Guid.CreateVersion7());
        await byMember.CreateAsync(member, (await document.GetAsync(member)).Space, Profile("Member's notes"));

        var updated = await document.UpdateAsync(coordinator, Profile("Revised plan", "consultation") with { Status = DocumentStatus.UnderConsultation }, 1);
        var stale = await Assert.ThrowsAsync<PreconditionFailedException>(() => document.UpdateAsync(coordinator, Profile(), 1));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => document.UpdateAsync(member, Profile(), null));
        var byCreator = await byMember.UpdateAsync(member, Profile("Member's notes, revised"), null);
        var byOther = await Assert.ThrowsAsync<ForbiddenException>(() => byMember.UpdateAsync(other, Profile(), null));
        var byCoordinator = await byMember.UpdateAsync(coordinator, Profile("Tidied"), null);

        Assert.Equal(("Revised plan", DocumentStatus.UnderConsultation, 2), (updated.Title, updated.Status, updated.Version));
        Assert.Equal(["consultation"], updated.Tags);
        Assert.Equal(ErrorCodes.VersionMismatch, stale.Code);
        Assert.Equal(ErrorCodes.NotCoordinator, refused.Code);
        Assert.Equal("Member's notes, revised", byCreator.Title);
        Assert.Equal(ErrorCodes.NotCoordinator, byOther.Code);
        Assert.Equal("Tidied", byCoordinator.Title);
    }

    [Theory]
    [InlineData("", "fr")]
    [InlineData("Plan", "not a language")]
    [InlineData("Plan", "e")]
    public async Task UpdateAsync_WithInvalidDetails_IsRejected(string title, string language)
    {
        var (document, coordinator, _, _) = await DocumentAsync(_grains);

        var error = await Assert.ThrowsAsync<RejectedException>(() => document.UpdateAsync(coordinator, Profile(title) with { Language = language }, null));

        Assert.Equal(DocumentErrors.InvalidInput, error.Code);
    }

    [Fact]
    public async Task UpdateAsync_WithTooManyOrTooLongTags_IsRejected()
    {
        var (document, coordinator, _, _) = await DocumentAsync(_grains);

        var many = await Assert.ThrowsAsync<RejectedException>(() => document.UpdateAsync(coordinator, Profile("Plan", [.. Enumerable.Range(0, DocumentLimits.MaxTags + 1).Select(i => $"t{i}")]), null));
        var longTag = await Assert.ThrowsAsync<RejectedException>(() => document.UpdateAsync(coordinator, Profile("Plan", new string('x', DocumentLimits.TagMaxLength + 1)), null));

        Assert.Equal(DocumentErrors.InvalidInput, many.Code);
        Assert.Equal(DocumentErrors.InvalidInput, longTag.Code);
    }

    [Fact]
    public async Task AddVersionAsync_AMarkdownVersion_IsNumbered_AndItsOutlineAndTextAreRead()
    {
        var (document, coordinator, member, _) = await DocumentAsync(_grains);

        var first = await AddMarkdownAsync(fixture, document, member, Sections("Introduction", "Chapter one"), "first draft");
        var second = await AddMarkdownAsync(fixture, document, coordinator, Sections("Introduction", "Chapter one", "Chapter two"));
        var view = await document.GetAsync(member);
        var latest = await document.GetOutlineAsync(member, null);
        var older = await document.GetOutlineAsync(member, 1);
        var text = await document.GetVersionTextAsync(1);
        var access = await document.GetAccessAsync(member);

        Assert.Equal((1, 2, 2, 3), (first.Number, first.SectionCount, second.Number, second.SectionCount));
        Assert.Equal((VersionSource.Markdown, "plan.md", "first draft"), (first.Source, first.FileName, first.ChangeNote));
        Assert.Equal(member.PersonId, first.AuthorPersonId);
        Assert.Equal(2, view.Latest!.Number);
        Assert.Equal(3, view.Version);
        Assert.Equal((2, 3), (latest.Version, latest.Sections.Count));
        Assert.Equal(["s-introduction", "s-chapter-one"], older.Sections.Select(s => s.SectionId));
        Assert.Equal(older.Sections[0].TextHash, latest.Sections[0].TextHash);
        Assert.Equal(("National action plan", 1), (text.Title, text.Version.Number));
        Assert.Equal("Text of Chapter one, paragraph 1.", text.Sections[1].Text);
        Assert.Equal(2, access.LatestVersion);
        Assert.Equal(2, (await document.GetVersionsAsync(member)).Count);
    }

    [Fact]
    public async Task AddVersionAsync_RepeatedForTheSameContent_AddsOneVersion()
    {
        var (document, coordinator, _, _) = await DocumentAsync(_grains);
        var store = Content(fixture);
        var bytes = await store.WriteAsync(new MemoryStream([1, 2, 3]), 10, CancellationToken.None);
        var command = new AddVersionCommand(VersionSource.Upload, "../../etc/passwd\0", "application/octet-stream", bytes.ContentId, bytes.Size, bytes.Sha256, null, [], null);

        var first = await document.AddVersionAsync(coordinator, command);
        var again = await document.AddVersionAsync(coordinator, command);

        Assert.Equal(first, again);
        Assert.Equal("passwd", first.FileName);
        Assert.Single(await document.GetVersionsAsync(coordinator));
        Assert.Equal(0, first.SectionCount);
        Assert.Empty((await document.GetOutlineAsync(coordinator, 1)).Sections);
    }

    [Fact]
    public async Task AddVersionAsync_PastTheLimit_IsRefusedWithTooManyVersions()
    {
        var (document, coordinator, _, _) = await DocumentAsync(_grains);
        for (var i = 0; i < DocumentLimits.MaxVersions; i++)
        {
            await document.AddVersionAsync(coordinator, new AddVersionCommand(VersionSource.Upload, "a.bin", "application/octet-stream", Guid.CreateVersion7(), 0,
                new string('0', 64), null, [], null));
        }

        var before = await Assert.ThrowsAsync<ConflictException>(() => document.RequireContributorAsync(coordinator));
        var error = await Assert.ThrowsAsync<ConflictException>(() => document.AddVersionAsync(coordinator, new AddVersionCommand(VersionSource.Upload, "a.bin",
            "application/octet-stream", Guid.CreateVersion7(), 0, new string('0', 64), null, [], null)));

        Assert.Equal(DocumentErrors.TooManyVersions, before.Code);
        Assert.Equal(DocumentErrors.TooManyVersions, error.Code);
        Assert.Equal(DocumentLimits.MaxVersions, (await document.GetVersionsAsync(coordinator)).Count);
    }

    [Fact]
    public async Task AddVersionAsync_ByAnObserver_IsRefused_ButTheyRead()
    {
        var (document, coordinator, _, space) = await DocumentAsync(_grains);
        var observer = await TestData.MemberAsync(_grains, space, coordinator, SpaceRole.Observer, "Observer");

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => document.RequireContributorAsync(observer));
        var access = await document.GetAccessAsync(observer);

        Assert.Equal(ErrorCodes.NotMember, error.Code);
        Assert.Equal((SpaceRole.Observer, false, false), (access.Role!.Value, access.CanComment, access.CanManage));
    }

    [Fact]
    public async Task AnOrganisationsApiKey_ReadsWithReadScope_AndWritesOnlyWithReadWrite()
    {
        var (document, _, _, space) = await DocumentAsync(_grains);
        var read = Caller.ApiKey(space.GetPrimaryKey(), ApiKeyScope.Read);
        var write = Caller.ApiKey(space.GetPrimaryKey(), ApiKeyScope.ReadWrite);

        var view = await document.GetAsync(read);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => document.RequireContributorAsync(read));
        var added = await AddMarkdownAsync(fixture, document, write, Sections("Annex"));

        Assert.False(view.CanComment);
        Assert.Equal(ErrorCodes.ReadOnlyKey, refused.Code);
        Assert.Equal(space.GetPrimaryKey(), added.AuthorPersonId);
    }

    [Fact]
    public async Task PublishAsync_AppendsACommentChangeToTheStream()
    {
        var (document, coordinator, _, _) = await DocumentAsync(_grains);
        var joined = await document.JoinAsync(coordinator, "host-a", null);
        var comment = new DocumentComment(Guid.CreateVersion7(), document.GetPrimaryKey(), 1, "s-1", null, null, coordinator.PersonId!.Value, null, null,
            "A comment", CommentStatus.Open, DateTimeOffset.UnixEpoch, null);

        await document.PublishAsync(new CommentPosted(comment));
        var events = await document.GetEventsAsync(joined.Sequence);

        Assert.NotNull(joined.Snapshot);
        Assert.Equal(comment, Assert.IsType<CommentPosted>(Assert.Single(events.Events!).Change).Comment);
        await Assert.ThrowsAsync<ArgumentException>(() => document.PublishAsync(new DocumentAccessEnded(coordinator.PersonId!.Value)));
    }

    [Fact]
    public async Task DeleteAsync_ByAManager_RemovesTheDocumentAndItsContent()
    {
        var (document, coordinator, member, _) = await DocumentAsync(_grains);
        await AddMarkdownAsync(fixture, document, member, Sections("Only"));
        var files = await document.GetVersionFilesAsync(member, 1);
        var space = (await document.GetAsync(coordinator)).Space;

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => document.DeleteAsync(member, null));
        await document.DeleteAsync(coordinator, null);
        var gone = await Assert.ThrowsAsync<NotFoundException>(() => document.GetAsync(coordinator));
        var recreate = await Assert.ThrowsAsync<NotFoundException>(() => document.CreateAsync(coordinator, space, Profile()));

        Assert.Equal(ErrorCodes.NotCoordinator, refused.Code);
        Assert.Equal(DocumentErrors.NotFound, gone.Code);
        Assert.Equal(DocumentErrors.NotFound, recreate.Code);
        Assert.Null(await Content(fixture).GetSizeAsync(files.ContentId, CancellationToken.None));
        Assert.Null(await Content(fixture).GetSizeAsync(files.TextId!.Value, CancellationToken.None));
    }

    [Fact]
    public async Task ErasePersonAsync_ReplacesTheCreatorAndAuthor()
    {
        var (document, coordinator, member, _) = await DocumentAsync(_grains);
        await AddMarkdownAsync(fixture, document, member, Sections("Only"));
        var formerId = Guid.CreateVersion7();

        await document.ErasePersonAsync(member.PersonId!.Value, formerId);
        await document.ErasePersonAsync(coordinator.PersonId!.Value, formerId);
        var view = await document.GetAsync(coordinator);

        Assert.Equal(formerId, view.CreatedBy);
        Assert.Equal(formerId, view.Latest!.AuthorPersonId);
    }
}
