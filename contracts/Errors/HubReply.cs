namespace NetworkHub.Contracts.Errors;

/// <summary>
/// What every hub method answers: its value, or the error it failed with. SignalR's own error is a single string, so
/// a typed code travels here instead, and clients read a field rather than parse a message. Travels as JSON only.
/// </summary>
public sealed record HubReply<T>(T? Value, HubError? Error);

/// <summary>The answer of a hub method that has no value: done, or the error it failed with.</summary>
public sealed record HubReply(HubError? Error)
{
    public static readonly HubReply Done = new((HubError?)null);

    public static HubReply Failure(HubError error) => new(error);

    public static HubReply<T> Success<T>(T value) => new(value, null);

    public static HubReply<T> Failure<T>(HubError error) => new(default, error);
}

/// <summary>
/// Why a hub call failed: one of the codes in docs/errors-and-limits.json, a message for people, and, when waiting
/// helps (rate limit, service unavailable), how many seconds to wait before trying again.
/// </summary>
public sealed record HubError(string Code, string Message, int? RetryAfterSeconds);
