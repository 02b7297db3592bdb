using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Silo.Committees;

/// <summary>Motions, amendments and their votes.</summary>
internal sealed partial class MeetingGrain
{
    public Task<MeetingView> ScheduleAsync(Caller caller, Guid committeeId, MeetingPlan plan) => throw new NotImplementedException();

    public Task<MeetingView> UpdateAgendaAsync(Caller caller, IReadOnlyList<MeetingAgendaItemDraft> agenda, int? expectedVersion) => throw new NotImplementedException();

    public Task<MeetingView> StartAsync(Caller caller) => throw new NotImplementedException();

    public Task<MeetingView> CloseAsync(Caller caller) => throw new NotImplementedException();

    public Task<MeetingView> CancelAsync(Caller caller) => throw new NotImplementedException();

    public Task<MeetingView> RecordAttendanceAsync(Caller caller, Guid seatId, AttendanceStatus status) => throw new NotImplementedException();

    public Task<MeetingView> GiveProxyAsync(Caller caller, Guid seatId, Guid holderSeatId) => throw new NotImplementedException();

    public Task<MeetingView> RevokeProxyAsync(Caller caller, Guid seatId) => throw new NotImplementedException();

    public Task<MotionView> ProposeMotionAsync(Caller caller, MotionDraft draft) => throw new NotImplementedException();

    public Task<MotionView> SecondMotionAsync(Caller caller, Guid motionId, Guid seconderSeatId) => throw new NotImplementedException();

    public Task<MotionView> ProposeAmendmentAsync(Caller caller, Guid motionId, AmendmentDraft draft) => throw new NotImplementedException();

    public Task<MotionView> SecondAmendmentAsync(Caller caller, Guid motionId, Guid amendmentId, Guid seconderSeatId) => throw new NotImplementedException();

    public Task<VoteView> OpenVoteAsync(Caller caller, OpenVoteCommand command) => throw new NotImplementedException();

    public Task<VoteView> CastVoteAsync(Caller caller, Guid voteId, CastVoteCommand command) => throw new NotImplementedException();

    public Task<VoteView> CloseVoteAsync(Caller caller, Guid voteId) => throw new NotImplementedException();

    private MeetingView View(CommitteeStanding standing, CommitteeRoll roll) => throw new NotImplementedException();
}
