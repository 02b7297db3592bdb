using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Committees;

/// <summary>
/// One meeting of a committee, or one written procedure: agenda, attendance by seat, motions with their amendments
/// and votes, and the minutes. Keyed by meeting id. Asks its committee who the caller is on every call: a meeting of
/// a committee the caller may not see is not-found (<see cref="CommitteeErrors.MeetingNotFound"/>); one whose committee
/// they see but hold no role in is sign-in-required (anonymous) or contents-hidden.
/// Chair, co-chairs and secretary run it (<see cref="CommitteeErrors.NotSecretary"/> for anyone else).
/// Its changes are a live stream (<see cref="ILiveStreamGrain{TEvent, TSnapshot, TCatchUp}"/>) anyone who sees inside
/// the committee may watch; the committee calls <c>AccessChangedAsync</c> when someone may have lost access.
/// </summary>
[Alias("NetworkHub.IMeetingGrain")]
public interface IMeetingGrain : ILiveStreamGrain<MeetingEvent, MeetingView, MeetingCatchUp>
{
    /// <summary>Whoever runs the committee's meetings, or a coordinator of it. Repeating the same plan returns the meeting.</summary>
    Task<MeetingView> ScheduleAsync(Caller caller, Guid committeeId, MeetingPlan plan);

    [ReadOnly] Task<MeetingSummary> GetSummaryAsync(Caller caller);

    [ReadOnly] Task<MeetingView> GetViewAsync(Caller caller);

    /// <summary>Replaces the agenda; items keep their id when given one, and an item with motions on it stays.</summary>
    Task<MeetingView> UpdateAgendaAsync(Caller caller, IReadOnlyList<MeetingAgendaItemDraft> agenda, int? expectedVersion);

    Task<MeetingView> StartAsync(Caller caller);

    /// <summary>Ends the sitting; its open votes close and are counted first.</summary>
    Task<MeetingView> CloseAsync(Caller caller);

    /// <summary>Only before anything was voted.</summary>
    Task<MeetingView> CancelAsync(Caller caller);

    Task<MeetingView> RecordAttendanceAsync(Caller caller, Guid seatId, AttendanceStatus status);

    /// <summary>The seat's representative, or the secretary, gives its proxy to another voting seat; until the first vote opens.</summary>
    Task<MeetingView> GiveProxyAsync(Caller caller, Guid seatId, Guid holderSeatId);

    Task<MeetingView> RevokeProxyAsync(Caller caller, Guid seatId);

    Task<MotionView> ProposeMotionAsync(Caller caller, MotionDraft draft);

    Task<MotionView> SecondMotionAsync(Caller caller, Guid motionId, Guid seconderSeatId);

    Task<MotionView> ProposeAmendmentAsync(Caller caller, Guid motionId, AmendmentDraft draft);

    Task<MotionView> SecondAmendmentAsync(Caller caller, Guid motionId, Guid amendmentId, Guid seconderSeatId);

    Task<VoteView> OpenVoteAsync(Caller caller, OpenVoteCommand command);

    /// <summary>
    /// Interleaves with other calls so that votes arriving during a write share the next one (group commit): an
    /// assembly's seats vote within seconds of each other. Its checks and its change happen in one turn, after the
    /// committee has answered, so no other call slips in between them.
    /// </summary>
    [AlwaysInterleave]
    Task<VoteView> CastVoteAsync(Caller caller, Guid voteId, CastVoteCommand command);

    Task<VoteView> CloseVoteAsync(Caller caller, Guid voteId);

    /// <summary>Chair, co-chairs and secretary; oldest first, entries after <paramref name="after"/>.</summary>
    [ReadOnly] Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit);

    /// <summary>For erasure only: the person becomes <paramref name="formerId"/> in what the record keeps (who scheduled it, the audit lines and the agenda's presenters).</summary>
    Task ErasePersonAsync(Guid personId, Guid formerId);
}
