using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// The hubs' counterpart of <see cref="DomainExceptionHandler"/>: a domain exception, or an unreachable cluster or
/// database (the same <see cref="Unavailability"/> rule as HTTP), becomes the failed <see cref="HubReply{T}"/> of the
/// invoked method, so the caller reads a typed <see cref="HubError"/>. Anything else stays SignalR's generic error,
/// which reveals nothing about the server. A method that does not answer a reply cannot carry a typed error; the
/// hub contract test keeps every method answering one.
/// </summary>
internal sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    /// <summary>Per hub method, how to build its failed reply: found once by reflection, then a plain delegate call.</summary>
    private static readonly ConcurrentDictionary<MethodInfo, Func<HubError, object>?> Failures = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException e) when (FailureOf(invocationContext.HubMethod) is { } failure)
        {
            var retryAfter = e is TooManyAttemptsException tooMany ? tooMany.RetryAfterSeconds : (int?)null;
            return failure(new HubError(e.Code, e.Message, retryAfter));
        }
        catch (Exception e) when (Unavailability.Matches(e) && FailureOf(invocationContext.HubMethod) is { } failure)
        {
            LogUnavailable(logger, invocationContext.HubMethodName, e);
            return failure(new HubError(Unavailability.Code, Unavailability.Detail, Unavailability.RetryAfterSeconds));
        }
    }

    private static readonly MethodInfo GenericFailure =
        typeof(HubReply).GetMethods().Single(m => m.Name == nameof(HubReply.Failure) && m.IsGenericMethodDefinition);

    private static Func<HubError, object>? FailureOf(MethodInfo method) => Failures.GetOrAdd(method, static m => FailureFor(ReplyType(m)));

    /// <summary>What a hub method answers once awaited: T of Task&lt;T&gt; or ValueTask&lt;T&gt;, else its return type.</summary>
    internal static Type ReplyType(MethodInfo method) =>
        method.ReturnType is { IsGenericType: true } returned && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returned.GetGenericArguments()[0]
            : method.ReturnType;

    private static Func<HubError, object>? FailureFor(Type reply)
    {
        if (reply == typeof(HubReply))
        {
            return HubReply.Failure;
        }

        if (reply.IsGenericType && reply.GetGenericTypeDefinition() == typeof(HubReply<>))
        {
            // HubReply<T> is a class, so Failure<T> binds to a delegate answering object, without a wrapper.
            return GenericFailure.MakeGenericMethod(reply.GetGenericArguments()).CreateDelegate<Func<HubError, object>>();
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub method {Method} failed: cluster or database unavailable")]
    private static partial void LogUnavailable(ILogger logger, string method, Exception exception);
}
