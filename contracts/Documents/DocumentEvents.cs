using System.Text.Json.Serialization;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Documents;

/// <summary>One version as lists and events show it; the sections come with the version's own read.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentVersionSummary")]
public sealed record DocumentVersionSummary(
    [property: Id(0)] int Number,
    [property: Id(1)] VersionSource Source,
    [property: Id(2)] string FileName,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long Size,
    [property: Id(5)] string Sha256,
    [property: Id(6)] Guid AuthorPersonId,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] string? ChangeNote,
    [property: Id(9)] int SectionCount);

public enum CommentStatus
{
    Open = 0,
    Resolved = 1,
}

/// <summary>The drafting team's answer to a comment, in the consolidated report.</summary>
public enum ResponseKind
{
    Accepted = 0,
    PartlyAccepted = 1,
    NotTaken = 2,
}

[GenerateSerializer, Alias("NetworkHub.CommentResponse")]
public sealed record CommentResponse(
    [property: Id(0)] ResponseKind Kind,
    [property: Id(1)] string? Reply,
    [property: Id(2)] Guid ResponderPersonId,
    [property: Id(3)] DateTimeOffset At);

/// <summary>
/// A comment on a section of a version, optionally quoting a passage of it, or a reply to one (<see cref="ParentId"/>,
/// one level). <see cref="OrganisationId"/>: the organisation the author speaks for, if any; <see cref="RoundId"/>: the
/// feedback round it was made in, if any, and <see cref="Group"/> the invited group the author spoke in (replies share
/// their thread's round and group). <see cref="Sequence"/> numbers the document's comments in the order they were made.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DocumentComment")]
public sealed record DocumentComment(
    [property: Id(0)] Guid CommentId,
    [property: Id(1)] Guid DocumentId,
    [property: Id(2)] int Version,
    [property: Id(3)] string SectionId,
    [property: Id(4)] string? Quote,
    [property: Id(5)] Guid? ParentId,
    [property: Id(6)] Guid AuthorPersonId,
    [property: Id(7)] Guid? OrganisationId,
    [property: Id(8)] Guid? RoundId,
    [property: Id(9)] string Text,
    [property: Id(10)] CommentStatus Status,
    [property: Id(11)] DateTimeOffset At,
    [property: Id(12)] CommentResponse? Response,
    [property: Id(13)] SpaceRef? Group = null,
    [property: Id(14)] long Sequence = 0);

/// <summary>
/// One change of a document, numbered in the document's single total order (1, 2, 3, … without gaps), on the same live
/// stream machinery as sessions and meetings.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DocumentEvent")]
public sealed record DocumentEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] DocumentChange Change) : ILiveEvent
{
    public Guid? EndsAccessOf() => Change is DocumentAccessEnded ended ? ended.PersonId : null;
}

/// <summary>What changed in a document. In JSON the kind is the "type" property, e.g. "comment-posted".</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentChange")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DocumentDetailsChanged), "document-details-changed")]
[JsonDerivedType(typeof(DocumentVersionAdded), "version-added")]
[JsonDerivedType(typeof(CommentPosted), "comment-posted")]
[JsonDerivedType(typeof(CommentChanged), "comment-changed")]
[JsonDerivedType(typeof(DocumentAccessEnded), "access-ended")]
public abstract record DocumentChange;

/// <summary>Title, description, tags, language or status changed.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentDetailsChanged")]
public sealed record DocumentDetailsChanged(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<string> Tags,
    [property: Id(3)] string? Language,
    [property: Id(4)] DocumentStatus Status) : DocumentChange;

[GenerateSerializer, Alias("NetworkHub.DocumentVersionAdded")]
public sealed record DocumentVersionAdded([property: Id(0)] DocumentVersionSummary Version) : DocumentChange;

/// <summary>A new comment or reply. The author is named as the caller may see them when the API sends it on.</summary>
[GenerateSerializer, Alias("NetworkHub.CommentPosted")]
public sealed record CommentPosted([property: Id(0)] DocumentComment Comment) : DocumentChange;

/// <summary>A comment was resolved, reopened or answered.</summary>
[GenerateSerializer, Alias("NetworkHub.CommentChanged")]
public sealed record CommentChanged([property: Id(0)] DocumentComment Comment) : DocumentChange;

/// <summary>
/// The person no longer may see the document (removed from its space, the space made narrower): the last event they
/// receive; every node takes their connections out before passing on any later one.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DocumentAccessEnded")]
public sealed record DocumentAccessEnded([property: Id(0)] Guid PersonId) : DocumentChange;
