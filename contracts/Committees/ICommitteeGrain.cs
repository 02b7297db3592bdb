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
}
