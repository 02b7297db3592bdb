using NetworkHub.Contracts.Live;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>Scheduled, then lobby, running (and paused), closed. Never back to an earlier status.</summary>
public enum LiveSessionStatus
{
    Scheduled = 0,
    Lobby = 1,
    Running = 2,
    Paused = 3,
    Closed = 4,
}

/// <summary>What happens during an agenda item.</summary>
public enum AgendaFormat
{
    Plenary = 0,
    SpeakingRound = 1,
    Poll = 2,
    Statements = 3,
    Breakout = 4,
}

/// <summary>How participants are split into breakout rooms.</summary>
public enum BreakoutMode
{
    Random = 0,
    OrganisationsTogether = 1,
    OrganisationsApart = 2,
}

/// <summary>A participant's reaction to a statement.</summary>
public enum StatementVote
{
    Agree = 0,
    Disagree = 1,
    Pass = 2,
}

/// <summary>What a person may do in a session: facilitators control, participants take part, observers watch.</summary>
public enum LiveSessionRole
{
    Observer = 0,
    Participant = 1,
    Facilitator = 2,
}

[GenerateSerializer, Alias("NetworkHub.PollSettings")]
public sealed record PollSettings(
    [property: Id(0)] IReadOnlyList<string> Options,
    [property: Id(1)] bool MultipleChoice,
    [property: Id(2)] bool Anonymous);

[GenerateSerializer, Alias("NetworkHub.BreakoutSettings")]
public sealed record BreakoutSettings(
    [property: Id(0)] int Rooms,
    [property: Id(1)] BreakoutMode Mode);

/// <summary>
/// One item of the agenda. <see cref="Poll"/> is required for polls and <see cref="Breakout"/> for breakouts;
/// <see cref="SpeakerSeconds"/> is each speaker's time in a speaking round. An empty id gets a new one.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.AgendaItem")]
public sealed record AgendaItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] AgendaFormat Format,
    [property: Id(3)] int PlannedMinutes,
    [property: Id(4)] PollSettings? Poll = null,
    [property: Id(5)] BreakoutSettings? Breakout = null,
    [property: Id(6)] int? SpeakerSeconds = null);

[GenerateSerializer, Alias("NetworkHub.ScheduleLiveSessionCommand")]
public sealed record ScheduleLiveSessionCommand(
    [property: Id(0)] Guid ForumId,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] string TimeZone,
    [property: Id(6)] IReadOnlyList<string> Languages,
    [property: Id(7)] IReadOnlyList<AgendaItem> Agenda);

/// <summary>A contribution to the current item (or the author's breakout room). The client chooses the id, so a retry after a
/// lost acknowledgement does not post twice.</summary>
[GenerateSerializer, Alias("NetworkHub.ContributeCommand")]
public sealed record ContributeCommand(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] Guid? ReplyTo = null);

/// <summary>What a relay gets back when a connection joins, or when it asks for events it missed.</summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionCatchUp")]
public sealed record LiveSessionCatchUp(
    [property: Id(0)] long Sequence,
    [property: Id(1)] LiveSessionRole? Role,
    [property: Id(2)] IReadOnlyList<LiveSessionEvent>? Events,
    [property: Id(3)] LiveSessionView? Snapshot) : ILiveCatchUp<LiveSessionEvent, LiveSessionView>
{
    public bool Admits(Guid personId) => Snapshot?.Present.Any(p => p.PersonId == personId) ?? true;
}

/// <summary>The answer to a hub Join, sent after the snapshot or the missed events. Travels as JSON only, never between grains.</summary>
public sealed record LiveSessionJoined(Guid SessionId, LiveSessionRole Role, long Sequence);
