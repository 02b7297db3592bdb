using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// The comments table and the rounds' group table on each database: rows read back exactly, threads page in order
/// with their filters, a person's id is replaced everywhere it appears, and open rounds are found by group.
/// </summary>
public abstract class DocumentCommentTableContractTests
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly IStorageFixture _fixture;

    private protected DocumentCommentTableContractTests(IStorageFixture fixture) => _fixture = fixture;

    private DocumentCommentTable Comments => _fixture.Silo.Services.GetRequiredService<DocumentCommentTable>();

    private FeedbackRoundTable Rounds => _fixture.Silo.Services.GetRequiredService<FeedbackRoundTable>();

    private static DocumentComment Comment(Guid document, long sequence, Guid? parent = null, Guid? author = null, Guid? round = null,
        SpaceRef? group = null, string section = "s-intro", int version = 1) =>
        new(Guid.NewGuid(), document, version, section, null, parent, author ?? Guid.NewGuid(), null, round, $"Comment {sequence}", CommentStatus.Open,
            Noon.AddMinutes(sequence), null, group, sequence);

    [Fact]
    public async Task InsertAsync_EveryField_ReadsBackExactly()
    {
        var document = Guid.NewGuid();
        var comment = new DocumentComment(
            Guid.NewGuid(), document, 3, "chapter-2", "« quoted »\npassage", null, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Text — ünïcödé",
            CommentStatus.Resolved, Noon.AddTicks(1_234_560), new CommentResponse(ResponseKind.PartlyAccepted, "Reply", Guid.NewGuid(), Noon.AddDays(1)),
            new SpaceRef(SpaceKind.WorkingGroup, Guid.NewGuid()), 1);

        Assert.True(await Comments.InsertAsync(comment));

        Assert.Equal(comment, await Comments.FindAsync(document, comment.CommentId));
        Assert.Equal((1, 1L), await Comments.CountAsync(document));
        Assert.False(await Comments.InsertAsync(comment with { Text = "again", Sequence = 2 }));
        Assert.Equal(comment, await Comments.FindAsync(document, comment.CommentId));
        Assert.Null(await Comments.FindAsync(Guid.NewGuid(), comment.CommentId));
    }

    [Fact]
    public async Task PageThreadsAsync_FiltersAndPagesFirstComments_RepliesApart()
    {
        var document = Guid.NewGuid();
        var round = Guid.NewGuid();
        var group = new SpaceRef(SpaceKind.Organisation, Guid.NewGuid());
        var first = Comment(document, 1);
        var second = Comment(document, 2, round: round, group: group, section: "s-two");
        var reply = Comment(document, 3, parent: second.CommentId, round: round, group: group, section: "s-two");
        var third = Comment(document, 4, version: 2);
        foreach (var c in new[] { first, second, reply, third })
        {
            await Comments.InsertAsync(c);
        }

        await Comments.UpdateStatusAsync(document, third.CommentId, CommentStatus.Resolved);

        Assert.Equal([first, second], await Comments.PageThreadsAsync(document, new CommentFilter(), null, null, 2));
        Assert.Equal([third with { Status = CommentStatus.Resolved }], await Comments.PageThreadsAsync(document, new CommentFilter(), null, 2, 2));
        Assert.Equal([second], await Comments.PageThreadsAsync(document, new CommentFilter(SectionId: "s-two"), null, null, 10));
        Assert.Equal([third.CommentId], (await Comments.PageThreadsAsync(document, new CommentFilter(Version: 2, Status: CommentStatus.Resolved), null, null, 10)).Select(c => c.CommentId));
        Assert.Equal([second], await Comments.PageThreadsAsync(document, new CommentFilter(RoundId: round), [group], null, 10));
        Assert.Empty(await Comments.PageThreadsAsync(document, new CommentFilter(RoundId: round), [new SpaceRef(SpaceKind.Organisation, Guid.NewGuid())], null, 10));
        Assert.Empty(await Comments.PageThreadsAsync(document, new CommentFilter(RoundId: round), [], null, 10));
        Assert.Equal([reply], await Comments.RepliesAsync(document, [first.CommentId, second.CommentId]));
        Assert.Equal(1, await Comments.CountRepliesAsync(document, second.CommentId));
        Assert.Equal([second, reply], await Comments.RoundAsync(document, round));
    }

    [Fact]
    public async Task ReplacePersonAsync_AuthorAndResponder_BecomeTheFormerId()
    {
        Guid document = Guid.NewGuid(), person = Guid.NewGuid(), former = Guid.NewGuid(), other = Guid.NewGuid();
        var own = Comment(document, 1, author: person);
        var answered = Comment(document, 2, author: other);
        await Comments.InsertAsync(own);
        await Comments.InsertAsync(answered);
        var response = new CommentResponse(ResponseKind.NotTaken, null, person, Noon.AddHours(5));
        await Comments.UpdateResponseAsync(document, answered.CommentId, response);

        await Comments.ReplacePersonAsync(person, former);
        await Comments.ReplacePersonAsync(person, former);

        Assert.Equal(own with { AuthorPersonId = former }, await Comments.FindAsync(document, own.CommentId));
        Assert.Equal(answered with { Response = response with { ResponderPersonId = former } }, await Comments.FindAsync(document, answered.CommentId));
        Assert.Empty(await Comments.ByAuthorAsync(person));
        Assert.Equal([own with { AuthorPersonId = former }], await Comments.ByAuthorAsync(former));
    }

    [Fact]
    public async Task OpenForGroupsAsync_OpenRoundsBeforeTheirDeadline_ByGroup()
    {
        Guid document = Guid.NewGuid(), open = Guid.NewGuid(), closed = Guid.NewGuid(), past = Guid.NewGuid();
        var mine = new SpaceRef(SpaceKind.WorkingGroup, Guid.NewGuid());
        var theirs = new SpaceRef(SpaceKind.Coalition, Guid.NewGuid());
        await Rounds.UpsertAsync([
            new RoundGroupRow(open, mine, document, 2, "Chapter review", Noon.AddDays(7), ["s-one", "s-two"], false),
            new RoundGroupRow(open, theirs, document, 2, "Chapter review", Noon.AddDays(7), [], false),
        ]);
        await Rounds.UpsertAsync([new RoundGroupRow(closed, mine, document, 1, "Earlier", Noon.AddDays(3), [], false)]);
        await Rounds.UpsertAsync([new RoundGroupRow(closed, mine, document, 1, "Earlier", Noon.AddDays(3), [], true)]);
        await Rounds.UpsertAsync([new RoundGroupRow(past, mine, document, 1, "Past", Noon.AddHours(-1), [], false)]);

        var found = await Rounds.OpenForGroupsAsync([mine], Noon);

        var row = Assert.Single(found);
        Assert.Equal((open, mine, document, 2, "Chapter review", Noon.AddDays(7), false), (row.RoundId, row.Group, row.DocumentId, row.Version, row.Title, row.Deadline, row.Closed));
        Assert.Equal(["s-one", "s-two"], row.SectionIds);
        Assert.Empty(await Rounds.OpenForGroupsAsync([], Noon));
        Assert.Equal([past, closed, open, open], (await Rounds.ForDocumentAsync(document)).Select(r => r.RoundId));
        Assert.True((await Rounds.ForDocumentAsync(document)).Single(r => r.RoundId == closed).Closed);
    }
}

public sealed class SqliteDocumentCommentTableContractTests(SqliteStorageFixture fixture)
    : DocumentCommentTableContractTests(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlDocumentCommentTableContractTests(PostgreSqlStorageFixture fixture)
    : DocumentCommentTableContractTests(fixture), IClassFixture<PostgreSqlStorageFixture>;
