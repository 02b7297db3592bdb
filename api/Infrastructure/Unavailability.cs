using System.Data.Common;
using Orleans.Runtime;
using Orleans.Storage;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// The one rule that decides a failure means "the service cannot be reached now", shared by HTTP
/// (<see cref="DomainExceptionHandler"/>: 503 with Retry-After) and the hubs (<see cref="HubErrorFilter"/>), so a
/// client sees the same code for a database or silo outage whichever way it called.
/// </summary>
internal static class Unavailability
{
    public const string Code = "service.unavailable";
    public const string Detail = "The service is briefly unavailable; try again shortly.";

    /// <summary>How long a client should wait before retrying, in seconds (HTTP sends it as Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Failures that say nothing about the request, only that a silo or the database cannot be reached now.</summary>
    public static bool Matches(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException
            or TimeoutException or DbException or InconsistentStateException or GatewayTooBusyException => true,
        _ => exception.InnerException is { } inner && Matches(inner),
    };
}
