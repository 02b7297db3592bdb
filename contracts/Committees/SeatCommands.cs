namespace NetworkHub.Contracts.Committees;

/// <summary>
/// An offer of a seat to an organisation. <see cref="TermStart"/> defaults to now; without <see cref="TermEnd"/> the seat
/// is held until it is ended. <see cref="Allotment"/>: 1 to 100 votes, 0 only for an observer.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.SeatInvitation")]
public sealed record SeatInvitation(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] SeatKind Kind,
    [property: Id(2)] DateTimeOffset? TermStart,
    [property: Id(3)] DateTimeOffset? TermEnd,
    [property: Id(4)] int Allotment = 1);

/// <summary>What the committee's coordinators change of a seat while it is offered or held.</summary>
[GenerateSerializer, Alias("NetworkHub.SeatTerms")]
public sealed record SeatTerms(
    [property: Id(0)] SeatKind Kind,
    [property: Id(1)] DateTimeOffset TermStart,
    [property: Id(2)] DateTimeOffset? TermEnd,
    [property: Id(3)] int Allotment);

/// <summary>The people an organisation names for its seat: both must belong to it.</summary>
[GenerateSerializer, Alias("NetworkHub.SeatPeople")]
public sealed record SeatPeople(
    [property: Id(0)] Guid Representative,
    [property: Id(1)] Guid? Alternate);
