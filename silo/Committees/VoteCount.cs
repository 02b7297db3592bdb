using NetworkHub.Contracts.Committees;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// Counts a vote: quorum from the allotments present (or, in a written procedure, responding) at the close, then the
/// method's rule over the totals. Totals are all it needs, so open and secret ballots count alike.
/// </summary>
public static class VoteCount
{
    /// <summary>The smallest number of present voting allotments that meets <paramref name="rule"/>.</summary>
    public static int QuorumRequired(QuorumRule rule, int votingAllotments) => throw new NotImplementedException();

    public static VoteResult Count(VotingMethod method, QuorumRule quorum, int votingAllotments, int presentAllotments, VoteTotals totals) =>
        throw new NotImplementedException();
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
    /// </summary>
    public static IReadOnlyList<CastingSeat> SeatsFor(
        CommitteeStanding standing, CommitteeRoll roll, IReadOnlyDictionary<Guid, AttendanceStatus> attendance,
        IReadOnlyDictionary<Guid, Guid> proxies, bool writtenProcedure) => throw new NotImplementedException();

    /// <summary>Allotments of voting seats present, represented by their alternate, or by proxy to a present seat.</summary>
    public static int PresentAllotments(CommitteeRoll roll, IReadOnlyDictionary<Guid, AttendanceStatus> attendance, IReadOnlyDictionary<Guid, Guid> proxies) =>
        throw new NotImplementedException();
}
