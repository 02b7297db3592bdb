using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.Committees;

/// <summary>Minutes start as a draft assembled from the meeting's record, are circulated for comments, and once approved by a vote at a later meeting never change.</summary>
/// <summary>Limits of minutes, shared by request validation and the grain.</summary>
public static class MinutesLimits
{
    public const int TextMaxLength = 200_000;
    public const int CommentMaxLength = 4_000;
    public const int MaxComments = 500;
}

public enum MinutesStatus
{
    Draft = 0,
    Circulated = 1,
    Approved = 2,
}

[GenerateSerializer, Alias("NetworkHub.MinutesComment")]
public sealed record MinutesComment(
    [property: Id(0)] Guid CommentId,
    [property: Id(1)] Guid AuthorPersonId,
    [property: Id(2)] string Text,
    [property: Id(3)] string? Quote,
    [property: Id(4)] DateTimeOffset At);

/// <summary>How the minutes were approved: the decision that adopted them and the meeting it was taken at.</summary>
[GenerateSerializer, Alias("NetworkHub.MinutesApproval")]
public sealed record MinutesApproval(
    [property: Id(0)] string DecisionNumber,
    [property: Id(1)] Guid MeetingId,
    [property: Id(2)] DateTimeOffset At);

[GenerateSerializer, Alias("NetworkHub.MinutesView")]
public sealed record MinutesView(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] Guid CommitteeId,
    [property: Id(2)] MinutesStatus Status,
    [property: Id(3)] string Markdown,
    [property: Id(4)] int Version,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] IReadOnlyList<MinutesComment> Comments,
    [property: Id(7)] MinutesApproval? Approval);

/// <summary>
/// The minutes of one meeting (keyed by the meeting's id). Only the chair, co-chairs and secretary draft, edit and
/// circulate them; people who see inside the committee read and, while circulated, comment. Approval comes from the
/// meeting where a motion to approve them was adopted, and makes them read-only.
/// </summary>
[Alias("NetworkHub.IMinutesGrain")]
public interface IMinutesGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Starts the minutes with <paramref name="markdown"/>, which the API assembles from the meeting's record; again later
    /// only with <paramref name="replace"/> (the edits are lost), and never once approved.
    /// </summary>
    Task<MinutesView> DraftAsync(Caller caller, string markdown, bool replace);

    [ReadOnly] Task<MinutesView> GetAsync(Caller caller);

    Task<MinutesView> EditAsync(Caller caller, string markdown, int? expectedVersion);

    Task<MinutesView> CirculateAsync(Caller caller);

    Task<MinutesView> CommentAsync(Caller caller, Guid commentId, string text, string? quote);

    /// <summary>For meeting grains only: a motion approving these minutes was adopted. Repeatable; the first approval stays.</summary>
    Task ApproveAsync(MinutesApproval approval);

    /// <summary>For erasure only: the person becomes <paramref name="formerId"/> in what the record keeps (the comments' authors).</summary>
    Task ErasePersonAsync(Guid personId, Guid formerId);
}
