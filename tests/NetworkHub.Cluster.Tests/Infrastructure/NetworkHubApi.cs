using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NetworkHub.Cluster.Tests.Infrastructure;

/// <summary>The few REST calls the cluster tests make, as a client of the public API.</summary>
internal static class NetworkHubApi
{
    public const string Password = "cluster tests password";

    /// <summary>Server ids of acknowledged creates, by the name the test gave them.</summary>
    private static readonly ConcurrentDictionary<Guid, Guid> Created = new();

    /// <summary>Registers a new person and signs in; returns the bearer token.</summary>
    public static async Task<string> SignUpAsync(HttpClient api) => await SignInAsync(api, await RegisterAsync(api));

    /// <summary>Registers a new person; returns their e-mail address.</summary>
    public static async Task<string> RegisterAsync(HttpClient api)
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        using var registered = await api.PostAsJsonAsync("/api/v1/accounts", new { email, password = Password, displayName = "Cluster test" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, registered.StatusCode);
        return email;
    }

    public static async Task<string> SignInAsync(HttpClient api, string email)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>
    /// The server picks an organisation's id; the tests name each write by <paramref name="id"/>, sent as its
    /// Idempotency-Key, and read it back by that name through the id the server answered.
    /// </summary>
    public static async Task<HttpResponseMessage> CreateOrganisationAsync(HttpClient api, string token, Guid id, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
        {
            Content = JsonContent.Create(new { name = NameOf(id), kind = "civil-society-organisation", country = "NL" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", id.ToString());
        var response = await api.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            Created[id] = body.RootElement.GetProperty("id").GetGuid();
        }

        return response;
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient api, string token, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api.SendAsync(request);
    }

    /// <summary>The name every test organisation gets, so a read can check it found the right one.</summary>
    public static string NameOf(Guid id) => $"Organisation {id:N}";

    /// <summary>Reads the organisation written as <paramref name="id"/>'s name, retrying briefly on 5xx (the cluster may still be settling); null on 404.</summary>
    public static async Task<string?> ReadOrganisationNameAsync(HttpClient api, string token, Guid id)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await GetAsync(api, token, $"/api/v1/organisations/{Created.GetValueOrDefault(id, id)}");
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return null;
            }

            if (response.IsSuccessStatusCode)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return body.RootElement.GetProperty("name").GetString();
            }

            if (attempt == 20 || (int)response.StatusCode < 500)
            {
                throw new HttpRequestException($"Reading organisation {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
