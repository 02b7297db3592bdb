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
}

[GenerateSerializer, Alias("NetworkHub.IssueCredentialCommand")]
public sealed record IssueCredentialCommand(
    [property: Id(0)] Caller Caller,
    [property: Id(1)] DateTimeOffset? ExpiresAt);
