using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Silo.Tests.Documents;

public sealed class DocumentPersonDataTests
{
    private static readonly Guid Erased = Guid.CreateVersion7();
    private static readonly Guid Former = Guid.CreateVersion7();
    private static readonly Guid Other = Guid.CreateVersion7();
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Erase_ReplacesThePersonAsCreatorAuthorAndInRecentEvents_AndLeavesOthers()
    {
        var state = new DocumentState { Exists = true, CreatedBy = Erased };
        state.Versions = [Record(1, Erased), Record(2, Other)];
        Append(state, new DocumentVersionAdded(Version(1, Erased)));
        Append(state, new CommentPosted(Comment(Other, Erased)));
        Append(state, new CommentChanged(Comment(Erased, Other)));
        Append(state, new DocumentAccessEnded(Erased));
        Append(state, new DocumentAccessEnded(Other));

        Assert.True(DocumentPersonData.Erase(state, Erased, Former));

        Assert.Equal(Former, state.CreatedBy);
        Assert.Equal([Former, Other], state.Versions.Select(v => v.Summary.AuthorPersonId));
        var changes = state.Log.Recent.Select(e => e.Change).ToList();
        Assert.Equal(Former, ((DocumentVersionAdded)changes[0]).Version.AuthorPersonId);
        Assert.Equal((Other, Former), (((CommentPosted)changes[1]).Comment.AuthorPersonId, ((CommentPosted)changes[1]).Comment.Response!.ResponderPersonId));
        Assert.Equal((Former, Other), (((CommentChanged)changes[2]).Comment.AuthorPersonId, ((CommentChanged)changes[2]).Comment.Response!.ResponderPersonId));
        Assert.Equal([Former, Other], changes.Skip(3).Select(c => ((DocumentAccessEnded)c).PersonId));
        Assert.Equal([1, 2, 3, 4, 5], state.Log.Recent.Select(e => e.Sequence));
    }

    [Fact]
    public void Erase_OfSomeoneTheDocumentDoesNotName_ChangesNothing()
    {
        var state = new DocumentState { Exists = true, CreatedBy = Other, Versions = [Record(1, Other)] };
        Append(state, new CommentPosted(Comment(Other, null)));

        Assert.False(DocumentPersonData.Erase(state, Erased, Former));
        Assert.Equal(Other, state.CreatedBy);
    }

    private static void Append(DocumentState state, DocumentChange change) =>
        state.Log.Append(sequence => new DocumentEvent(sequence, At, change), 64);

    private static DocumentVersionSummary Version(int number, Guid author) =>
        new(number, VersionSource.Markdown, "plan.md", "text/markdown", 10, new string('a', 64), author, At, null, 1);

    private static VersionRecord Record(int number, Guid author) => new(Version(number, author), Guid.CreateVersion7(), null);

    private static DocumentComment Comment(Guid author, Guid? responder) => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), 1, "s-tierras", null, null, author, null, null, "Texto", CommentStatus.Open, At,
        responder is { } person ? new CommentResponse(ResponseKind.Accepted, "Sí", person, At) : null, new SpaceRef(SpaceKind.Organisation, Guid.CreateVersion7()));
}
