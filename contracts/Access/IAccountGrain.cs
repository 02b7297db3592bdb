namespace NetworkHub.Contracts.Access;

/// <summary>
/// Sign-in credentials of one person. Keyed by "acct_" and a keyed hash of the normalised (trimmed, lower-case)
/// e-mail address, so the address appears in no grain id, storage key or log line. Commands still carry the
/// address: an account stored under the plain address (before keyed hashes) moves to its new key on first use.
/// </summary>
[Alias("NetworkHub.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the account and its person and returns the person's id, or null when the address has an account
    /// already. Both cost about the same, so the caller can answer both alike and not reveal which it was.
    /// </summary>
    Task<Guid?> RegisterAsync(RegisterAccountCommand command);

    /// <summary>
    /// Checks the password. Failures make further attempts wait longer and longer (<c>auth.locked-out</c>, 429,
    /// with the wait); an unknown address is counted and answered exactly like a wrong password. With two-factor
    /// sign-in on, a right password gives a short-lived challenge rather than the person.
    /// </summary>
    Task<SignInOutcome> SignInAsync(SignInCommand command);

    /// <summary>The second step: a challenge from <see cref="SignInAsync"/> and a current or recovery code.</summary>
    Task<Guid> CompleteSignInAsync(SecondFactorCommand command);

    Task<TwoFactorStatus> GetTwoFactorAsync(AccountOwner owner);

    /// <summary>A new authenticator secret, not in use until <see cref="ConfirmTwoFactorAsync"/> gets a code of it.</summary>
    Task<TwoFactorSetup> BeginTwoFactorAsync(AccountOwner owner);

    /// <summary>Turns two-factor sign-in on and returns recovery codes, shown this once and stored hashed.</summary>
    Task<IReadOnlyList<string>> ConfirmTwoFactorAsync(AccountOwner owner, string code);

    /// <summary>Needs the password and a current or recovery code.</summary>
    Task DisableTwoFactorAsync(AccountOwner owner, string password, string code);

    /// <summary>
    /// Deletes the account of <paramref name="personId"/> (a no-op when it is gone already or belongs to someone else):
    /// from then on its address signs in like an unknown one.
    /// </summary>
    Task EraseAsync(Guid personId);
}

[GenerateSerializer, Alias("NetworkHub.RegisterAccountCommand")]
public sealed record RegisterAccountCommand(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string? Pseudonym,
    [property: Id(4)] string? Country,
    [property: Id(5)] IReadOnlyList<string> Languages);

[GenerateSerializer, Alias("NetworkHub.SignInCommand")]
public sealed record SignInCommand([property: Id(0)] string Email, [property: Id(1)] string Password);

[GenerateSerializer, Alias("NetworkHub.SecondFactorCommand")]
public sealed record SecondFactorCommand(
    [property: Id(0)] string Email,
    [property: Id(1)] string Challenge,
    [property: Id(2)] string Code);

/// <summary>Either the person (signed in) or a challenge for the second step.</summary>
[GenerateSerializer, Alias("NetworkHub.SignInOutcome")]
public sealed record SignInOutcome(
    [property: Id(0)] Guid? PersonId,
    [property: Id(1)] string? Challenge,
    [property: Id(2)] DateTimeOffset? ChallengeExpiresAt);

/// <summary>The signed-in person acting on their own account, and its address (to find an account not yet moved).</summary>
[GenerateSerializer, Alias("NetworkHub.AccountOwner")]
public sealed record AccountOwner([property: Id(0)] Guid PersonId, [property: Id(1)] string Email);

[GenerateSerializer, Alias("NetworkHub.TwoFactorStatus")]
public sealed record TwoFactorStatus([property: Id(0)] bool Enabled, [property: Id(1)] int RecoveryCodesLeft);

[GenerateSerializer, Alias("NetworkHub.TwoFactorSetup")]
public sealed record TwoFactorSetup([property: Id(0)] string Secret, [property: Id(1)] string OtpAuthUri);

/// <summary>
/// Failed sign-ins from one client address (keyed by a keyed hash of it). Checked before the account, so one
/// address guessing many accounts waits longer and longer, without slowing the owner elsewhere.
/// </summary>
[Alias("NetworkHub.IClientThrottleGrain")]
public interface IClientThrottleGrain : IGrainWithStringKey
{
    /// <summary>Throws <c>auth.locked-out</c> (429) while this address must wait.</summary>
    Task CheckAsync();

    Task FailedAsync();
}
