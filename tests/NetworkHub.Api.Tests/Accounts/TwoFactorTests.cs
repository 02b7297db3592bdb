using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Accounts;
using NetworkHub.Contracts.Errors;
using OtpNet;

namespace NetworkHub.Api.Tests.Accounts;

public sealed class TwoFactorTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task TwoFactor_Enrol_SignInInTwoSteps_Disable()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        var before = await person.GetAsync<JsonElement>("/api/v1/me/two-factor");
        var setup = await TestClient.ReadAsync<JsonElement>(await person.PostAsync("/api/v1/me/two-factor"), HttpStatusCode.OK);
        var totp = new Totp(Base32Encoding.ToBytes(setup.GetProperty("secret").GetString()!));

        await TestClient.ProblemAsync(await person.PostAsync("/api/v1/me/two-factor/confirm", new { code = "000000" }), HttpStatusCode.Unauthorized, ErrorCodes.InvalidSecondFactor);
        var recovery = await TestClient.ReadAsync<JsonElement>(await person.PostAsync("/api/v1/me/two-factor/confirm", new { code = totp.ComputeTotp() }), HttpStatusCode.OK);
        using var device = _host.CreateClient();
        var step = await device.PostAsync("/api/v1/auth/token", new { email = person.Email, password = TestClient.Password });
        var challenge = await TestClient.ReadAsync<JsonElement>(step, HttpStatusCode.Accepted);

        // The confirming code's time step is spent; the authenticator's next one is accepted (one step of drift allowed).
        var next = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        var token = await TestClient.ReadAsync<JsonElement>(await device.PostAsync("/api/v1/auth/second-factor",
            new { email = person.Email, challenge = challenge.GetProperty("challenge").GetString(), code = next }), HttpStatusCode.OK);
        device.UseBearer(token.GetProperty("token").GetString()!);
        var signIn = await device.GetAsync<JsonElement>("/api/v1/me/sign-in");
        var status = await device.GetAsync<JsonElement>("/api/v1/me/two-factor");
        var codes = recovery.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        await TestClient.Expect(await device.PostAsync("/api/v1/me/two-factor/disable", new { password = TestClient.Password, code = codes[3] }), HttpStatusCode.NoContent);
        var plain = await TestClient.ReadAsync<JsonElement>(await device.PostAsync("/api/v1/auth/token", new { email = person.Email, password = TestClient.Password }), HttpStatusCode.OK);

        Assert.False(before.GetProperty("enabled").GetBoolean());
        Assert.StartsWith("otpauth://totp/NetworkHub:", setup.GetProperty("otpAuthUri").GetString());
        Assert.False(challenge.TryGetProperty("token", out _));
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(token.GetProperty("personId").GetGuid(), person.PersonId);
        Assert.True(signIn.GetProperty("secondFactor").GetBoolean());
        Assert.True(status.GetProperty("enabled").GetBoolean());
        Assert.Equal(10, status.GetProperty("recoveryCodesLeft").GetInt32());
        Assert.True(plain.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task FreshSignIn_TellsWhenTheTokenSignedIn_AndRefusesAnOlderOne()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        var context = new DefaultHttpContext { RequestServices = _host.Services };
        context.Request.Headers.Authorization = $"Bearer {person.Token}";
        var grains = _host.Services.GetRequiredService<IGrainFactory>();

        var facts = await FreshSignIn.RequireAsync(context, grains, TimeProvider.System, TimeSpan.FromMinutes(5));
        var stale = await Assert.ThrowsAsync<UnauthenticatedException>(() => FreshSignIn.RequireAsync(context, grains, TimeProvider.System, TimeSpan.Zero));
        var viaApi = await person.GetAsync<JsonElement>("/api/v1/me/sign-in");
        await TestClient.Expect(await person.PostAsync("/api/v1/auth/sign-out"), HttpStatusCode.NoContent);
        var signedOut = await Assert.ThrowsAsync<UnauthenticatedException>(() => FreshSignIn.RequireAsync(context, grains, TimeProvider.System, TimeSpan.FromDays(1)));

        Assert.InRange(DateTimeOffset.UtcNow - facts.At, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.False(facts.SecondFactor);
        Assert.Equal(ErrorCodes.SignInTooOld, stale.Code);
        Assert.Equal(facts.At, viaApi.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(ErrorCodes.SignInTooOld, signedOut.Code);
    }
}
