using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Silo.Committees;

/// <summary>Log lines of meetings. Ids only, and never a seat next to a choice.</summary>
internal static partial class MeetingLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Meeting {MeetingId}: {Count} changes written")]
    public static partial void Committed(ILogger logger, Guid meetingId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: person {PersonId} lost access through the committee and stopped watching")]
    public static partial void AccessLost(ILogger logger, Guid meetingId, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} scheduled in committee {CommitteeId} by person {PersonId}")]
    public static partial void Scheduled(ILogger logger, Guid meetingId, Guid committeeId, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} is now {Status}")]
    public static partial void StatusChanged(ILogger logger, Guid meetingId, MeetingStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: vote {VoteId} closed, {Outcome}")]
    public static partial void VoteClosed(ILogger logger, Guid meetingId, Guid voteId, VoteOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: the committee did not take a change yet; retrying")]
    public static partial void CommitteeCallFailed(ILogger logger, Guid meetingId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: motion {MotionId} recorded as decision {Number}")]
    public static partial void DecisionRecorded(ILogger logger, Guid meetingId, Guid motionId, string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: a secret ballot closed and SQLite could not truncate its write-ahead log (a reader held it), which keeps earlier copies until the next scrub")]
    public static partial void ScrubDeferred(ILogger logger, Guid meetingId, Exception? exception);
}
