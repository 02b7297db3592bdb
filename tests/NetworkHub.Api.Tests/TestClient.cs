using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests;

/// <summary>An HTTP client of the API, as one person, API key or anonymous visitor, with helpers that assert the status.</summary>
public sealed class TestClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public HttpClient Http => http;

    public Guid PersonId { get; private set; }

    public string? Token { get; private set; }

    public string Email { get; set; } = "";

    public const string Password = "a long enough passphrase";

    /// <summary>Registers a new person with a unique address and signs in.</summary>
    public static async Task<TestClient> SignedUpAsync(ApiHost host, string displayName = "Test Person", string? pseudonym = null)
    {
        var client = host.CreateClient();
        client.Email = $"person-{Guid.NewGuid():N}@example.org";
        var registered = await client.PostAsync("/api/v1/accounts", new { email = client.Email, password = Password, displayName, pseudonym });
        await Expect(registered, HttpStatusCode.Accepted);
        await client.SignInAsync();
        return client;
    }

    /// <summary>
    /// Registers a new person, turns on two-factor sign-in and signs in again with a code, so the token's sign-in used a
    /// second factor. The confirming code's time step is spent, so the sign-in uses the next one (one step of drift is allowed).
    /// </summary>
    public static async Task<TestClient> TwoFactorSignedUpAsync(ApiHost host, string displayName = "Test Person")
    {
        var client = await SignedUpAsync(host, displayName);
        var setup = await ReadAsync<JsonElement>(await client.PostAsync("/api/v1/me/two-factor"), HttpStatusCode.OK);
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(setup.GetProperty("secret").GetString()!));
        await Expect(await client.PostAsync("/api/v1/me/two-factor/confirm", new { code = totp.ComputeTotp() }), HttpStatusCode.OK);
        var step = await ReadAsync<JsonElement>(await client.PostAsync("/api/v1/auth/token", new { email = client.Email, password = Password }), HttpStatusCode.Accepted);
        var token = await ReadAsync<JsonElement>(await client.PostAsync("/api/v1/auth/second-factor", new
        {
            email = client.Email,
            challenge = step.GetProperty("challenge").GetString(),
            code = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)),
        }), HttpStatusCode.OK);
        client.Token = token.GetProperty("token").GetString()!;
        client.UseBearer(client.Token);
        return client;
    }

    public async Task SignInAsync()
    {
        var response = await PostAsync("/api/v1/auth/token", new { email = Email, password = Password });
        var token = await ReadAsync<JsonElement>(response, HttpStatusCode.OK);
        Token = token.GetProperty("token").GetString()!;
        PersonId = token.GetProperty("personId").GetGuid();
        UseBearer(Token);
    }

    public void UseBearer(string secret) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> DeleteAsync(string path) => http.DeleteAsync(path, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        http.PostAsJsonAsync(path, body ?? new { }, Json, TestContext.Current.CancellationToken);

    /// <summary>A create that a client may retry: the same key from the same person reaches the same resource.</summary>
    public Task<HttpResponseMessage> PostWithKeyAsync(string path, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PutAsync(string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(method, path) { Content = content };

        // Kestrel refuses a body over the limit before reading it; without 100-continue the client may still be writing
        // into the closed connection ("broken pipe") instead of reading the 413.
        request.Headers.ExpectContinue = body.Length > 64 * 1024;
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<T> GetAsync<T>(string path) => await ReadAsync<T>(await GetAsync(path), HttpStatusCode.OK);

    public async Task<OrganisationDetails> CreateOrganisationAsync(Visibility visibility = Visibility.Public, string country = "CO", string name = "Red de Defensoras", string[]? topics = null, string kind = "civil-society-organisation")
    {
        var response = await PostAsync("/api/v1/organisations", new { name, kind, country, topics = topics ?? ["land rights"], visibility });
        return await ReadAsync<OrganisationDetails>(response, HttpStatusCode.Created);
    }

    public async Task<CoalitionDetails> CreateCoalitionAsync(Visibility visibility = Visibility.Public, string name = "Coalición por la Paz", string? country = "CO")
    {
        var response = await PostAsync("/api/v1/coalitions", new { name, country, topics = new[] { "peace" }, visibility, description = "Charter" });
        return await ReadAsync<CoalitionDetails>(response, HttpStatusCode.Created);
    }

    /// <summary>Invites with the given role and has <paramref name="invitee"/> accept.</summary>
    public async Task AddMemberAsync(string spacePath, TestClient invitee, SpaceRole role)
    {
        var invitation = await ReadAsync<InvitationCreated>(await PostAsync($"{spacePath}/invitations", new { role }), HttpStatusCode.Created);
        await Expect(await invitee.PostAsync($"/api/v1/invitations/{invitation.Token}/accept"), HttpStatusCode.OK);
    }

    /// <summary>Reads until <paramref name="done"/> holds, for effects delivered after the call returns (up to 5 s); the last value either way.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i == 50)
            {
                return value;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        await Expect(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json, TestContext.Current.CancellationToken))!;
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and (when given) code, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? code = null)
    {
        await Expect(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        return problem;
    }

    public void Dispose() => http.Dispose();
}
