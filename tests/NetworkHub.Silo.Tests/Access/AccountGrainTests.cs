using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Tests.Access;

[Collection(nameof(ClockCollection))]
public sealed class AccountGrainTests(ClusterFixture fixture)
{
    private const string Password = "a long enough passphrase";
    private readonly IGrainFactory _grains = fixture.Grains;

    private async Task<IAccountGrain> RegisteredAsync()
    {
        var account = _grains.GetGrain<IAccountGrain>($"{Guid.NewGuid():N}@example.org");
        await account.RegisterAsync(new RegisterAccountCommand("x@example.org", Password, "Samira", null, "MA", ["ar"]));
        return account;
    }

    [Fact]
    public async Task SignInAsync_LockOut_EndsAfterLockoutDuration()
    {
        var account = await RegisteredAsync();
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => account.SignInAsync("wrong"));
        }

        var locking = await Assert.ThrowsAsync<TooManyAttemptsException>(() => account.SignInAsync("wrong"));
        await Assert.ThrowsAsync<TooManyAttemptsException>(() => account.SignInAsync(Password));
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(16));
        var personId = await account.SignInAsync(Password);

        Assert.Equal(ErrorCodes.LockedOut, locking.Code);
        Assert.NotEqual(Guid.Empty, personId);
    }

    [Fact]
    public async Task SignInAsync_SuccessResetsFailureCount()
    {
        var account = await RegisteredAsync();
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => account.SignInAsync("wrong"));
        }

        await account.SignInAsync(Password);
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => account.SignInAsync("wrong"));
        }

        Assert.NotEqual(Guid.Empty, await account.SignInAsync(Password));
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
}
