namespace NetworkHub.Contracts.Access;

/// <summary>
/// One bearer token or API key, keyed by a hash of its secret (the secret itself is never stored).
/// Tokens are opaque and looked up on every request, so revocation takes effect at once on every node.
/// </summary>
[Alias("NetworkHub.ICredentialGrain")]
public interface ICredentialGrain : IGrainWithStringKey
{
    Task IssueAsync(IssueCredentialCommand command);

    /// <summary>The caller this credential stands for, or null when unknown, expired or revoked.</summary>
    [ReadOnly] Task<Caller?> ResolveAsync();

    Task RevokeAsync();

    /// <summary>When and how the person signed in for this token (null for API keys and unknown tokens).</summary>
    [ReadOnly] Task<SignInFacts?> GetSignInAsync();
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
