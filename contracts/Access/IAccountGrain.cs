namespace NetworkHub.Contracts.Access;

/// <summary>Sign-in credentials of one person. Keyed by the normalised (trimmed, lower-case) e-mail address.</summary>
[Alias("NetworkHub.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account and its person; throws <c>auth.email-taken</c> if the address is in use.</summary>
    Task<Guid> RegisterAsync(RegisterAccountCommand command);

    /// <summary>
    /// Checks the password. Repeated failures lock the account for a while (<c>auth.locked-out</c>, 429);
    /// an unknown address fails exactly like a wrong password so addresses cannot be probed.
    /// </summary>
    Task<Guid> SignInAsync(string password);
}

[GenerateSerializer, Alias("NetworkHub.RegisterAccountCommand")]
public sealed record RegisterAccountCommand(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string? Pseudonym,
    [property: Id(4)] string? Country,
    [property: Id(5)] IReadOnlyList<string> Languages);
