using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>Log lines of live sessions. Ids only: names and what people said never reach a log.</summary>
internal static partial class LiveSessionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} scheduled in forum {ForumId} by person {PersonId}")]
    public static partial void Scheduled(ILogger logger, Guid sessionId, Guid forumId, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} is now {Status}")]
    public static partial void StatusChanged(ILogger logger, Guid sessionId, LiveSessionStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: {Action} for person {PersonId} by person {ActorId}")]
    public static partial void Moderated(ILogger logger, Guid sessionId, string action, Guid personId, Guid actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: person {PersonId} lost access through the forum and left")]
    public static partial void AccessLost(ILogger logger, Guid sessionId, Guid personId);

    /// <summary>Without the person's id: after an erasure nothing should tie them to the session.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: a person's data erased")]
    public static partial void PersonErased(ILogger logger, Guid sessionId);
}
