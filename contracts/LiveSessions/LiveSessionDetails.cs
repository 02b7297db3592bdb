namespace NetworkHub.Contracts.LiveSessions;

/// <summary>
/// A session as anyone who may see it sees it: schedule, agenda, where it stands now, and the caller's role.
/// <see cref="CurrentItem"/> is -1 before the start; <see cref="Sequence"/> is the number of the last event.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionDetails")]
public sealed record LiveSessionDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ForumId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] IReadOnlyList<string> Languages,
    [property: Id(8)] LiveSessionStatus Status,
    [property: Id(9)] IReadOnlyList<AgendaItem> Agenda,
    [property: Id(10)] int CurrentItem,
    [property: Id(11)] DateTimeOffset? ItemEndsAt,
    [property: Id(12)] IReadOnlyList<Guid> CoFacilitators,
    [property: Id(13)] LiveSessionRole? YourRole,
    [property: Id(14)] long Sequence);

/// <summary>A session as a forum's list shows it.</summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionSummary")]
public sealed record LiveSessionSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] LiveSessionStatus Status);
