using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Silo.Spaces;
using OtpNet;

namespace NetworkHub.Silo.Access;

[GenerateSerializer, Alias("NetworkHub.AccountState")]
public sealed class AccountState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid PersonId { get; set; }
    [Id(2)] public string PasswordHash { get; set; } = "";

    // Ids 3 and 4 held the old lock-out counter and its end; a moved account's values are ignored.
    [Id(5)] public ThrottleState Throttle { get; set; } = new();

    /// <summary>Set once the plain-address key was looked at (and emptied), so it is looked at only once.</summary>
    [Id(6)] public bool LegacyChecked { get; set; }

    [Id(7)] public byte[]? TotpSecret { get; set; }
    [Id(8)] public byte[]? PendingTotpSecret { get; set; }

    /// <summary>The last time step whose code was accepted: a code is good once, not again within its window.</summary>
    [Id(9)] public long LastTotpStep { get; set; }

    [Id(10)] public List<byte[]> RecoveryCodeHashes { get; set; } = [];
    [Id(11)] public List<PendingChallenge> Challenges { get; set; } = [];
}

[GenerateSerializer, Alias("NetworkHub.PendingChallenge")]
public sealed record PendingChallenge([property: Id(0)] byte[] Hash, [property: Id(1)] DateTimeOffset ExpiresAt);

/// <summary>The account as it was stored under the plain address, before keyed hashes: read once, moved, emptied.</summary>
[Alias("NetworkHub.ILegacyAccountGrain")]
internal interface ILegacyAccountGrain : IGrainWithStringKey
{
    Task<AccountState?> HandOverAsync();

    Task ForgetAsync();
}

