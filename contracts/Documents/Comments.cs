using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.Documents;

/// <summary>Limits of comments, shared by request validation and the comments grain.</summary>
public static class CommentLimits
{
    /// <summary>Comments and replies one document holds; one more is refused.</summary>
    public const int MaxPerDocument = 100_000;

    /// <summary>A section id as requests may carry it (ids are derived from headings).</summary>
    public const int SectionIdMaxLength = 1_000;

    /// <summary>Replies one comment holds.</summary>
    public const int MaxReplies = 500;
}

/// <summary>Error codes of comments and feedback rounds beyond the shared ones in <see cref="DocumentErrors"/>.</summary>
public static class CommentErrors
{
    /// <summary>422: a comment, reply or response that is empty or too long.</summary>
    public const string TextInvalid = "document.comment-text-invalid";

    /// <summary>422: the quoted passage does not occur in the section's text of that version.</summary>
    public const string QuoteNotInSection = "document.quote-not-in-section";

    /// <summary>422: the organisation named is not one the author belongs to.</summary>
    public const string OrganisationInvalid = "document.organisation-invalid";

    /// <summary>403: only the comment's author or the drafting team resolve and reopen it.</summary>
    public const string NotCommentAuthor = "document.not-comment-author";

    /// <summary>409: the document holds as many comments as it may, or the comment as many replies.</summary>
    public const string TooManyComments = "document.too-many-comments";

    /// <summary>422: replies carry no response of their own; the drafting team answers the comment they belong to.</summary>
    public const string ResponseToReply = "document.response-to-reply";

    /// <summary>422: a round's deadline is in the past or more than a year ahead.</summary>
    public const string DeadlineInvalid = "document.round-deadline-invalid";

    /// <summary>422: a group invited is not a space the caller may see, is named twice, or names a section the version lacks.</summary>
    public const string GroupInvalid = "document.round-group-invalid";
}

/// <summary>Whether a comment's section still reads as it did in the comment's version, in the latest version.</summary>
public enum SectionMark
{
    Unchanged = 0,
    Changed = 1,
    Vanished = 2,
}

/// <summary>
/// What a new comment or reply says. <see cref="ParentId"/> answers a comment (a reply to a reply attaches to its
/// thread's first comment, and takes its version, section and round); <see cref="Quote"/> must occur in the section's
/// text; <see cref="OrganisationId"/> is an organisation the author belongs to and speaks for.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.PostCommentCommand")]
public sealed record PostCommentCommand(
    [property: Id(0)] int Version,
    [property: Id(1)] string SectionId,
    [property: Id(2)] string? Quote,
    [property: Id(3)] Guid? ParentId,
    [property: Id(4)] string Text,
    [property: Id(5)] Guid? OrganisationId,
    [property: Id(6)] Guid? RoundId);

/// <summary>
/// A comment as the caller may see it: the author by real name to fellow members of the document's space, by
/// pseudonym (when they chose one) to anyone else; the organisation's name when the author spoke for one.
/// <see cref="Mark"/>: how the section reads in the latest version (null for round participants outside the
/// document's space, who see only the round's version).
/// </summary>
[GenerateSerializer, Alias("NetworkHub.CommentView")]
public sealed record CommentView(
    [property: Id(0)] DocumentComment Comment,
    [property: Id(1)] string AuthorName,
    [property: Id(2)] string? OrganisationName,
    [property: Id(3)] SectionMark? Mark,
    [property: Id(4)] string? ResponderName);

/// <summary>A first comment and its replies, oldest first.</summary>
[GenerateSerializer, Alias("NetworkHub.CommentThread")]
public sealed record CommentThread(
    [property: Id(0)] CommentView Comment,
    [property: Id(1)] IReadOnlyList<CommentView> Replies);

/// <summary>Which threads a list shows; every filter applies to the thread's first comment.</summary>
[GenerateSerializer, Alias("NetworkHub.CommentFilter")]
public sealed record CommentFilter(
    [property: Id(0)] int? Version = null,
    [property: Id(1)] string? SectionId = null,
    [property: Id(2)] CommentStatus? Status = null,
    [property: Id(3)] Guid? RoundId = null);

/// <summary>A page of threads in the order they were started; <see cref="Next"/> continues after the last one.</summary>
[GenerateSerializer, Alias("NetworkHub.CommentPage")]
public sealed record CommentPage(
    [property: Id(0)] IReadOnlyList<CommentThread> Threads,
    [property: Id(1)] long? Next);

/// <summary>
/// The comments of one document (keyed by the document's id), its single writer: every comment is a row of its own
/// in the database, written before the call answers, so a document's many comments cost nothing per new one. Who may
/// comment: the document's commenters, and the invited groups of an open feedback round on the round's version (on
/// the sections assigned to their group). Who may read: the document's readers; round participants outside its space
/// see their own group's threads of that round (with the responses).
/// </summary>
[Alias("NetworkHub.IDocumentCommentsGrain")]
public interface IDocumentCommentsGrain : IGrainWithGuidKey
{
    /// <summary><paramref name="commentId"/> is chosen by the API (from the idempotency key): the same author posting it again gets the comment as it is.</summary>
    Task<CommentView> PostAsync(Caller caller, Guid commentId, PostCommentCommand command);

    /// <summary>Resolves or reopens a thread: its author or the drafting team.</summary>
    Task<CommentView> SetStatusAsync(Caller caller, Guid commentId, CommentStatus status);

    /// <summary>The drafting team's response to a first comment (replacing an earlier one); responses go on after a round closed.</summary>
    Task<CommentView> RespondAsync(Caller caller, Guid commentId, ResponseKind kind, string? reply);

    [ReadOnly] Task<CommentPage> ListAsync(Caller caller, CommentFilter filter, long? after, int limit);

    /// <summary>For feedback round grains only: every thread of the round, for its consolidated report (names resolved for <paramref name="viewer"/>).</summary>
    [ReadOnly] Task<IReadOnlyList<CommentThread>> GetRoundThreadsAsync(Guid roundId, Caller viewer);
}

/// <summary>
/// A person's comments across documents (keyed by person id), read from the comments table for their own export.
/// Stateless: the table is indexed by author.
/// </summary>
[Alias("NetworkHub.IPersonCommentsGrain")]
public interface IPersonCommentsGrain : IGrainWithGuidKey
{
    /// <summary>Every comment and reply the person wrote (as author), oldest first. For their export only.</summary>
    [ReadOnly] Task<IReadOnlyList<DocumentComment>> GetAsync();
}
