using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Committees;

/// <summary>Attendance by seat, the quorum it makes, and the proxies seats give one another.</summary>
internal sealed partial class MeetingGrain
{
    public async Task<MeetingView> RecordAttendanceAsync(Caller caller, Guid seatId, AttendanceStatus status)
    {
        var (standing, roll) = await RunAsync(caller);
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        if (Written)
        {
            throw new ConflictException(MeetingErrors.WrongStatus, "A written procedure has no attendance: its quorum is counted on responses.");
        }

        if (!Enum.IsDefined(status))
        {
            throw MeetingRules.Invalid("Unknown attendance status.");
        }

        HeldSeat(roll, seatId);
        State.Attendance[seatId] = status;
        Audit(caller, MeetingAuditActions.AttendanceRecorded, seatId, status.ToString());
        var quorum = Quorum(roll);
        await CommitAsync(new AttendanceRecorded(seatId, status, quorum.PresentAllotments, quorum.Required, quorum.Met));
        return View(standing, roll);
    }

    public async Task<MeetingView> GiveProxyAsync(Caller caller, Guid seatId, Guid holderSeatId)
    {
        var (standing, roll) = await SeeAsync(caller);
        RequireProxiesOpen();
        RequireActsFor(standing, seatId);
        var seat = HeldSeat(roll, seatId);
        var holder = HeldSeat(roll, holderSeatId);
        if (seatId == holderSeatId || !seat.Votes || !holder.Votes)
        {
            throw new RejectedException(MeetingErrors.InvalidInput, "A proxy goes from a voting seat to another voting seat.");
        }

        // No chains: a vote is cast by the seat that carries it, never passed on again.
        if (State.Proxies.Exists(p => p.SeatId == holderSeatId) || State.Proxies.Exists(p => p.HolderSeatId == seatId))
        {
            throw new ConflictException(MeetingErrors.ProxyChain, "A seat that gave its proxy carries none, and one that carries proxies keeps its own.");
        }

        var others = State.Proxies.Count(p => p.HolderSeatId == holderSeatId && p.SeatId != seatId);
        if (others >= roll.Rules.MaxProxiesPerHolder)
        {
            throw new ConflictException(MeetingErrors.TooManyProxies, $"A seat carries at most {roll.Rules.MaxProxiesPerHolder} proxies here.");
        }

        State.Proxies.RemoveAll(p => p.SeatId == seatId);
        State.Proxies.Add(new MeetingProxy(seatId, holderSeatId, Now));
        Audit(caller, MeetingAuditActions.ProxyGiven, seatId, holderSeatId.ToString());
        await CommitAsync(new ProxyGiven(seatId, holderSeatId));
        return View(standing, roll);
    }

    public async Task<MeetingView> RevokeProxyAsync(Caller caller, Guid seatId)
    {
        var (standing, roll) = await SeeAsync(caller);
        RequireProxiesOpen();
        RequireActsFor(standing, seatId);
        var given = State.Proxies.Find(p => p.SeatId == seatId)
            ?? throw new NotFoundException(CommitteeErrors.SeatNotFound, $"Seat {seatId} gave no proxy for this meeting.");
        State.Proxies.Remove(given);
        Audit(caller, MeetingAuditActions.ProxyRevoked, seatId, given.HolderSeatId.ToString());
        await CommitAsync(new ProxyRevoked(seatId, given.HolderSeatId));
        return View(standing, roll);
    }

    private void RequireProxiesOpen()
    {
        RequireStatus(MeetingStatus.Scheduled, MeetingStatus.InProgress);
        if (State.Votes.Count > 0)
        {
            throw new ConflictException(MeetingErrors.VotingStarted, "Proxies are fixed once the first vote has opened.");
        }
    }

    /// <summary>The seat's representative, or the secretary on its behalf.</summary>
    private static void RequireActsFor(CommitteeStanding standing, Guid seatId)
    {
        if (!standing.Secretary && !standing.Seats.Any(s => s.SeatId == seatId && s.AsRepresentative))
        {
            throw new ForbiddenException(MeetingErrors.NotSeatRepresentative, "Only the seat's representative or the secretary does this.");
        }
    }

    /// <summary>A seat the committee holds now (offered or ended seats take no part).</summary>
    private static Seat HeldSeat(CommitteeRoll roll, Guid seatId) =>
        roll.Seats.FirstOrDefault(s => s.SeatId == seatId && s.Status == SeatStatus.Active)
        ?? throw new NotFoundException(CommitteeErrors.SeatNotFound, $"Seat {seatId} is not held in this committee.");

    private Dictionary<Guid, Guid> ProxyMap() => State.Proxies.ToDictionary(p => p.SeatId, p => p.HolderSeatId);

    private QuorumState Quorum(CommitteeRoll roll)
    {
        var present = Written ? 0 : VotingRights.PresentAllotments(roll, State.Attendance, ProxyMap());
        var required = VoteCount.QuorumRequired(roll.Rules.Quorum, roll.VotingAllotments);
        return new QuorumState(present, roll.VotingAllotments, required, present >= required);
    }
}
