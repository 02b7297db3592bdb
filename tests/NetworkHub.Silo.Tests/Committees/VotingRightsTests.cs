using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Committees;

namespace NetworkHub.Silo.Tests.Committees;

public sealed class VotingRightsTests
{
    private static readonly Seat Partner = NewSeat(SeatKind.FoundingPartner);
    private static readonly Seat Regional = NewSeat(SeatKind.FoundingPartner, allotment: 2);
    private static readonly Seat Guest = NewSeat(SeatKind.Invited);
    private static readonly Seat Watcher = NewSeat(SeatKind.Observer);
    private static readonly Seat Offered = NewSeat(SeatKind.Invited, SeatStatus.Invited);
    private static readonly Seat Former = NewSeat(SeatKind.Invited, SeatStatus.SteppedDown);

    private static readonly CommitteeRoll Roll =
        new(CommitteeRules.Default, CommitteeOffices.None, [Partner, Regional, Guest, Watcher, Offered, Former], Visibility.Private);

    private static readonly Dictionary<Guid, Guid> NoProxies = [];

    private static Seat NewSeat(SeatKind kind, SeatStatus status = SeatStatus.Active, int allotment = 1) =>
        new(Guid.NewGuid(), Guid.NewGuid(), $"{kind} organisation", kind, status, DateTimeOffset.UnixEpoch, null, allotment,
            Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    private static CommitteeStanding Representing(params Seat[] seats) =>
        new(SpaceRole.Member, [.. seats.Select(s => new SeatStanding(s.SeatId, AsRepresentative: true, AsAlternate: false))], false, false);

    private static CommitteeStanding StandingInFor(params Seat[] seats) =>
        new(SpaceRole.Member, [.. seats.Select(s => new SeatStanding(s.SeatId, AsRepresentative: false, AsAlternate: true))], false, false);

    private static Dictionary<Guid, AttendanceStatus> Attendance(params (Seat Seat, AttendanceStatus Status)[] entries) =>
        entries.ToDictionary(e => e.Seat.SeatId, e => e.Status);

    private static IReadOnlyList<CastingSeat> SeatsFor(CommitteeStanding standing, Dictionary<Guid, AttendanceStatus> attendance,
        Dictionary<Guid, Guid>? proxies = null, bool writtenProcedure = false) =>
        VotingRights.SeatsFor(standing, Roll, attendance, proxies ?? NoProxies, writtenProcedure);

    [Fact]
    public void SeatsFor_RepresentativeOfAPresentSeat_CastsItsAllotment()
    {
        var seats = SeatsFor(Representing(Regional), Attendance((Regional, AttendanceStatus.Present)));

        Assert.Equal([new CastingSeat(Regional.SeatId, 2, ByProxy: false)], seats);
    }

    [Fact]
    public void SeatsFor_PersonWithoutASeat_GetsNone()
    {
        var nobody = new CommitteeStanding(SpaceRole.Coordinator, [], Chair: true, Secretary: true);

        Assert.Empty(SeatsFor(nobody, Attendance((Partner, AttendanceStatus.Present), (Guest, AttendanceStatus.Present))));
    }

    [Fact]
    public void SeatsFor_ObserverSeat_CastsNothing() =>
        Assert.Empty(SeatsFor(Representing(Watcher), Attendance((Watcher, AttendanceStatus.Present))));

    [Fact]
    public void SeatsFor_SeatNotActive_CastsNothing() =>
        Assert.Empty(SeatsFor(Representing(Offered, Former), Attendance((Offered, AttendanceStatus.Present), (Former, AttendanceStatus.Present))));

    [Fact]
    public void SeatsFor_SeatNoLongerOnTheRoll_CastsNothing()
    {
        var gone = NewSeat(SeatKind.Invited);

        Assert.Empty(SeatsFor(Representing(gone), Attendance((gone, AttendanceStatus.Present))));
    }

    [Theory]
    [InlineData(AttendanceStatus.Absent)]
    [InlineData(AttendanceStatus.Apologies)]
    [InlineData(AttendanceStatus.RepresentedByAlternate)]
    [InlineData(AttendanceStatus.ByProxy)]
    public void SeatsFor_RepresentativeOfASeatNotPresent_CastsNothing(AttendanceStatus status) =>
        Assert.Empty(SeatsFor(Representing(Partner), Attendance((Partner, status))));

    [Fact]
    public void SeatsFor_NoAttendanceRecorded_IsAbsent() =>
        Assert.Empty(SeatsFor(Representing(Partner), Attendance()));

    [Fact]
    public void SeatsFor_Alternate_CastsOnlyWhenRecordedInPlaceOfTheRepresentative()
    {
        Assert.Empty(SeatsFor(StandingInFor(Partner), Attendance((Partner, AttendanceStatus.Present))));
        Assert.Empty(SeatsFor(StandingInFor(Partner), Attendance((Partner, AttendanceStatus.Absent))));
        Assert.Equal([new CastingSeat(Partner.SeatId, 1, false)],
            SeatsFor(StandingInFor(Partner), Attendance((Partner, AttendanceStatus.RepresentedByAlternate))));
    }

    [Fact]
    public void SeatsFor_ProxyHolder_CastsTheAbsentSeatByProxy()
    {
        var proxies = new Dictionary<Guid, Guid> { [Regional.SeatId] = Partner.SeatId };
        var attendance = Attendance((Partner, AttendanceStatus.Present), (Regional, AttendanceStatus.ByProxy));

        Assert.Equal(
            [new CastingSeat(Partner.SeatId, 1, ByProxy: false), new CastingSeat(Regional.SeatId, 2, ByProxy: true)],
            SeatsFor(Representing(Partner), attendance, proxies));
        // The proxy-giving seat's own representative is not there to cast it.
        Assert.Empty(SeatsFor(Representing(Regional), attendance, proxies));
    }

    [Fact]
    public void SeatsFor_ProxyHolderNotPresent_CastsNeitherSeat()
    {
        var proxies = new Dictionary<Guid, Guid> { [Regional.SeatId] = Partner.SeatId };

        Assert.Empty(SeatsFor(Representing(Partner), Attendance((Partner, AttendanceStatus.Absent), (Regional, AttendanceStatus.ByProxy)), proxies));
    }

    [Fact]
    public void SeatsFor_ProxyCarriedByAnAlternateSitting_CountsToo()
    {
        var proxies = new Dictionary<Guid, Guid> { [Guest.SeatId] = Partner.SeatId };
        var attendance = Attendance((Partner, AttendanceStatus.RepresentedByAlternate), (Guest, AttendanceStatus.ByProxy));

        Assert.Equal([Partner.SeatId, Guest.SeatId], SeatsFor(StandingInFor(Partner), attendance, proxies).Select(s => s.SeatId));
    }

    [Fact]
    public void SeatsFor_ProxiesDoNotChain()
    {
        // Guest gave its proxy to Regional, which gave its own to Partner: Partner carries Regional only.
        var proxies = new Dictionary<Guid, Guid> { [Guest.SeatId] = Regional.SeatId, [Regional.SeatId] = Partner.SeatId };
        var attendance = Attendance((Partner, AttendanceStatus.Present), (Regional, AttendanceStatus.ByProxy), (Guest, AttendanceStatus.ByProxy));

        Assert.Equal([Partner.SeatId, Regional.SeatId], SeatsFor(Representing(Partner), attendance, proxies).Select(s => s.SeatId));
    }

    [Fact]
    public void SeatsFor_ProxyOfASeatNotRecordedByProxy_IsNotCast()
    {
        // The proxy was given, but the seat came after all: its representative votes, not the holder.
        var proxies = new Dictionary<Guid, Guid> { [Guest.SeatId] = Partner.SeatId };
        var attendance = Attendance((Partner, AttendanceStatus.Present), (Guest, AttendanceStatus.Present));

        Assert.Equal([Partner.SeatId], SeatsFor(Representing(Partner), attendance, proxies).Select(s => s.SeatId));
        Assert.Equal([Guest.SeatId], SeatsFor(Representing(Guest), attendance, proxies).Select(s => s.SeatId));
    }

    [Fact]
    public void SeatsFor_ObserverProxy_IsNotCast()
    {
        var proxies = new Dictionary<Guid, Guid> { [Watcher.SeatId] = Partner.SeatId };

        Assert.Equal([Partner.SeatId],
            SeatsFor(Representing(Partner), Attendance((Partner, AttendanceStatus.Present), (Watcher, AttendanceStatus.ByProxy)), proxies)
                .Select(s => s.SeatId));
    }

    [Fact]
    public void SeatsFor_WrittenProcedure_RepresentativeOrAlternateRespondsWhateverTheAttendance()
    {
        var attendance = Attendance((Partner, AttendanceStatus.Absent));

        Assert.Equal([new CastingSeat(Partner.SeatId, 1, false)], SeatsFor(Representing(Partner), attendance, writtenProcedure: true));
        Assert.Equal([new CastingSeat(Partner.SeatId, 1, false)], SeatsFor(StandingInFor(Partner), attendance, writtenProcedure: true));
        Assert.Equal([new CastingSeat(Regional.SeatId, 2, false)], SeatsFor(Representing(Regional), Attendance(), writtenProcedure: true));
        Assert.Empty(SeatsFor(Representing(Watcher), Attendance(), writtenProcedure: true));
    }

    [Fact]
    public void SeatsFor_WrittenProcedure_TheProxyHolderAnswersForTheSeat()
    {
        var proxies = new Dictionary<Guid, Guid> { [Guest.SeatId] = Partner.SeatId };

        Assert.Equal(
            [new CastingSeat(Partner.SeatId, 1, false), new CastingSeat(Guest.SeatId, 1, true)],
            SeatsFor(Representing(Partner), Attendance(), proxies, writtenProcedure: true));
        Assert.Empty(SeatsFor(Representing(Guest), Attendance(), proxies, writtenProcedure: true));
    }

    [Fact]
    public void SeatsFor_PersonActingForTwoSeats_CastsEachOnce()
    {
        var standing = new CommitteeStanding(SpaceRole.Member,
            [new SeatStanding(Partner.SeatId, true, true), new SeatStanding(Partner.SeatId, true, false), new SeatStanding(Guest.SeatId, false, true)],
            false, false);
        var attendance = Attendance((Partner, AttendanceStatus.RepresentedByAlternate), (Guest, AttendanceStatus.RepresentedByAlternate));

        Assert.Equal([Partner.SeatId, Guest.SeatId], SeatsFor(standing, attendance).Select(s => s.SeatId));
    }

    [Fact]
    public void PresentAllotments_CountsPresentAlternatesAndProxiesToPresentSeats()
    {
        var proxies = new Dictionary<Guid, Guid> { [Regional.SeatId] = Partner.SeatId };
        var attendance = Attendance(
            (Partner, AttendanceStatus.Present), (Regional, AttendanceStatus.ByProxy), (Guest, AttendanceStatus.RepresentedByAlternate),
            (Watcher, AttendanceStatus.Present), (Offered, AttendanceStatus.Present), (Former, AttendanceStatus.Present));

        Assert.Equal(4, VotingRights.PresentAllotments(Roll, attendance, proxies));
        Assert.Equal(4, Roll.VotingAllotments);
    }

    [Fact]
    public void PresentAllotments_ProxyToAnAbsentOrMissingHolder_IsNotPresent()
    {
        var attendance = Attendance((Partner, AttendanceStatus.Absent), (Regional, AttendanceStatus.ByProxy), (Guest, AttendanceStatus.ByProxy));
        var proxies = new Dictionary<Guid, Guid> { [Regional.SeatId] = Partner.SeatId };

        Assert.Equal(0, VotingRights.PresentAllotments(Roll, attendance, proxies));
    }

    [Fact]
    public void PresentAllotments_ApologiesAndAbsenceCountNothing() =>
        Assert.Equal(0, VotingRights.PresentAllotments(Roll, Attendance((Partner, AttendanceStatus.Apologies), (Guest, AttendanceStatus.Absent)), NoProxies));

    [Fact]
    public void PresentAllotments_FeedsTheQuorum()
    {
        var attendance = Attendance((Regional, AttendanceStatus.Present), (Guest, AttendanceStatus.Present));
        var present = VotingRights.PresentAllotments(Roll, attendance, NoProxies);

        var result = VoteCount.Count(VotingMethod.SimpleMajority, QuorumRule.MoreThanHalf, Roll.VotingAllotments, present, new VoteTotals(2, 1, 0));

        Assert.Equal((3, 3, true, VoteOutcome.Adopted), (result.PresentAllotments, result.QuorumRequired, result.QuorumMet, result.Outcome));
    }
}
