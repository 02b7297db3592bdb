namespace NetworkHub.Contracts.Access;

/// <summary>
/// One bearer token or API key, keyed by a hash of its secret (the secret itself is never stored).
/// Tokens are opaque and looked up on every request, so revocation takes effect at once on every node; API nodes
/// holding open hub connections made with it watch it, and are told before a revocation returns.
/// </summary>
[Alias("NetworkHub.ICredentialGrain")]
public interface ICredentialGrain : IGrainWithStringKey
{
    Task IssueAsync(IssueCredentialCommand command);

    /// <summary>The caller this credential stands for, or null when unknown, expired or revoked.</summary>
    [ReadOnly] Task<Caller?> ResolveAsync();

    /// <summary>Revokes it, and returns once every node watching it has closed its connections (or a short limit passed).</summary>
    Task RevokeAsync();

    /// <summary>When and how the person signed in for this token (null for API keys and unknown tokens).</summary>
    [ReadOnly] Task<SignInFacts?> GetSignInAsync();

    /// <summary>
    /// An API node with hub connections made with this credential subscribes, or renews its lease
    /// (<see cref="CredentialLease.Duration"/>), and learns whether it is still valid and when it expires.
    /// </summary>
    Task<CredentialStatus> WatchAsync(string hostId, ICredentialObserver observer);

    /// <summary>Revokes it (closing its connections) and deletes it from storage, with its expiry reminder.</summary>
    Task EraseAsync();
}

[GenerateSerializer, Alias("NetworkHub.IssueCredentialCommand")]
public sealed record IssueCredentialCommand(
    [property: Id(0)] Caller Caller,
    [property: Id(1)] DateTimeOffset? ExpiresAt,
    [property: Id(2)] SignInFacts? SignIn = null);

/// <summary>
/// How a bearer token was obtained: when (so an endpoint can ask for a recent sign-in) and whether with a second
/// factor (so a space can later require one).
/// </summary>
[GenerateSerializer, Alias("NetworkHub.SignInFacts")]
public sealed record SignInFacts([property: Id(0)] DateTimeOffset At, [property: Id(1)] bool SecondFactor);

/// <summary>Whether a credential is still good, and until when (null: no expiry, as for API keys).</summary>
[GenerateSerializer, Alias("NetworkHub.CredentialStatus")]
public sealed record CredentialStatus([property: Id(0)] bool Valid, [property: Id(1)] DateTimeOffset? ExpiresAt);

/// <summary>An API node's end of <see cref="ICredentialGrain.WatchAsync"/>.</summary>
[Alias("NetworkHub.ICredentialObserver")]
public interface ICredentialObserver : IGrainObserver
{
    /// <summary>The credential was revoked: the node closes its connections made with it before answering.</summary>
    Task CredentialEnded(string credentialKey);
}

public static class CredentialLease
{
    /// <summary>How long a node's watch lasts unless renewed; nodes renew every third of it.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(90);

    /// <summary>How long a revocation waits for the nodes watching it before it returns anyway.</summary>
    public static readonly TimeSpan NotifyLimit = TimeSpan.FromSeconds(2);
}
