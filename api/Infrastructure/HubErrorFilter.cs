using Microsoft.AspNetCore.SignalR;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// The hubs' counterpart of <see cref="DomainExceptionHandler"/>: a domain exception reaches the caller as a hub error
/// "{code}: {message}"; an unreachable cluster or database as "service.unavailable" (the same <see cref="Unavailability"/> rule as HTTP); anything else as SignalR's generic error,
/// which reveals nothing about the server.
/// </summary>
internal sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException e)
        {
            throw new HubException($"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (Unavailability.Matches(e))
        {
            LogUnavailable(logger, invocationContext.HubMethodName, e);
            throw new HubException($"{Unavailability.Code}: {Unavailability.Detail}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub method {Method} failed: cluster or database unavailable")]
    private static partial void LogUnavailable(ILogger logger, string method, Exception exception);
}
