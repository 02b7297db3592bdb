using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Committees;

/// <summary>
/// A committee's profile. <c>code</c> prefixes decision numbers (2 to 10 capital letters or digits; by default the
/// initials of the name); without <c>rules</c> quorum is more than half and the default method a simple majority.
/// </summary>
public sealed record CommitteeRequest(
    [property: Required, StringLength(Limits.NameMaxLength), PlainText] string Name,
    [property: StringLength(Limits.DescriptionMaxLength), FreeText] string? Mandate,
    Visibility Visibility = Visibility.MembersOnly,
    CommitteeRulesRequest? Rules = null,
    [property: RegularExpression(CommitteeLimits.CodePattern)] string? Code = null,
    bool? RequireTwoFactor = null)
{
    public CommitteeProfile ToProfile() => new(Name, Mandate, Visibility, Rules?.ToRules() ?? CommitteeRules.Default, RequireTwoFactor, Code);
}

/// <summary>Quorum: a percentage (1 to 100) of all voting allotments, or a count of at least 1.</summary>
public sealed record CommitteeRulesRequest(
    [property: Required] QuorumKind? QuorumKind,
    [property: Range(1, 100_000)] int QuorumValue,
    VotingMethod DefaultMethod = VotingMethod.SimpleMajority,
    [property: Range(0, CommitteeLimits.MaxProxiesPerHolder)] int MaxProxiesPerHolder = 1)
{
    public CommitteeRules ToRules() => new(new QuorumRule(QuorumKind!.Value, QuorumValue), DefaultMethod, MaxProxiesPerHolder);
}

public sealed record CommitteeOfficesRequest(
    Guid? Chair,
    [property: MaxLength(CommitteeLimits.MaxCoChairs)] IReadOnlyList<Guid>? CoChairs,
    Guid? Secretary)
{
    public CommitteeOffices ToOffices() => new(Chair, CoChairs ?? [], Secretary);
}

/// <summary>An offer of a seat; <c>termStart</c> defaults to now, no <c>termEnd</c> means until ended; allotment 0 only for observers.</summary>
public sealed record SeatInvitationRequest(
    [property: Required] Guid? OrganisationId,
    SeatKind Kind = SeatKind.Invited,
    DateTimeOffset? TermStart = null,
    DateTimeOffset? TermEnd = null,
    [property: Range(0, CommitteeLimits.AllotmentMax)] int Allotment = 1)
{
    public SeatInvitation ToInvitation() => new(OrganisationId!.Value, Kind, TermStart, TermEnd, Allotment);
}

public sealed record SeatTermsRequest(
    [property: Required] SeatKind? Kind,
    [property: Required] DateTimeOffset? TermStart,
    DateTimeOffset? TermEnd,
    [property: Range(0, CommitteeLimits.AllotmentMax)] int Allotment = 1)
{
    public SeatTerms ToTerms() => new(Kind!.Value, TermStart!.Value, TermEnd, Allotment);
}

/// <summary>The organisation's representative and (optionally) alternate: people who belong to it.</summary>
public sealed record SeatPeopleRequest(
    [property: Required] Guid? Representative,
    Guid? Alternate)
{
    public SeatPeople ToPeople() => new(Representative!.Value, Alternate);
}
