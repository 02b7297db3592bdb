using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkHub.Contracts.People;
using NetworkHub.Silo.Access;
using Orleans.Storage;

namespace NetworkHub.Api.Tests.Accounts;

/// <summary>
/// Findings 5, 7 and 8 of the hostile review, on a host of its own with the per-address throttle at its
/// defaults, clients on distinct loopback addresses (127.0.0.x), and a SQLite file the tests read directly.
/// </summary>
public sealed class SignInSafetyTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ApiHost.StartAsync(settings: ["--Accounts:AddressThrottle:FreeFailures", "10"]);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignIn_AttackerFailures_DoNotLockTheOwnerOut_AfterTheShortWaitThePasswordWorks()
    {
        using var owner = await SignedUpFromAsync(3);
        using var attacker = ClientFrom(4);
        for (var i = 0; i < 6; i++)
        {
            await attacker.PostAsync("/api/v1/auth/token", new { email = owner.Email, password = $"guess {i}" });
        }

        var throttled = await owner.PostAsync("/api/v1/auth/token", new { email = owner.Email, password = TestClient.Password });
        await TestClient.ProblemAsync(throttled, HttpStatusCode.TooManyRequests, "auth.locked-out");
        var wait = throttled.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        // The wait is the behaviour under test: nothing signals its end but the clock.
        await Task.Delay(wait, TestContext.Current.CancellationToken);
        await TestClient.Expect(await owner.PostAsync("/api/v1/auth/token", new { email = owner.Email, password = TestClient.Password }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_KnownAndUnknownAddress_AnswerAlikeAttemptByAttempt()
    {
        // A long first delay, so that how long each attempt takes on a busy machine cannot change the sequence.
        await using var host = await ApiHost.StartAsync(settings: ["--Accounts:AccountThrottle:FirstDelay", "00:10:00"]);
        using var person = await SignedUpFromAsync(5, host);

        var known = await AnswersAsync(ClientFrom(6, host), person.Email);
        var missing = await AnswersAsync(ClientFrom(12, host), $"nobody-{Guid.NewGuid():N}@example.org");

        Assert.True(known.Select(a => a.Text).SequenceEqual(missing.Select(a => a.Text)), $"known:\n{string.Join('\n', known)}\nunknown:\n{string.Join('\n', missing)}");
        Assert.All(known.Zip(missing), pair => Assert.InRange((pair.First.RetryAfter - pair.Second.RetryAfter).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(30)));
        Assert.Equal(["401 auth.invalid-credentials", "429 auth.locked-out"], known.Select(a => a.Text[..a.Text.IndexOf(' ', 4)]).Distinct());
    }

    [Fact]
    public async Task SignIn_OneAddressSprayingManyAccounts_IsThrottled_TheOwnerElsewhereIsNot()
    {
        using var owner = await SignedUpFromAsync(7);
        using var sprayer = ClientFrom(8);
        for (var i = 0; i < 10; i++)
        {
            await TestClient.ProblemAsync(await sprayer.PostAsync("/api/v1/auth/token", new { email = $"target-{i}-{Guid.NewGuid():N}@example.org", password = "Winter2026!" }),
                HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        }

        var eleventh = await sprayer.PostAsync("/api/v1/auth/token", new { email = owner.Email, password = TestClient.Password });
        var ownerSignIn = await owner.PostAsync("/api/v1/auth/token", new { email = owner.Email, password = TestClient.Password });

        await TestClient.ProblemAsync(eleventh, HttpStatusCode.TooManyRequests, "auth.locked-out");
        await TestClient.Expect(ownerSignIn, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_ExistingAddress_AnswersExactlyLikeANewOne_AndTheOwnerKeepsTheAccount()
    {
        using var owner = await SignedUpFromAsync(9);
        using var other = ClientFrom(10);

        var existing = await other.PostAsync("/api/v1/accounts", new { email = owner.Email.ToUpperInvariant(), password = "another long passphrase", displayName = "Someone" });
        var fresh = await other.PostAsync("/api/v1/accounts", new { email = $"new-{Guid.NewGuid():N}@example.org", password = "another long passphrase", displayName = "Someone" });

        Assert.Equal(HttpStatusCode.Accepted, existing.StatusCode);
        Assert.Equal((fresh.StatusCode, await BodyAsync(fresh)), (existing.StatusCode, await BodyAsync(existing)));
        Assert.Null(existing.Headers.Location);
        await TestClient.Expect(await other.PostAsync("/api/v1/auth/token", new { email = owner.Email, password = TestClient.Password }), HttpStatusCode.OK);
        await TestClient.ProblemAsync(await other.PostAsync("/api/v1/auth/token", new { email = owner.Email, password = "another long passphrase" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignUpAndSignIn_TheAddressAppearsInNoStorageKey()
    {
        using var person = await SignedUpFromAsync(11);
        await person.SignInAsync();

        var keys = StorageKeys(_host.DatabasePath);

        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => k.Contains(person.Email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(keys, k => k.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task OldAccount_UnderThePlainAddress_WithAnOldHash_SignsIn_MovesToAKeyedHash_AndGetsAStrongerHash()
    {
        var database = ApiHost.NewDatabasePath();
        var email = $"veterana-{Guid.NewGuid():N}@example.org";
        var personId = Guid.CreateVersion7();
        await using (var old = await ApiHost.StartAsync(database))
        {
            await WriteOldAccountAsync(old, email, personId);
        }

        Assert.Contains(email, StorageKeys(database));
        await using var host = await ApiHost.StartAsync(database);
        using var client = host.CreateClient();

        var token = await TestClient.ReadAsync<JsonElement>(await client.PostAsync("/api/v1/auth/token", new { email, password = TestClient.Password }), HttpStatusCode.OK);
        var again = await client.PostAsync("/api/v1/auth/token", new { email = email.ToUpperInvariant(), password = TestClient.Password });
        var keys = StorageKeys(database);
        var stored = await ReadAccountAsync(host, keys.Single(k => k.StartsWith("acct_", StringComparison.Ordinal)));

        Assert.Equal(personId, token.GetProperty("personId").GetGuid());
        await TestClient.Expect(again, HttpStatusCode.OK);
        Assert.DoesNotContain(keys, k => k.Contains('@', StringComparison.Ordinal));
        Assert.Equal(personId, stored.PersonId);
        Assert.Equal((1, 210_000), HashFormat(stored.PasswordHash));
    }

    /// <summary>
    /// Medians over interleaved tries of a wrong password for a known and an unknown address, and of registering a
    /// taken and a new address, printed for docs/security.md. Throttles are off here: this measures the work done.
    /// </summary>
    [Fact]
    public async Task Timing_KnownAndUnknown_SignInAndRegistration_CostAlike()
    {
        const int tries = 20;
        await using var host = await ApiHost.StartAsync(settings: ["--Accounts:AccountThrottle:FreeFailures", "1000000"]);
        using var person = await SignedUpFromAsync(13, host);
        using var client = ClientFrom(14, host);
        var timings = new Dictionary<string, List<double>> { ["sign-in known"] = [], ["sign-in unknown"] = [], ["register taken"] = [], ["register new"] = [] };

        for (var i = 0; i < tries; i++)
        {
            await TimeAsync("sign-in known", "/api/v1/auth/token", new { email = person.Email, password = "wrong password" });
            await TimeAsync("sign-in unknown", "/api/v1/auth/token", new { email = $"nobody-{Guid.NewGuid():N}@example.org", password = "wrong password" });
            await TimeAsync("register taken", "/api/v1/accounts", new { email = person.Email, password = TestClient.Password, displayName = "Someone" });
            await TimeAsync("register new", "/api/v1/accounts", new { email = $"new-{Guid.NewGuid():N}@example.org", password = TestClient.Password, displayName = "Someone" });
        }

        var medians = timings.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(tries / 2));
        foreach (var (name, values) in timings)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: median {medians[name]:0.0} ms, min {values.Min():0.0}, max {values.Max():0.0} over {tries}");
        }

        Assert.InRange(medians["sign-in unknown"] / medians["sign-in known"], 0.6, 1.7);
        Assert.InRange(medians["register new"] / medians["register taken"], 0.6, 1.7);

        async Task TimeAsync(string name, string path, object body)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await client.PostAsync(path, body);
            timings[name].Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Accepted, $"{name}: {(int)response.StatusCode}");
        }
    }

    /// <summary>An account as the previous release stored it: keyed by the address, hashed with 100,000 iterations.</summary>
    private static async Task WriteOldAccountAsync(ApiHost host, string email, Guid personId)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IPersonGrain>(personId).CreateAsync(email, new PersonProfile("Veterana", null, "CO", ["es"]));
        var oldHasher = new PasswordHasher<AccountState>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        var state = new AccountState { Exists = true, PersonId = personId };
        state.PasswordHash = oldHasher.HashPassword(state, TestClient.Password);
        Assert.Equal((1, 100_000), HashFormat(state.PasswordHash));
        await Storage(host).WriteStateAsync("account", GrainId.Create("account", email), new GrainState<AccountState>(state));
    }

    private static async Task<AccountState> ReadAccountAsync(ApiHost host, string key)
    {
        var state = new GrainState<AccountState>(new AccountState());
        await Storage(host).ReadStateAsync("account", GrainId.Create("account", key), state);
        return state.State!;
    }

    private static IGrainStorage Storage(ApiHost host) => host.Services.GetRequiredKeyedService<IGrainStorage>("Default");

    /// <summary>ASP.NET Core Identity's v3 format: version 1, then the PRF (1 = HMAC-SHA256, 2 = HMAC-SHA512) and the iteration count.</summary>
    private static (int Prf, int Iterations) HashFormat(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(1, bytes[0]);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) - 1, (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }

    /// <summary>Every key column of every stored grain state: string keys live in GrainIdExtensionString.</summary>
    internal static List<string> StorageKeys(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainTypeString, GrainIdN0, GrainIdN1, coalesce(GrainIdExtensionString, '') FROM OrleansStorage";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(3));
            keys.Add($"{reader.GetString(0)} {reader.GetInt64(1)} {reader.GetInt64(2)}");
        }

        return keys;
    }

    private static async Task<List<(string Text, TimeSpan RetryAfter)>> AnswersAsync(TestClient client, string email)
    {
        using var _ = client;
        var answers = new List<(string, TimeSpan)>();
        for (var i = 0; i < 7; i++)
        {
            var response = await client.PostAsync("/api/v1/auth/token", new { email, password = $"wrong {i}" });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            answers.Add(($"{(int)response.StatusCode} {problem.GetProperty("code").GetString()} {problem.GetProperty("detail").GetString()}", response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero));
        }

        return answers;
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    private async Task<TestClient> SignedUpFromAsync(byte address, ApiHost? host = null)
    {
        var client = ClientFrom(address, host);
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var registered = await client.PostAsync("/api/v1/accounts", new { email, password = TestClient.Password, displayName = "Owner" });
        Assert.True(registered.IsSuccessStatusCode, $"registration answered {(int)registered.StatusCode}");
        client.Email = email;
        return client;
    }

    /// <summary>A client whose connections come from 127.0.0.<paramref name="address"/>: Linux routes all of 127/8 to loopback.</summary>
    private TestClient ClientFrom(byte address, ApiHost? host = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, address]), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new TestClient(new HttpClient(handler) { BaseAddress = (host ?? _host).Address });
    }
}
