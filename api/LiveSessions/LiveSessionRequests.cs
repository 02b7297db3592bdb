using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.LiveSessions;

public sealed record ScheduleSessionRequest(
    [property: Required, StringLength(LiveSessionLimits.TitleMaxLength), PlainText] string Title,
    [property: StringLength(Limits.DescriptionMaxLength), FreeText] string? Description,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required] DateTimeOffset? EndsAt,
    [property: StringLength(LiveSessionLimits.TimeZoneMaxLength), PlainText] string? TimeZone,
    [property: MaxLength(Limits.MaxLanguages), EachLength(Limits.ShortTextMaxLength), PlainText] IReadOnlyList<string>? Languages,
    [property: MaxLength(LiveSessionLimits.MaxAgendaItems), NoNullItems] IReadOnlyList<AgendaItemRequest>? Agenda)
{
    public ScheduleLiveSessionCommand ToCommand(Guid forumId) => new(forumId, Title, Description, StartsAt!.Value, EndsAt!.Value,
        TimeZone ?? "UTC", Languages ?? [], [.. (Agenda ?? []).Select(i => i.ToItem())]);
}

public sealed record UpdateAgendaRequest(
    [property: Required, MaxLength(LiveSessionLimits.MaxAgendaItems), NoNullItems] IReadOnlyList<AgendaItemRequest>? Items)
{
    public IReadOnlyList<AgendaItem> ToItems() => [.. Items!.Select(i => i.ToItem())];
}

/// <summary>An agenda item: <c>poll</c> is required for polls, <c>breakout</c> for breakouts.</summary>
public sealed record AgendaItemRequest(
    [property: Required, StringLength(LiveSessionLimits.TitleMaxLength), PlainText] string Title,
    [property: Required] AgendaFormat? Format,
    [property: Range(1, LiveSessionLimits.MaxPlannedMinutes)] int PlannedMinutes,
    PollRequest? Poll = null,
    BreakoutRequest? Breakout = null,
    [property: Range(LiveSessionLimits.MinSpeakerSeconds, LiveSessionLimits.MaxSpeakerSeconds)] int? SpeakerSeconds = null,
    Guid? Id = null)
{
    public AgendaItem ToItem() => new(Id ?? Guid.Empty, Title, Format!.Value, PlannedMinutes,
        Poll is null ? null : new PollSettings(Poll.Options ?? [], Poll.MultipleChoice, Poll.Anonymous),
        Breakout is null ? null : new BreakoutSettings(Breakout.Rooms, Breakout.Mode), SpeakerSeconds);
}

public sealed record PollRequest(
    [property: Required, MinLength(2), MaxLength(LiveSessionLimits.MaxPollOptions), EachLength(LiveSessionLimits.TitleMaxLength), PlainText] IReadOnlyList<string>? Options,
    bool MultipleChoice = false,
    bool Anonymous = false);

public sealed record BreakoutRequest(
    [property: Range(1, LiveSessionLimits.MaxRooms)] int Rooms,
    BreakoutMode Mode = BreakoutMode.Random);
