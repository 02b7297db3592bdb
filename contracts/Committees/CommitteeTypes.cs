using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.Committees;

/// <summary>What kind of seat an organisation holds. Observers speak but never vote.</summary>
public enum SeatKind
{
    FoundingPartner = 0,
    Invited = 1,
    Observer = 2,
}

/// <summary>Where a seat stands: offered to an organisation, held, or no longer held (declined, stepped down, term over).</summary>
public enum SeatStatus
{
    Invited = 0,
    Active = 1,
    Declined = 2,
    SteppedDown = 3,
    Vacant = 4,
}

/// <summary>How a motion is decided; see <c>VoteCount</c> in the silo for the exact rule of each.</summary>
public enum VotingMethod
{
    /// <summary>More yes than no among the votes cast; abstentions are not cast votes.</summary>
    SimpleMajority = 0,

    /// <summary>Yes is more than half of all voting allotments of the committee, present or not.</summary>
    AbsoluteMajority = 1,

    /// <summary>Yes is at least two thirds of the yes and no votes cast.</summary>
    TwoThirds = 2,

    /// <summary>Every voting allotment present votes yes.</summary>
    Unanimity = 3,

    /// <summary>Adopted unless a voting seat objects (a no, with its reason); abstaining is standing aside.</summary>
    Consensus = 4,
}

/// <summary>How quorum is measured: against the share of all voting allotments present, or a fixed count of them.</summary>
public enum QuorumKind
{
    /// <summary>Present allotments are more than <see cref="QuorumRule.Value"/> percent of all voting allotments (50: more than half).</summary>
    MoreThanPercent = 0,

    /// <summary>Present allotments are at least <see cref="QuorumRule.Value"/> percent of all voting allotments.</summary>
    AtLeastPercent = 1,

    /// <summary>At least <see cref="QuorumRule.Value"/> voting allotments are present.</summary>
    AtLeastCount = 2,
}

[GenerateSerializer, Alias("NetworkHub.QuorumRule")]
public sealed record QuorumRule([property: Id(0)] QuorumKind Kind, [property: Id(1)] int Value)
{
    public static QuorumRule MoreThanHalf { get; } = new(QuorumKind.MoreThanPercent, 50);
}

/// <summary>A committee's own rules. <see cref="MaxProxiesPerHolder"/>: how many other seats' proxies one seat may carry.</summary>
[GenerateSerializer, Alias("NetworkHub.CommitteeRules")]
public sealed record CommitteeRules(
    [property: Id(0)] QuorumRule Quorum,
    [property: Id(1)] VotingMethod DefaultMethod,
    [property: Id(2)] int MaxProxiesPerHolder = 1)
{
    public static CommitteeRules Default { get; } = new(QuorumRule.MoreThanHalf, VotingMethod.SimpleMajority);
}

/// <summary>The committee's offices, held by people. Chair and secretary run meetings and keep the record.</summary>
[GenerateSerializer, Alias("NetworkHub.CommitteeOffices")]
public sealed record CommitteeOffices(
    [property: Id(0)] Guid? Chair,
    [property: Id(1)] IReadOnlyList<Guid> CoChairs,
    [property: Id(2)] Guid? Secretary)
{
    public static CommitteeOffices None { get; } = new(null, [], null);
}

/// <summary>The editable part of a committee. <see cref="Code"/> prefixes decision numbers (<c>SC</c> in <c>SC-2026-014</c>);
/// 2 to 10 capital letters or digits, by default the initials of the name.</summary>
[GenerateSerializer, Alias("NetworkHub.CommitteeProfile")]
public sealed record CommitteeProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Mandate,
    [property: Id(2)] Visibility Visibility,
    [property: Id(3)] CommitteeRules Rules,
    [property: Id(4)] bool? RequireTwoFactor = null,
    [property: Id(5)] string? Code = null);

/// <summary>
/// A steering committee (or board, or assembly) of a coalition or a forum. Its seats are held by organisations;
/// its coordinators manage seats and offices.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.CommitteeDetails")]
public sealed record CommitteeDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] SpaceRef Parent,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Mandate,
    [property: Id(4)] Visibility Visibility,
    [property: Id(5)] int Version,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] SpaceRole? YourRole,
    [property: Id(9)] CommitteeRules Rules,
    [property: Id(10)] CommitteeOffices Offices,
    [property: Id(11)] bool RequireTwoFactor,
    [property: Id(12)] string Code);

/// <summary>
/// A seat. <see cref="Representative"/> and <see cref="Alternate"/> are people of the holding organisation, named by
/// its coordinators; the alternate votes only when the representative is absent.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.Seat")]
public sealed record Seat(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] Guid OrganisationId,
    [property: Id(2)] string OrganisationName,
    [property: Id(3)] SeatKind Kind,
    [property: Id(4)] SeatStatus Status,
    [property: Id(5)] DateTimeOffset TermStart,
    [property: Id(6)] DateTimeOffset? TermEnd,
    [property: Id(7)] int Allotment,
    [property: Id(8)] Guid? Representative,
    [property: Id(9)] Guid? Alternate,
    [property: Id(10)] DateTimeOffset InvitedAt)
{
    public bool Votes => Status == SeatStatus.Active && Kind != SeatKind.Observer && Allotment > 0;
}

