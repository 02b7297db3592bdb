using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Documents;

/// <summary>Limits of feedback rounds, shared by request validation and the round grain.</summary>
public static class FeedbackRoundLimits
{
    public const int TitleMaxLength = 200;
    public const int InstructionsMaxLength = 8_000;
    public const int MaxGroups = 200;

    /// <summary>Section ids assigned across all groups of a round.</summary>
    public const int MaxAssignedSections = 10_000;

    /// <summary>How far ahead a deadline may be, in days.</summary>
    public const int MaxDeadlineDays = 366;
}

public enum RoundStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>A group a round asks: a space whose members comment, on the sections given (none: every section).</summary>
[GenerateSerializer, Alias("NetworkHub.RoundGroup")]
public sealed record RoundGroup(
    [property: Id(0)] SpaceRef Space,
    [property: Id(1)] IReadOnlyList<string> SectionIds)
{
    public bool Covers(string sectionId) => SectionIds.Count == 0 || SectionIds.Contains(sectionId, StringComparer.Ordinal);
}

[GenerateSerializer, Alias("NetworkHub.OpenRoundCommand")]
public sealed record OpenRoundCommand(
    [property: Id(0)] int Version,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Instructions,
    [property: Id(3)] DateTimeOffset Deadline,
    [property: Id(4)] IReadOnlyList<RoundGroup> Groups);

/// <summary>A group as a round's details show it; <see cref="Name"/> as the caller may see the space.</summary>
[GenerateSerializer, Alias("NetworkHub.InvitedGroup")]
public sealed record InvitedGroup(
    [property: Id(0)] SpaceRef Space,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyList<string> SectionIds);

/// <summary>
/// A round as the caller may see it. The drafting team and the document's readers see every group; a participant
/// from outside the document's space sees only their own groups (<see cref="YourGroups"/>). <see cref="Sections"/>:
/// the version's sections the caller is asked about (every section for the document's readers), with their text.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.FeedbackRoundDetails")]
public sealed record FeedbackRoundDetails(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] Guid DocumentId,
    [property: Id(2)] string DocumentTitle,
    [property: Id(3)] int Version,
    [property: Id(4)] string Title,
    [property: Id(5)] string? Instructions,
    [property: Id(6)] DateTimeOffset Deadline,
    [property: Id(7)] RoundStatus Status,
    [property: Id(8)] DateTimeOffset OpenedAt,
    [property: Id(9)] DateTimeOffset? ClosedAt,
    [property: Id(10)] IReadOnlyList<InvitedGroup> Groups,
    [property: Id(11)] IReadOnlyList<SpaceRef> YourGroups,
    [property: Id(12)] IReadOnlyList<DocumentSection> Sections,
    [property: Id(13)] bool CanManage);

/// <summary>A round as a document's list shows it.</summary>
[GenerateSerializer, Alias("NetworkHub.FeedbackRoundSummary")]
public sealed record FeedbackRoundSummary(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] Guid DocumentId,
    [property: Id(2)] int Version,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset Deadline,
    [property: Id(5)] RoundStatus Status,
    [property: Id(6)] int GroupCount);

/// <summary>An open round asking one of the person's groups: what is asked of them (the sections; none: all) and by when.</summary>
[GenerateSerializer, Alias("NetworkHub.MyFeedbackRound")]
public sealed record MyFeedbackRound(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] Guid DocumentId,
    [property: Id(2)] int Version,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset Deadline,
    [property: Id(5)] SpaceRef Group,
    [property: Id(6)] string GroupName,
    [property: Id(7)] IReadOnlyList<string> SectionIds);

/// <summary>What a round asks of the caller, for the comments grain: the caller's groups (none: not invited).</summary>
[GenerateSerializer, Alias("NetworkHub.RoundParticipation")]
public sealed record RoundParticipation(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] int Version,
    [property: Id(2)] RoundStatus Status,
    [property: Id(3)] IReadOnlyList<RoundGroup> Groups);

/// <summary>One section of a round's version in the consolidated report, with every thread on it, in the version's order.</summary>
[GenerateSerializer, Alias("NetworkHub.ReportSection")]
public sealed record ReportSection(
    [property: Id(0)] string SectionId,
    [property: Id(1)] int Level,
    [property: Id(2)] string Heading,
    [property: Id(3)] IReadOnlyList<CommentThread> Threads);

/// <summary>
/// The consolidated report of a round: per section across all groups, each comment with its author (organisation or
/// pseudonym), group, quote, text, replies and the drafting team's response. The drafting team sees every comment; a
/// commenter sees their own comments and the responses to them.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.RoundReport")]
public sealed record RoundReport(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] Guid DocumentId,
    [property: Id(2)] string DocumentTitle,
    [property: Id(3)] int Version,
    [property: Id(4)] string Title,
    [property: Id(5)] RoundStatus Status,
    [property: Id(6)] DateTimeOffset Deadline,
    [property: Id(7)] IReadOnlyList<InvitedGroup> Groups,
    [property: Id(8)] IReadOnlyList<ReportSection> Sections);

/// <summary>
/// A feedback round on one version of a document (keyed by round id): the drafting team opens it with the groups it
/// asks, it closes by itself at the deadline (a reminder) or earlier by hand; closed rounds take no more comments,
/// responses go on. Whoever neither reads the document nor belongs to an invited group gets not-found.
/// </summary>
[Alias("NetworkHub.IFeedbackRoundGrain")]
public interface IFeedbackRoundGrain : IGrainWithGuidKey
{
    /// <summary>The drafting team; opening it again (same id, from the idempotency key) returns the round as it is.</summary>
    Task<FeedbackRoundDetails> OpenAsync(Caller caller, Guid documentId, OpenRoundCommand command);

    [ReadOnly] Task<FeedbackRoundDetails> GetAsync(Caller caller);

    /// <summary>The drafting team; closing a closed round changes nothing.</summary>
    Task<FeedbackRoundDetails> CloseAsync(Caller caller);

    [ReadOnly] Task<RoundReport> GetReportAsync(Caller caller);

    /// <summary>For the comments grain: the round's version and state and the caller's invited groups. Interleaves: it only reads.</summary>
    [AlwaysInterleave] Task<RoundParticipation> GetParticipationAsync(Caller caller);
}

/// <summary>
/// Reads the rounds' table (a row per invited group): a document's rounds and a person's open rounds, each one indexed
/// query, confirmed with the document or with each space. Stateless.
/// </summary>
[Alias("NetworkHub.IFeedbackRoundIndexGrain")]
public interface IFeedbackRoundIndexGrain : IGrainWithIntegerKey
{
    /// <summary>The document's rounds, newest deadline first, for whoever may read the document.</summary>
    [ReadOnly] Task<IReadOnlyList<FeedbackRoundSummary>> ForDocumentAsync(Caller caller, Guid documentId);

    /// <summary>Open rounds inviting a space where the caller holds a member role or more, earliest deadline first.</summary>
    [ReadOnly] Task<IReadOnlyList<MyFeedbackRound>> MineAsync(Caller caller);
}
