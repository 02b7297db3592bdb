using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;
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

/// <summary>
/// A proposal to a committee from the session: <c>source.roomId</c> for a summary, <c>source.statementId</c> for a
/// statement. <c>title</c> defaults to the agenda item's, <c>text</c> to the quoted source; an action item is owed by
/// at most one of <c>assigneePersonId</c> and <c>assigneeSeatId</c>, by the proposer when neither is given.
/// </summary>
public sealed record SessionProposalRequest(
    [property: Required] Guid? CommitteeId,
    [property: Required] ProposalKind? Kind,
    [property: Required] ProposalSourceRequest? Source,
    [property: StringLength(MeetingLimits.TitleMaxLength), PlainText] string? Title = null,
    [property: StringLength(MeetingLimits.MotionTextMaxLength), FreeText] string? Text = null,
    Guid? AssigneePersonId = null,
    Guid? AssigneeSeatId = null) : IValidatableObject
{
    public SessionProposalCommand ToCommand() => new(
        CommitteeId!.Value, Kind!.Value, Source!.ToSource(), Title, Text,
        AssigneePersonId is null && AssigneeSeatId is null ? null : new ActionItemAssignee(AssigneePersonId, AssigneeSeatId));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AssigneePersonId is not null && AssigneeSeatId is not null)
        {
            yield return new ValidationResult("Give at most one of assigneePersonId and assigneeSeatId.", [nameof(AssigneePersonId), nameof(AssigneeSeatId)]);
        }

        if (Source is { Kind: ProposalSourceKind.Summary, RoomId: null })
        {
            yield return new ValidationResult("A summary is named by its room.", [nameof(Source)]);
        }

        if (Source is { Kind: ProposalSourceKind.Statement, StatementId: null })
        {
            yield return new ValidationResult("A statement is named by its id.", [nameof(Source)]);
        }
    }
}

public sealed record ProposalSourceRequest(
    [property: Required] ProposalSourceKind? Kind,
    [property: Required] Guid? ItemId,
    Guid? RoomId = null,
    Guid? StatementId = null)
{
    public ProposalSource ToSource() => new(Kind!.Value, ItemId!.Value, RoomId, StatementId);
}