public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<AccountState> state,
    IPasswordHasher<AccountState> hasher, IOptions<AccountOptions> options, TimeProvider clock,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain, ILegacyAccountGrain
{
    public const string KeyPrefix = "acct_";
    private const int RecoveryCodeCount = 10;
    private const int MaxPendingChallenges = 3;

    private static readonly Lock DecoyLock = new();
    private static (IPasswordHasher<AccountState> Hasher, string Hash)? _decoy;

    private AccountState State => state.State;

    private ThrottleOptions Rule => options.Value.AccountThrottle;

    public async Task<Guid?> RegisterAsync(RegisterAccountCommand command)
    {
        await MoveLegacyAsync(command.Email);

        // Hashed either way: a taken address costs the same as a new one, so timing does not tell them apart.
        var hash = hasher.HashPassword(State, command.Password);
        if (State.Exists)
        {
            // One write either way, too; the owner's account is not touched.
            await state.WriteStateAsync();
            return null;
        }

        var personId = Guid.CreateVersion7();

        // The person comes first: if the account write then fails, an unreachable person remains, never an account without one.
        await GrainFactory.GetGrain<IPersonGrain>(personId).CreateAsync(command.Email,
            new PersonProfile(command.DisplayName, command.Pseudonym, command.Country, command.Languages));
        State.Exists = true;
        State.PersonId = personId;
        State.PasswordHash = hash;
        await state.WriteStateAsync();
        LogRegistered(logger, personId);
        return personId;
    }

    public async Task<SignInOutcome> SignInAsync(SignInCommand command)
    {
        await MoveLegacyAsync(command.Email);
        var now = clock.GetUtcNow();
        State.Throttle.Check(Rule, now);

        var result = State.Exists
            ? hasher.VerifyHashedPassword(State, State.PasswordHash, command.Password)
            : hasher.VerifyHashedPassword(State, DecoyHash(), command.Password);
        if (!State.Exists || result == PasswordVerificationResult.Failed)
        {
            await FailAsync(now);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            State.PasswordHash = hasher.HashPassword(State, command.Password);
            LogRehashed(logger, State.PersonId);
        }

        if (State.TotpSecret is null)
        {
            State.Throttle.Reset();
            await state.WriteStateAsync();
            return new SignInOutcome(State.PersonId, null, null);
        }

        // The password alone is not enough: its failures stay counted until the second step succeeds.
        var challenge = Secrets.New();
        var expiresAt = now + options.Value.ChallengeLifetime;
        State.Challenges.RemoveAll(c => c.ExpiresAt <= now);
        if (State.Challenges.Count >= MaxPendingChallenges)
        {
            State.Challenges.RemoveAt(0);
        }

        State.Challenges.Add(new PendingChallenge(Secrets.Hash(challenge), expiresAt));
        await state.WriteStateAsync();
        return new SignInOutcome(null, challenge, expiresAt);
    }

    public async Task<Guid> CompleteSignInAsync(SecondFactorCommand command)
    {
        await MoveLegacyAsync(command.Email);
        var now = clock.GetUtcNow();
        State.Throttle.Check(Rule, now);
        var challenge = State.Challenges.FindIndex(c => c.ExpiresAt > now && Secrets.Matches(command.Challenge, c.Hash));
        if (!State.Exists || State.TotpSecret is null || challenge < 0)
        {
            await FailAsync(now, ChallengeInvalid());
        }

        if (!AcceptCode(command.Code, now))
        {
            await FailAsync(now, CodeInvalid());
        }

        State.Challenges.RemoveAt(challenge);
        State.Throttle.Reset();
        await state.WriteStateAsync();
        return State.PersonId;
    }

    public async Task<TwoFactorStatus> GetTwoFactorAsync(AccountOwner owner)
    {
        await MoveLegacyAsync(owner.Email);
        RequireOwner(owner);
        return new TwoFactorStatus(State.TotpSecret is not null, State.TotpSecret is null ? 0 : State.RecoveryCodeHashes.Count);
    }

    public async Task<TwoFactorSetup> BeginTwoFactorAsync(AccountOwner owner)
    {
        await MoveLegacyAsync(owner.Email);
        RequireOwner(owner);
        if (State.TotpSecret is not null)
        {
            throw new ConflictException(ErrorCodes.TwoFactorNotPending, "Two-factor sign-in is on already; turn it off first to change the authenticator.");
        }

        // 160 bits, the size RFC 4226 recommends for HMAC-SHA1, which every authenticator app supports.
        State.PendingTotpSecret = KeyGeneration.GenerateRandomKey(20);
        await state.WriteStateAsync();
        var uri = new OtpUri(OtpType.Totp, State.PendingTotpSecret, owner.Email, options.Value.TotpIssuer);
        return new TwoFactorSetup(Base32Encoding.ToString(State.PendingTotpSecret), uri.ToString());
    }

    public async Task<IReadOnlyList<string>> ConfirmTwoFactorAsync(AccountOwner owner, string code)
    {
        await MoveLegacyAsync(owner.Email);
        RequireOwner(owner);
        var now = clock.GetUtcNow();
        State.Throttle.Check(Rule, now);
        if (State.PendingTotpSecret is not { } pending)
        {
            throw new ConflictException(ErrorCodes.TwoFactorNotPending, "Start setting up two-factor sign-in first.");
        }

        if (!MatchesTotp(pending, code, now, out var step))
        {
            await FailAsync(now, CodeInvalid());
        }

        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        State.TotpSecret = pending;
        State.PendingTotpSecret = null;
        State.LastTotpStep = step;
        State.RecoveryCodeHashes = codes.Select(RecoveryCodeHash).ToList();
        State.Throttle.Reset();
        await state.WriteStateAsync();
        LogTwoFactor(logger, State.PersonId, true);
        return codes;
    }

    public async Task DisableTwoFactorAsync(AccountOwner owner, string password, string code)
    {
        await MoveLegacyAsync(owner.Email);
        RequireOwner(owner);
        var now = clock.GetUtcNow();
        State.Throttle.Check(Rule, now);
        if (State.TotpSecret is null)
        {
            throw new ConflictException(ErrorCodes.TwoFactorNotPending, "Two-factor sign-in is off.");
        }

        if (hasher.VerifyHashedPassword(State, State.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            await FailAsync(now);
        }

        if (!AcceptCode(code, now))
        {
            await FailAsync(now, CodeInvalid());
        }

        State.TotpSecret = null;
        State.PendingTotpSecret = null;
        State.RecoveryCodeHashes = [];
        State.Challenges = [];
        State.Throttle.Reset();
        await state.WriteStateAsync();
        LogTwoFactor(logger, State.PersonId, false);
    }

    public async Task EraseAsync(Guid personId)
    {
        if (!State.Exists || State.PersonId != personId)
        {
            return;
        }

        // The row is deleted (DeleteStateOnClear): the hash, the authenticator secret and the throttle go with it, and
        // the address then signs in exactly like one that never had an account.
        await state.ClearStateAsync();
        LogErased(logger, personId);
        DeactivateOnIdle();
    }

    public Task<AccountState?> HandOverAsync()
    {
        // Only plain-address keys are ever asked (they hold an '@', keyed hashes never do); nothing stays active under one.
        DeactivateOnIdle();
        return Task.FromResult(State.Exists ? State : null);
    }

    public async Task ForgetAsync()
    {
        if (state.RecordExists)
        {
            // The storage deletes the row (DeleteStateOnClear), so the address leaves the table's key column.
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }

    /// <summary>
    /// Moves an account stored under the plain address to this key: new copy first, old row deleted after, and
    /// only then is the move marked done, so a crash in between leaves both and the next attempt finishes it.
    /// </summary>
    private async Task MoveLegacyAsync(string email)
    {
        if (State.LegacyChecked)
        {
            return;
        }

        var legacy = GrainFactory.GetGrain<ILegacyAccountGrain>(email);
        if (!State.Exists && await legacy.HandOverAsync() is { } old)
        {
            State.Exists = true;
            State.PersonId = old.PersonId;
            State.PasswordHash = old.PasswordHash;
            await state.WriteStateAsync();
            LogMoved(logger, old.PersonId);
        }

        await legacy.ForgetAsync();
        State.LegacyChecked = true;
    }

    /// <summary>Counts the failure (stored) and throws: the same for an unknown account as for a wrong password.</summary>
    private async Task FailAsync(DateTimeOffset now, DomainException? error = null)
    {
        State.Throttle.Fail(Rule, now);
        await state.WriteStateAsync();
        throw error ?? new UnauthenticatedException(ErrorCodes.InvalidCredentials, "The e-mail address or password is wrong.");
    }

    /// <summary>A current authenticator code not used before, or an unused recovery code (then spent).</summary>
    private bool AcceptCode(string code, DateTimeOffset now)
    {
        if (State.TotpSecret is { } secret && MatchesTotp(secret, code, now, out var step))
        {
            if (step <= State.LastTotpStep)
            {
                return false;
            }

            State.LastTotpStep = step;
            return true;
        }

        var hash = RecoveryCodeHash(code);
        return State.RecoveryCodeHashes.RemoveAll(h => CryptographicOperations.FixedTimeEquals(h, hash)) > 0;
    }

    private static bool MatchesTotp(byte[] secret, string code, DateTimeOffset now, out long step)
    {
        step = 0;
        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && new Totp(secret).VerifyTotp(now.UtcDateTime, digits, out step, VerificationWindow.RfcSpecifiedNetworkDelay);
    }

    /// <summary>80 random bits in base32, grouped for reading: "ABCD-EFGH-IJKL-MNOP".</summary>
    private static string NewRecoveryCode()
    {
        var text = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(10));
        return string.Join('-', text.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>A recovery code has 80 random bits, so a plain hash cannot be reversed by guessing.</summary>
    private static byte[] RecoveryCodeHash(string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));

    private void RequireOwner(AccountOwner owner)
    {
        if (!State.Exists || State.PersonId != owner.PersonId)
        {
            throw new ForbiddenException(ErrorCodes.PersonRequired, "This is not your account.");
        }
    }

    /// <summary>A hash made with the configured hasher, so a miss costs exactly what a wrong password costs.</summary>
    private string DecoyHash()
    {
        lock (DecoyLock)
        {
            if (_decoy is not { } decoy || !ReferenceEquals(decoy.Hasher, hasher))
            {
                decoy = (hasher, hasher.HashPassword(new AccountState(), Secrets.New()));
                _decoy = decoy;
            }

            return decoy.Hash;
        }
    }

    private static UnauthenticatedException ChallengeInvalid() =>
        new(ErrorCodes.InvalidCredentials, "The sign-in has expired or is unknown; sign in again with your password.");

    private static UnauthenticatedException CodeInvalid() =>
        new(ErrorCodes.InvalidSecondFactor, "The code is wrong or has been used already.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Account registered for person {PersonId}")]
    private static partial void LogRegistered(ILogger logger, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account of person {PersonId} moved to its keyed-hash key")]
    private static partial void LogMoved(ILogger logger, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account of person {PersonId} erased")]
    private static partial void LogErased(ILogger logger, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password hash of person {PersonId} upgraded")]
    private static partial void LogRehashed(ILogger logger, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor sign-in of person {PersonId} turned on: {Enabled}")]
    private static partial void LogTwoFactor(ILogger logger, Guid personId, bool enabled);
}
