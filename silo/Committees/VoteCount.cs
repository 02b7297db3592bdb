using NetworkHub.Contracts.Committees;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// Counts a vote: quorum from the allotments present (or, in a written procedure, responding) at the close, then the
/// method's rule over the totals. Totals are all it needs, so open and secret ballots count alike.
/// </summary>
public static class VoteCount
{
    /// <summary>The smallest number of present voting allotments that meets <paramref name="rule"/>.</summary>
    public static int QuorumRequired(QuorumRule rule, int votingAllotments)
    {
        // In long, so a large assembly times a percentage cannot overflow before the division.
        long product = (long)votingAllotments * rule.Value;
        return rule.Kind switch
        {
            QuorumKind.MoreThanPercent => (int)(FloorDiv(product, 100) + 1),
            QuorumKind.AtLeastPercent => (int)-FloorDiv(-product, 100),
            QuorumKind.AtLeastCount => rule.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown kind of quorum."),
        };
    }

    /// <summary>
    /// Quorum is never met by a committee without voting allotments, whatever the rule says: a vote of nobody decides
    /// nothing.
    /// </summary>
    public static bool QuorumMet(QuorumRule rule, int votingAllotments, int presentAllotments) =>
        votingAllotments > 0 && presentAllotments >= QuorumRequired(rule, votingAllotments);

    public static VoteResult Count(VotingMethod method, QuorumRule quorum, int votingAllotments, int presentAllotments, VoteTotals totals)
    {
        var required = QuorumRequired(quorum, votingAllotments);
        var met = QuorumMet(quorum, votingAllotments, presentAllotments);
        var outcome = !met ? VoteOutcome.NotDecided
            : Adopted(method, votingAllotments, presentAllotments, totals) ? VoteOutcome.Adopted
            : VoteOutcome.Rejected;
        return new VoteResult(outcome, method, totals, presentAllotments, votingAllotments, required, met);
    }

    private static bool Adopted(VotingMethod method, int votingAllotments, int presentAllotments, VoteTotals t) => method switch
    {
        VotingMethod.SimpleMajority => t.Yes > t.No,
        VotingMethod.AbsoluteMajority => 2L * t.Yes > votingAllotments,
        VotingMethod.TwoThirds => t.Cast > 0 && 3L * t.Yes >= 2L * t.Cast,
        // Every allotment present must say yes: an abstention, a no, or a present seat that never voted all fail it.
        VotingMethod.Unanimity => presentAllotments > 0 && t.Yes == presentAllotments,
        VotingMethod.Consensus => t.No == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown voting method."),
    };

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// <summary>A seat the caller may cast a vote for, with its weight, and whether they carry it by proxy.</summary>
public readonly record struct CastingSeat(Guid SeatId, int Allotment, bool ByProxy);

/// <summary>Who may cast which seats' votes at a meeting, and which allotments are present.</summary>
public static class VotingRights
{
    /// <summary>
    /// The seats the caller may vote for: a voting seat (never an observer's) they represent while it is present, or
    /// stand in for as its alternate while it is recorded as represented by the alternate; in a written procedure, any
    /// voting seat they represent or stand in for; and each seat whose proxy a seat they may vote for carries.
    /// A seat that has given its proxy is cast by the holder only (at a meeting it is recorded by proxy, so its own
    /// people could not cast it anyway; in a written procedure the proxy is what says who answers for it).
    /// Proxies do not chain: a seat cast by proxy carries no proxies of its own.
    /// </summary>
    public static IReadOnlyList<CastingSeat> SeatsFor(
        CommitteeStanding standing, CommitteeRoll roll, IReadOnlyDictionary<Guid, AttendanceStatus> attendance,
        IReadOnlyDictionary<Guid, Guid> proxies, bool writtenProcedure)
    {
        var seats = VotingSeats(roll);
        var result = new List<CastingSeat>();
        var own = new HashSet<Guid>();
        foreach (var held in standing.Seats)
        {
            if (!seats.TryGetValue(held.SeatId, out var seat) || own.Contains(seat.SeatId))
            {
                continue;
            }

            var status = attendance.GetValueOrDefault(seat.SeatId, AttendanceStatus.Absent);
            var casts = writtenProcedure
                ? (held.AsRepresentative || held.AsAlternate) && !HasGivenProxy(seat.SeatId, proxies, seats)
                : (held.AsRepresentative && status == AttendanceStatus.Present)
                  || (held.AsAlternate && status == AttendanceStatus.RepresentedByAlternate);
            if (casts)
            {
                own.Add(seat.SeatId);
                result.Add(new CastingSeat(seat.SeatId, seat.Allotment, ByProxy: false));
            }
        }

        foreach (var seat in roll.Seats)
        {
            if (!seat.Votes || own.Contains(seat.SeatId) || !proxies.TryGetValue(seat.SeatId, out var holder) || !own.Contains(holder))
            {
                continue;
            }

            if (writtenProcedure || attendance.GetValueOrDefault(seat.SeatId) == AttendanceStatus.ByProxy)
            {
                result.Add(new CastingSeat(seat.SeatId, seat.Allotment, ByProxy: true));
            }
        }

        return result;
    }

    /// <summary>Allotments of voting seats present, represented by their alternate, or by proxy to a present seat.</summary>
    public static int PresentAllotments(CommitteeRoll roll, IReadOnlyDictionary<Guid, AttendanceStatus> attendance, IReadOnlyDictionary<Guid, Guid> proxies)
    {
        var seats = VotingSeats(roll);
        bool Sits(Guid seatId) => seats.ContainsKey(seatId)
            && attendance.GetValueOrDefault(seatId) is AttendanceStatus.Present or AttendanceStatus.RepresentedByAlternate;

        return seats.Values
            .Where(s => Sits(s.SeatId)
                || (attendance.GetValueOrDefault(s.SeatId) == AttendanceStatus.ByProxy
                    && proxies.TryGetValue(s.SeatId, out var holder) && holder != s.SeatId && Sits(holder)))
            .Sum(s => s.Allotment);
    }

    private static Dictionary<Guid, Seat> VotingSeats(CommitteeRoll roll)
    {
        var seats = new Dictionary<Guid, Seat>();
        foreach (var seat in roll.Seats.Where(s => s.Votes))
        {
            seats.TryAdd(seat.SeatId, seat);
        }

        return seats;
    }

    private static bool HasGivenProxy(Guid seatId, IReadOnlyDictionary<Guid, Guid> proxies, Dictionary<Guid, Seat> seats) =>
        proxies.TryGetValue(seatId, out var holder) && holder != seatId && seats.ContainsKey(holder);
}