/// <summary>
/// What a meeting needs from its committee to run a vote: the rules, the offices and the seats that are held now.
/// Never exposed by the API as such (it names representatives); meetings ask for it when they count.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.CommitteeRoll")]
public sealed record CommitteeRoll(
    [property: Id(0)] CommitteeRules Rules,
    [property: Id(1)] CommitteeOffices Offices,
    [property: Id(2)] IReadOnlyList<Seat> Seats,
    [property: Id(3)] Visibility Visibility)
{
    /// <summary>Every voting allotment of the committee, present or not: what absolute majority and quorum are measured against.</summary>
    public int VotingAllotments => Seats.Where(s => s.Votes).Sum(s => s.Allotment);
}

/// <summary>
/// For whom a caller may act in a committee right now: the seats they represent or stand in for (checked against the
/// holding organisation's roster at the moment of asking, so someone who left the organisation holds nothing), and
/// the offices they hold.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.CommitteeStanding")]
public sealed record CommitteeStanding(
    [property: Id(0)] SpaceRole? Role,
    [property: Id(1)] IReadOnlyList<SeatStanding> Seats,
    [property: Id(2)] bool Chair,
    [property: Id(3)] bool Secretary)
{
    /// <summary>Chair, co-chair or secretary: may run meetings (attendance, votes, minutes).</summary>
    public bool RunsMeetings => Chair || Secretary;
}

[GenerateSerializer, Alias("NetworkHub.SeatStanding")]
public sealed record SeatStanding(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] bool AsRepresentative,
    [property: Id(2)] bool AsAlternate);

/// <summary>How a seat attends a meeting, as the secretary records it. Present, alternate and proxy count towards quorum.</summary>
public enum AttendanceStatus
{
    Absent = 0,
    Present = 1,

    /// <summary>The representative is absent and the alternate sits (and votes) instead.</summary>
    RepresentedByAlternate = 2,

    /// <summary>Absent, its proxy carried by another seat that is present.</summary>
    ByProxy = 3,
    Apologies = 4,
}

public enum BallotChoice
{
    Yes = 0,
    No = 1,
    Abstain = 2,
}

/// <summary>Open ballots record who voted how; secret ones keep only totals and which seats voted.</summary>
public enum BallotKind
{
    Open = 0,
    Secret = 1,
}

public enum VoteOutcome
{
    /// <summary>Quorum was not met when the vote closed: nothing was decided and the motion stays open.</summary>
    NotDecided = 0,
    Adopted = 1,
    Rejected = 2,
}

/// <summary>Allotments by choice; under consensus a no is an objection.</summary>
[GenerateSerializer, Alias("NetworkHub.VoteTotals")]
public sealed record VoteTotals(
    [property: Id(0)] int Yes,
    [property: Id(1)] int No,
    [property: Id(2)] int Abstain)
{
    public static VoteTotals Zero { get; } = new(0, 0, 0);

    public int Cast => Yes + No;

    public int Responded => Yes + No + Abstain;
}

/// <summary>The result of a vote at its close, with the quorum as it stood then.</summary>
[GenerateSerializer, Alias("NetworkHub.VoteResult")]
public sealed record VoteResult(
    [property: Id(0)] VoteOutcome Outcome,
    [property: Id(1)] VotingMethod Method,
    [property: Id(2)] VoteTotals Totals,
    [property: Id(3)] int PresentAllotments,
    [property: Id(4)] int VotingAllotments,
    [property: Id(5)] int QuorumRequired,
    [property: Id(6)] bool QuorumMet);

/// <summary>A decision as the register keeps it: immutable once written.</summary>
[GenerateSerializer, Alias("NetworkHub.Decision")]
public sealed record Decision(
    [property: Id(0)] string Number,
    [property: Id(1)] Guid CommitteeId,
    [property: Id(2)] int Year,
    [property: Id(3)] int Sequence,
    [property: Id(4)] Guid MeetingId,
    [property: Id(5)] Guid MotionId,
    [property: Id(6)] string Title,
    [property: Id(7)] string Text,
    [property: Id(8)] VoteResult Result,
    [property: Id(9)] BallotKind Ballot,
    [property: Id(10)] DateTimeOffset DecidedAt);

[GenerateSerializer, Alias("NetworkHub.DecisionPage")]
public sealed record DecisionPage(
    [property: Id(0)] IReadOnlyList<Decision> Decisions,
    [property: Id(1)] string? NextAfter);

/// <summary>What the meeting grain asks the register to number: everything but the number.</summary>
[GenerateSerializer, Alias("NetworkHub.DecisionDraft")]
public sealed record DecisionDraft(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] Guid MotionId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Text,
    [property: Id(4)] VoteResult Result,
    [property: Id(5)] BallotKind Ballot,
    [property: Id(6)] DateTimeOffset DecidedAt);

public enum MeetingType
{
    Regular = 0,
    Extraordinary = 1,
    Retreat = 2,
    Other = 3,

    /// <summary>No sitting: motions are voted in writing by a deadline, and quorum is counted on responses.</summary>
    WrittenProcedure = 4,
}

public enum MeetingStatus
{
    Scheduled = 0,
    InProgress = 1,
    Closed = 2,
    Cancelled = 3,
}

/// <summary>
/// A meeting as the committee's list shows it. <see cref="TimeZone"/> (IANA) is the zone its date is shown in; null in
/// entries listed before the list carried it.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MeetingSummary")]
public sealed record MeetingSummary(
    [property: Id(6)] Guid CommitteeId,
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] string Title,
    [property: Id(2)] MeetingType Type,
    [property: Id(3)] MeetingStatus Status,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset? Deadline,
    [property: Id(7)] string? TimeZone = null);
