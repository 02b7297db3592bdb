namespace NetworkHub.Contracts.Errors;

/// <summary>
/// A rule of the domain said no. Every failure the caller can act on is one of these, with a stable
/// <see cref="Code"/> ("{feature}.{reason}") that the API maps to ProblemDetails and the hubs to a hub error.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.DomainException")]
public abstract class DomainException(string code, string message) : Exception(message)
{
    [Id(0)] public string Code { get; } = code;
}

/// <summary>The thing does not exist, or the caller may not know that it does (private spaces). HTTP 404.</summary>
[GenerateSerializer, Alias("NetworkHub.NotFoundException")]
public sealed class NotFoundException(string code, string message) : DomainException(code, message);

/// <summary>The request clashes with the current state (already a member, last coordinator leaving). HTTP 409.</summary>
[GenerateSerializer, Alias("NetworkHub.ConflictException")]
public sealed class ConflictException(string code, string message) : DomainException(code, message);

/// <summary>The caller may see the thing but not do this to it. HTTP 403.</summary>
[GenerateSerializer, Alias("NetworkHub.ForbiddenException")]
public sealed class ForbiddenException(string code, string message) : DomainException(code, message);

/// <summary>The caller must sign in first, or the credentials are wrong. HTTP 401.</summary>
[GenerateSerializer, Alias("NetworkHub.UnauthenticatedException")]
public sealed class UnauthenticatedException(string code, string message) : DomainException(code, message);

/// <summary>Well-formed but unacceptable (an expired invitation, a weak password). HTTP 422.</summary>
[GenerateSerializer, Alias("NetworkHub.RejectedException")]
public sealed class RejectedException(string code, string message) : DomainException(code, message);

/// <summary>The caller's version of the thing is stale (If-Match did not match). HTTP 412.</summary>
[GenerateSerializer, Alias("NetworkHub.PreconditionFailedException")]
public sealed class PreconditionFailedException(string code, string message) : DomainException(code, message);

/// <summary>Too many attempts; try again later (account lock-out). HTTP 429.</summary>
[GenerateSerializer, Alias("NetworkHub.TooManyAttemptsException")]
public sealed class TooManyAttemptsException(string code, string message, TimeSpan retryAfter) : DomainException(code, message)
{
    [Id(0)] public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds, rounded up, as Retry-After and a hub error's retryAfterSeconds carry them.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);
}

/// <summary>A value the caller sent cannot be understood (a malformed cursor or token). HTTP 400.</summary>
[GenerateSerializer, Alias("NetworkHub.InvalidInputException")]
public sealed class InvalidInputException(string code, string message) : DomainException(code, message);
