using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;

namespace NetworkHub.Silo.Access;

[GenerateSerializer, Alias("NetworkHub.AccountState")]
public sealed class AccountState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid PersonId { get; set; }
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public int FailedSignIns { get; set; }
    [Id(4)] public DateTimeOffset? LockedUntil { get; set; }
}

public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<AccountState> state,
    IPasswordHasher<AccountState> hasher, IOptions<AccountOptions> options, TimeProvider clock,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    // Verifying against this when the address is unknown makes a miss cost as much as a wrong password.
    private static readonly string DecoyHash = new PasswordHasher<AccountState>().HashPassword(new AccountState(), "decoy password");

    private AccountState State => state.State;

    public async Task<Guid> RegisterAsync(RegisterAccountCommand command)
    {
        if (State.Exists)
        {
            throw new ConflictException(ErrorCodes.EmailTaken, "An account with this e-mail address exists already.");
        }

        var personId = Guid.CreateVersion7();

        // The person comes first: if the account write then fails, an unreachable person remains, never an account without one.
        await GrainFactory.GetGrain<IPersonGrain>(personId).CreateAsync(command.Email,
            new PersonProfile(command.DisplayName, command.Pseudonym, command.Country, command.Languages));
        State.Exists = true;
        State.PersonId = personId;
        State.PasswordHash = hasher.HashPassword(State, command.Password);
        await state.WriteStateAsync();
        LogRegistered(logger, personId);
        return personId;
    }

    public async Task<Guid> SignInAsync(string password)
    {
        if (!State.Exists)
        {
            hasher.VerifyHashedPassword(State, DecoyHash, password);
            throw InvalidCredentials();
        }

        var now = clock.GetUtcNow();
        if (State.LockedUntil is { } until && until > now)
        {
            throw LockedOut(until - now);
        }

        var result = hasher.VerifyHashedPassword(State, State.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            State.FailedSignIns++;
            var locked = State.FailedSignIns >= options.Value.MaxFailedSignIns;
            if (locked)
            {
                State.LockedUntil = now + options.Value.LockoutDuration;
                State.FailedSignIns = 0;
                LogLockedOut(logger, State.PersonId);
            }

            await state.WriteStateAsync();
            throw locked ? LockedOut(options.Value.LockoutDuration) : InvalidCredentials();
        }

        if (State.FailedSignIns > 0 || State.LockedUntil is not null || result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            State.FailedSignIns = 0;
            State.LockedUntil = null;
            if (result == PasswordVerificationResult.SuccessRehashNeeded)
            {
                State.PasswordHash = hasher.HashPassword(State, password);
            }

            await state.WriteStateAsync();
        }

        return State.PersonId;
    }

    private static UnauthenticatedException InvalidCredentials() =>
        new(ErrorCodes.InvalidCredentials, "The e-mail address or password is wrong.");

    private static TooManyAttemptsException LockedOut(TimeSpan retryAfter) =>
        new(ErrorCodes.LockedOut, "Too many failed sign-ins; this account is locked for a while.", retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account registered for person {PersonId}")]
    private static partial void LogRegistered(ILogger logger, Guid personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account of person {PersonId} locked after repeated failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, Guid personId);
}
