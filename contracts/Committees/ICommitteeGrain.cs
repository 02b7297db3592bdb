using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Committees;

/// <summary>
/// A steering committee inside a coalition or a forum, never more visible than its parent. Keyed by committee id.
/// Its people are the representatives and alternates of the organisations holding its seats (who hold member here
/// while their organisation holds the seat and they belong to it), its office holders, and its roster.
/// </summary>
[Alias("NetworkHub.ICommitteeGrain")]
public interface ICommitteeGrain : ISpaceGrain
{
    /// <summary>Coordinators of the parent coalition or forum set one up and become its coordinators.</summary>
    Task<CommitteeDetails> CreateAsync(Caller caller, SpaceRef parent, CommitteeProfile profile);

    [ReadOnly] Task<CommitteeDetails> GetAsync(Caller caller);

    Task<CommitteeDetails> UpdateAsync(Caller caller, CommitteeProfile profile, int? expectedVersion);

    /// <summary>
    /// Coordinators set the offices. Holders must be people with a role here, or representatives or alternates of a
    /// held seat (<c>committee.office-holder-not-in-committee</c>).
    /// </summary>
    Task<CommitteeDetails> SetOfficesAsync(Caller caller, CommitteeOffices offices);

    /// <summary>Every seat, offered, held or ended (at most <see cref="CommitteeLimits.SeatsMax"/>), for people who see inside.</summary>
    [ReadOnly] Task<IReadOnlyList<Seat>> GetSeatsAsync(Caller caller);

    /// <summary>
    /// Coordinators offer a seat to an organisation the caller may see; one seat per organisation that is offered or
    /// held (<c>committee.seat-taken</c>). A seat whose term ends becomes vacant by itself.
    /// </summary>
    Task<Seat> InviteSeatAsync(Caller caller, SeatInvitation invitation);

    /// <summary>The organisation's coordinators take the offered seat and name its people, who must belong to the organisation.</summary>
    Task<Seat> AcceptSeatAsync(Caller caller, Guid seatId, SeatPeople people);

    /// <summary>The organisation's coordinators turn the offer down.</summary>
    Task<Seat> DeclineSeatAsync(Caller caller, Guid seatId);

    /// <summary>The organisation's coordinators name other people for a held seat.</summary>
    Task<Seat> NameSeatPeopleAsync(Caller caller, Guid seatId, SeatPeople people);

    /// <summary>The organisation's coordinators give the seat up.</summary>
    Task<Seat> StepDownAsync(Caller caller, Guid seatId);

    /// <summary>Coordinators change the kind, term or allotment of a seat that is offered or held.</summary>
    Task<Seat> UpdateSeatAsync(Caller caller, Guid seatId, SeatTerms terms);

    /// <summary>Coordinators end a seat that is offered or held; it becomes vacant.</summary>
    Task<Seat> EndSeatAsync(Caller caller, Guid seatId);

    /// <summary>
    /// The committee's decision register for people who see inside, in number order: <paramref name="text"/> in title or
    /// text, <paramref name="year"/>, a page after the number <paramref name="after"/>.
    /// </summary>
    [ReadOnly] Task<DecisionPage> GetDecisionsAsync(Caller caller, string? text, int? year, string? after, int limit);

    /// <summary>One decision by its number (<c>committee.decision-not-found</c> when there is none).</summary>
    [ReadOnly] Task<Decision> GetDecisionAsync(Caller caller, string number);

    /// <summary>The committee's meetings, the most recent by start first (at most <see cref="CommitteeLimits.MeetingsKept"/>), for people who see inside.</summary>
    [ReadOnly] Task<IReadOnlyList<MeetingSummary>> GetMeetingsAsync(Caller caller);

    /// <summary>
    /// What the caller may do here now: role, the seats they act for (confirmed with each holding organisation at this
    /// moment), and offices. Not-found when the committee is invisible to them. Interleaves, as meetings ask on every call.
    /// </summary>
    [AlwaysInterleave] Task<CommitteeStanding> GetStandingAsync(Caller caller);

    /// <summary>For the committee's meetings only (never exposed by the API): rules, offices and seats as they are now.</summary>
    [AlwaysInterleave] Task<CommitteeRoll> GetRollAsync();

    /// <summary>
    /// For the committee's meetings only: a meeting scheduled by someone who runs meetings joins the committee's list;
    /// repeated calls update its entry. Refused (as by <see cref="GetStandingAsync"/>) for anyone else.
    /// </summary>
    Task AdoptMeetingAsync(Caller caller, MeetingSummary meeting);

    /// <summary>For the committee's meetings only: the meeting's entry in the list changed (status, time).</summary>
    Task MeetingChangedAsync(MeetingSummary meeting);

    /// <summary>
    /// For the committee's meetings only: numbers an adopted motion (per committee and year, e.g. <c>SC-2026-014</c>) and
    /// writes it to the register. Idempotent by motion id: a repeated call returns the decision already numbered.
    /// </summary>
    Task<Decision> RecordDecisionAsync(DecisionDraft draft);

    /// <summary>For erasure only: every meeting in the committee's list, whatever its status.</summary>
    [ReadOnly] Task<IReadOnlyList<Guid>> GetMeetingIdsAsync();
}
