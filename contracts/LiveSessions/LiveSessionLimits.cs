using NetworkHub.Contracts.Live;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>Input limits shared by request validation in the API and guards in the session grain.</summary>
public static class LiveSessionLimits
{
    public const int TitleMaxLength = 200;
    public const int TimeZoneMaxLength = 64;
    public const int ContributionMaxLength = 2_000;
    public const int StatementMaxLength = 280;
    public const int SummaryMaxLength = 10_000;
    public const int ReactionMaxLength = 16;
    public const int MaxAgendaItems = 50;
    public const int MaxPollOptions = 20;
    public const int MaxRooms = 50;
    public const int MaxPlannedMinutes = 24 * 60;
    public const int MaxExtendMinutes = 120;
    public const int MinSpeakerSeconds = 10;
    public const int MaxSpeakerSeconds = 3_600;
    public const int DefaultSpeakerSeconds = 120;

    /// <summary>Committees one session may propose to; the session keeps their ids to find its proposals.</summary>
    public const int ProposalCommitteesMax = 20;

    /// <summary>Events kept in the persisted log for catching up; a client further behind gets a snapshot.</summary>
    public const int EventLogCapacity = LiveStreamLimits.EventLogCapacity;

    /// <summary>The reactions a contribution can get.</summary>
    public static readonly IReadOnlyList<string> Reactions = ["agree", "applause", "heart", "question", "thanks"];
}
