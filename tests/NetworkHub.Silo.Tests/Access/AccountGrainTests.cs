using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using OtpNet;

namespace NetworkHub.Silo.Tests.Access;

[Collection(nameof(ClockCollection))]
public sealed class AccountGrainTests(ClusterFixture fixture)
{
    private const string Password = "a long enough passphrase";
    private readonly IGrainFactory _grains = fixture.Grains;

    private sealed record Account(IAccountGrain Grain, string Email, Guid PersonId)
    {
        public Task<SignInOutcome> SignInAsync(string password) => Grain.SignInAsync(new SignInCommand(Email, password));

        public AccountOwner Owner => new(PersonId, Email);
    }

    private static (IAccountGrain Grain, string Email) Fresh(IGrainFactory grains)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        return (grains.GetGrain<IAccountGrain>($"acct_{Guid.NewGuid():N}"), email);
    }

    private async Task<Account> RegisteredAsync()
    {
        var (grain, email) = Fresh(_grains);
        var personId = await grain.RegisterAsync(new RegisterAccountCommand(email, Password, "Samira", null, "MA", ["ar"]));
        return new Account(grain, email, personId!.Value);
    }

    [Fact]
    public async Task SignIn_AfterFreeFailures_WaitsLongerEachTime_ThenTheRightPasswordStillWorks()
    {
        var account = await RegisteredAsync();
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => account.SignInAsync("wrong"));
        }

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var throttled = await Assert.ThrowsAsync<TooManyAttemptsException>(() => account.SignInAsync(Password));
            waits.Add(throttled.RetryAfter);
            ClusterFixture.Clock.Advance(throttled.RetryAfter);
            await Assert.ThrowsAsync<UnauthenticatedException>(() => account.SignInAsync("wrong"));
        }

        var last = await Assert.ThrowsAsync<TooManyAttemptsException>(() => account.SignInAsync(Password));
        ClusterFixture.Clock.Advance(last.RetryAfter);
        var outcome = await account.SignInAsync(Password);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.Equal(ErrorCodes.LockedOut, last.Code);
        Assert.Equal(account.PersonId, outcome.PersonId);
    }

    [Fact]
    public async Task SignIn_ManyFailures_WaitIsCappedSoTheOwnerIsNotLockedOutForLong()
    {
        var account = await RegisteredAsync();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 14; i++)
        {
            if (await Record.ExceptionAsync(() => account.SignInAsync("wrong")) is TooManyAttemptsException throttled)
            {
                waits.Add(throttled.RetryAfter);
                ClusterFixture.Clock.Advance(throttled.RetryAfter);
                await Assert.ThrowsAsync<UnauthenticatedException>(() => account.SignInAsync("wrong"));
            }
        }

        var wait = await Assert.ThrowsAsync<TooManyAttemptsException>(() => account.SignInAsync(Password));
        ClusterFixture.Clock.Advance(wait.RetryAfter);

        Assert.Equal(TimeSpan.FromMinutes(2), wait.RetryAfter);
        Assert.All(waits, w => Assert.True(w <= TimeSpan.FromMinutes(2), $"waited {w}"));
        Assert.Equal(account.PersonId, (await account.SignInAsync(Password)).PersonId);
    }

    [Fact]
    public async Task SignIn_UnknownAccount_IsThrottledExactlyLikeAKnownOne()
    {
        var known = await RegisteredAsync();
        var (unknownGrain, unknownEmail) = Fresh(_grains);
        var unknown = new Account(unknownGrain, unknownEmail, Guid.Empty);
        var answers = new List<(string, string, TimeSpan?)>();

        foreach (var account in new[] { known, unknown })
        {
            var seen = new List<string>();
            for (var i = 0; i < 7; i++)
            {
                try
                {
                    await account.SignInAsync("wrong");
                }
                catch (DomainException e)
                {
                    answers.Add((account == known ? "known" : "unknown", e.Code, (e as TooManyAttemptsException)?.RetryAfter));
                }
            }
        }

        Assert.Equal(answers.Where(a => a.Item1 == "known").Select(a => (a.Item2, a.Item3)), answers.Where(a => a.Item1 == "unknown").Select(a => (a.Item2, a.Item3)));
        Assert.Contains(answers, a => a.Item2 == ErrorCodes.LockedOut);
    }

    [Fact]
    public async Task Register_TakenAddress_ReturnsNullAndLeavesTheOwnerAlone()
    {
        var account = await RegisteredAsync();

        var again = await account.Grain.RegisterAsync(new RegisterAccountCommand(account.Email, "another long passphrase", "Intruder", null, null, []));

        Assert.Null(again);
        Assert.Equal(account.PersonId, (await account.SignInAsync(Password)).PersonId);
        await Assert.ThrowsAsync<UnauthenticatedException>(() => account.SignInAsync("another long passphrase"));
    }

    [Fact]
    public async Task TwoFactor_SignInNeedsACodeOnce_RecoveryCodesWorkOnce()
    {
        var account = await RegisteredAsync();
        var setup = await account.Grain.BeginTwoFactorAsync(account.Owner);
        var totp = new Totp(Base32Encoding.ToBytes(setup.Secret));
        var recovery = await account.Grain.ConfirmTwoFactorAsync(account.Owner, Code(totp));

        // The code that confirmed is spent; the next time step has a new one.
        var first = await account.SignInAsync(Password);
        var reused = await Assert.ThrowsAsync<UnauthenticatedException>(() => account.Grain.CompleteSignInAsync(new(account.Email, first.Challenge!, Code(totp))));
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var signedIn = await account.Grain.CompleteSignInAsync(new(account.Email, first.Challenge!, Code(totp)));
        var challengeAgain = await Assert.ThrowsAsync<UnauthenticatedException>(() => account.Grain.CompleteSignInAsync(new(account.Email, first.Challenge!, recovery[0])));
        var second = await account.SignInAsync(Password);
        var byRecovery = await account.Grain.CompleteSignInAsync(new(account.Email, second.Challenge!, recovery[0].ToLowerInvariant()));
        var third = await account.SignInAsync(Password);
        var recoveryAgain = await Assert.ThrowsAsync<UnauthenticatedException>(() => account.Grain.CompleteSignInAsync(new(account.Email, third.Challenge!, recovery[0])));

        Assert.Null(first.PersonId);
        Assert.Equal(ErrorCodes.InvalidSecondFactor, reused.Code);
        Assert.Equal(account.PersonId, signedIn);
        Assert.Equal(ErrorCodes.InvalidCredentials, challengeAgain.Code);
        Assert.Equal(account.PersonId, byRecovery);
        Assert.Equal(ErrorCodes.InvalidSecondFactor, recoveryAgain.Code);
        Assert.Equal(new TwoFactorStatus(true, 9), await account.Grain.GetTwoFactorAsync(account.Owner));
        Assert.StartsWith("otpauth://totp/", setup.OtpAuthUri);
    }

    [Fact]
    public async Task TwoFactor_ChallengeExpires_AndWrongCodesAreThrottled()
    {
        var account = await RegisteredAsync();
        var setup = await account.Grain.BeginTwoFactorAsync(account.Owner);
        var totp = new Totp(Base32Encoding.ToBytes(setup.Secret));
        await account.Grain.ConfirmTwoFactorAsync(account.Owner, Code(totp));

        var expired = await account.SignInAsync(Password);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await Assert.ThrowsAsync<UnauthenticatedException>(() => account.Grain.CompleteSignInAsync(new(account.Email, expired.Challenge!, Code(totp))));
        var challenge = (await account.SignInAsync(Password)).Challenge!;
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => account.Grain.CompleteSignInAsync(new(account.Email, challenge, "000000")));
        }

        var throttled = await Assert.ThrowsAsync<TooManyAttemptsException>(() => account.Grain.CompleteSignInAsync(new(account.Email, challenge, Code(totp))));
        ClusterFixture.Clock.Advance(throttled.RetryAfter);

        Assert.Equal(ErrorCodes.InvalidCredentials, late.Code);
        Assert.Equal(account.PersonId, await account.Grain.CompleteSignInAsync(new(account.Email, challenge, Code(totp))));
    }

    [Fact]
    public async Task TwoFactor_Disable_NeedsPasswordAndCode()
    {
        var account = await RegisteredAsync();
        var totp = new Totp(Base32Encoding.ToBytes((await account.Grain.BeginTwoFactorAsync(account.Owner)).Secret));
        var recovery = await account.Grain.ConfirmTwoFactorAsync(account.Owner, Code(totp));

        await Assert.ThrowsAsync<UnauthenticatedException>(() => account.Grain.DisableTwoFactorAsync(account.Owner, "wrong password", recovery[0]));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => account.Grain.DisableTwoFactorAsync(account.Owner, Password, "ZZZZ-ZZZZ-ZZZZ-ZZZZ"));
        await account.Grain.DisableTwoFactorAsync(account.Owner, Password, recovery[1]);
        var other = new AccountOwner(Guid.CreateVersion7(), account.Email);

        Assert.Equal(account.PersonId, (await account.SignInAsync(Password)).PersonId);
        Assert.Equal(new TwoFactorStatus(false, 0), await account.Grain.GetTwoFactorAsync(account.Owner));
        await Assert.ThrowsAsync<ForbiddenException>(() => account.Grain.BeginTwoFactorAsync(other));
    }

    [Fact]
    public async Task Credential_ExpiresAtItsTime()
    {
        var credential = _grains.GetGrain<ICredentialGrain>($"cred_{Guid.NewGuid():N}");
        var caller = Caller.Person(Guid.CreateVersion7());
        await credential.IssueAsync(new IssueCredentialCommand(caller, ClusterFixture.Clock.GetUtcNow().AddMinutes(30)));

        var before = await credential.ResolveAsync();
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(31));
        var after = await credential.ResolveAsync();

        Assert.Equal(caller, before);
        Assert.Null(after);
    }

    [Fact]
    public async Task Credential_RecordsWhenAndHowThePersonSignedIn()
    {
        var credential = _grains.GetGrain<ICredentialGrain>($"cred_{Guid.NewGuid():N}");
        var facts = new SignInFacts(ClusterFixture.Clock.GetUtcNow(), SecondFactor: true);
        await credential.IssueAsync(new IssueCredentialCommand(Caller.Person(Guid.CreateVersion7()), facts.At.AddMinutes(30), facts));

        var before = await credential.GetSignInAsync();
        await credential.RevokeAsync();

        Assert.Equal(facts, before);
        Assert.Null(await credential.GetSignInAsync());
    }

    private static string Code(Totp totp) => totp.ComputeTotp(ClusterFixture.Clock.GetUtcNow().UtcDateTime);
}
