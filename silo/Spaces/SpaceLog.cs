using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>Log lines of the spaces. Ids only: names and texts of people at risk never reach a log.</summary>
internal static partial class SpaceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Space} created by person {PersonId}")]
    public static partial void Created(ILogger logger, SpaceRef space, Guid personId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Space}: person {PersonId} now has role {Role}")]
    public static partial void RoleChanged(ILogger logger, SpaceRef space, Guid personId, SpaceRole? role);

    /// <summary>Without the person's id: after an erasure nothing should tie them to the spaces they were in.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "{Space}: a person's data erased")]
    public static partial void PersonErased(ILogger logger, SpaceRef space);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Space}: effect on {Target} not delivered yet; it will be retried")]
    public static partial void EffectFailed(ILogger logger, Exception exception, SpaceRef space, string target);
}
