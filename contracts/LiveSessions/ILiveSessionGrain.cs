using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>
/// One live sitting of a forum. Keyed by session id. The forum decides who is who: its coordinators and the
/// appointed co-facilitators facilitate, its members participate, its observers (and anyone who may see inside a
/// public forum) watch. A session of a forum the caller may not see does not exist for them (not-found).
/// Every change is written, with its event, before the call returns; the returned number is the event's sequence.
/// Its stream (<see cref="ILiveStreamGrain{TEvent, TSnapshot, TCatchUp}"/>): a join gets a role, and whoever the forum
/// no longer lets in, or a facilitator removed, leaves with a <see cref="ParticipantAccessChanged"/> (role null) or
/// <see cref="ParticipantRemoved"/> event; a changed role is announced by the former.
/// </summary>
[Alias("NetworkHub.ILiveSessionGrain")]
public interface ILiveSessionGrain : ILiveStreamGrain<LiveSessionEvent, LiveSessionView, LiveSessionCatchUp>
{
    /// <summary>Forum coordinators only. Repeating the same schedule (same id, same person) returns the session.</summary>
    Task<LiveSessionDetails> ScheduleAsync(Caller caller, ScheduleLiveSessionCommand command);

    [ReadOnly] Task<LiveSessionDetails> GetAsync(Caller caller);

    /// <summary>Replaces the items after the current one (all of them before the start). Facilitators only.</summary>
    Task<LiveSessionDetails> UpdateAgendaAsync(Caller caller, IReadOnlyList<AgendaItem> agenda);

    /// <summary>The live state, as the snapshot a joining client gets.</summary>
    [ReadOnly] Task<LiveSessionView> GetViewAsync(Caller caller);

    /// <summary>Closed sessions only (<c>live-session.not-closed</c> before).</summary>
    [ReadOnly] Task<LiveSessionRecord> GetRecordAsync(Caller caller);

    /// <summary>Facilitators only; oldest first, entries after <paramref name="after"/>.</summary>
    [ReadOnly] Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit);

    Task<long> OpenLobbyAsync(Caller caller);

    Task<long> StartAsync(Caller caller);

    Task<long> AdvanceAsync(Caller caller);

    Task<long> GoBackAsync(Caller caller);

    /// <summary>Extends the current item's timer, or one breakout room's.</summary>
    Task<long> ExtendTimerAsync(Caller caller, int minutes, Guid? roomId);

    Task<long> PauseAsync(Caller caller);

    Task<long> ResumeAsync(Caller caller);

    Task<long> CloseAsync(Caller caller);

    /// <summary>Any forum member may be appointed; recorded in the audit log.</summary>
    Task<long> AppointCoFacilitatorAsync(Caller caller, Guid personId);

    /// <summary>A muted participant may still watch and vote, not contribute. Recorded in the audit log.</summary>
    Task<long> MuteAsync(Caller caller, Guid personId, bool muted);

    /// <summary>The person leaves the session and cannot rejoin it. Recorded in the audit log.</summary>
    Task<long> RemoveParticipantAsync(Caller caller, Guid personId);

    /// <summary>Facilitators, or the rapporteur of one of the item's breakout rooms.</summary>
    Task<long> RecordOutcomeAsync(Caller caller, Guid itemId, string text);

    /// <summary>
    /// To the current item, or to the author's room during a breakout. Participants present in the session only.
    /// Interleaves with other calls so that contributions arriving during a write share the next one (group commit);
    /// its checks and its change happen in one turn, so no other call can slip in between them.
    /// </summary>
    [AlwaysInterleave]
    Task<long> ContributeAsync(Caller caller, ContributeCommand command);

    /// <summary>One reaction of each kind per person and contribution; repeating it changes nothing.</summary>
    Task<long> ReactAsync(Caller caller, Guid contributionId, string reaction);

    Task<long> RaiseHandAsync(Caller caller);

    Task<long> LowerHandAsync(Caller caller);

    /// <summary>Facilitators: to the person given, or the first in the queue; starts the speaker's timer.</summary>
    Task<long> GiveFloorAsync(Caller caller, Guid? personId);

    /// <summary>Facilitators: the new order must name exactly the people waiting.</summary>
    Task<long> ReorderQueueAsync(Caller caller, IReadOnlyList<Guid> order);

    /// <summary>Facilitators: takes the person out of the queue, or the floor from them.</summary>
    Task<long> SkipSpeakerAsync(Caller caller, Guid personId);

    /// <summary>One ballot per person, replaced by a later one until the poll closes.</summary>
    Task<long> VoteAsync(Caller caller, Guid itemId, IReadOnlyList<int> choices);

    Task<long> SubmitStatementAsync(Caller caller, Guid itemId, string text);

    /// <summary>One vote per person and statement, replaced by a later one until the item closes.</summary>
    Task<long> VoteOnStatementAsync(Caller caller, Guid statementId, StatementVote vote);

    /// <summary>The room's rapporteur reports back to the plenary.</summary>
    Task<long> PostSummaryAsync(Caller caller, Guid roomId, string text);

    /// <summary>
    /// Facilitators who may also propose to the committee (its chair, co-chairs, secretary or coordinators) turn a
    /// summary, a broadly agreed statement, a poll result or an outcome into a draft motion or an action item there,
    /// quoting the source as it stands. <paramref name="proposalId"/> as for <see cref="IProposalsGrain.DraftAsync"/>.
    /// </summary>
    Task<Proposal> ProposeAsync(Caller caller, Guid proposalId, SessionProposalCommand command);

    /// <summary>What was proposed from this session, in committees the caller may look into; oldest first.</summary>
    [ReadOnly] Task<IReadOnlyList<Proposal>> GetProposalsAsync(Caller caller);

    /// <summary>What this session holds about the person, for their own export; null when it holds nothing.</summary>
    [ReadOnly] Task<PersonInSession?> GetPersonDataAsync(Guid personId);

    /// <summary>
    /// Erasure: what others keep (contributions, statements, ballots, votes, attendance) stays under
    /// <paramref name="formerId"/> and the name "former member"; presence goes. Repeatable.
    /// </summary>
    Task ErasePersonAsync(Guid personId, Guid formerId);
}
