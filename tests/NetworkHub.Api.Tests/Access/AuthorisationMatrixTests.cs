using System.Net;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Access;

/// <summary>
/// Every endpoint decides on the server. Each row: who asks, what they ask, what they must get. Hidden spaces
/// answer 404 to those who may not know they exist; 403 only where the caller may see the space.
/// </summary>
public sealed class AuthorisationMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode Unauthorised = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    //                                            Anonymous     Outsider   Observer   Member     Coordinator KeyRead    KeyReadWrite
    public static TheoryData<string, HttpStatusCode[]> Cases() => new()
    {
        { "read public coalition",               [Ok,           Ok,        Ok,        Ok,        Ok,         Ok,        Ok] },
        { "read members-only coalition",         [NotFound,     Ok,        Ok,        Ok,        Ok,         Ok,        Ok] },
        { "read private coalition",              [NotFound,     NotFound,  Ok,        Ok,        Ok,         NotFound,  NotFound] },
        { "members of public coalition",         [Forbidden,    Ok,        Ok,        Ok,        Ok,         Ok,        Ok] },
        { "members of members-only coalition",   [NotFound,     Forbidden, Ok,        Ok,        Ok,         Forbidden, Forbidden] },
        { "members of private coalition",        [NotFound,     NotFound,  Ok,        Ok,        Ok,         NotFound,  NotFound] },
        { "update members-only coalition",       [NotFound,     Forbidden, Forbidden, Forbidden, Ok,         Forbidden, Forbidden] },
        { "update private coalition",            [NotFound,     NotFound,  Forbidden, Forbidden, Ok,         NotFound,  NotFound] },
        { "invite to members-only coalition",    [NotFound,     Forbidden, Forbidden, Forbidden, Created,    Forbidden, Forbidden] },
        { "audit of members-only coalition",     [NotFound,     Forbidden, Forbidden, Forbidden, Ok,         Forbidden, Forbidden] },
        { "working group in members-only coalition", [NotFound, Forbidden, Forbidden, Created,   Created,    Forbidden, Forbidden] },
        { "forum in members-only coalition",     [NotFound,     Forbidden, Forbidden, Forbidden, Created,    Forbidden, Forbidden] },
        { "read organisation",                   [Ok,           Ok,        Ok,        Ok,        Ok,         Ok,        Ok] },
        { "update organisation",                 [Unauthorised, Forbidden, Forbidden, Forbidden, Ok,         Forbidden, Ok] },
        { "list organisation api keys",          [Unauthorised, Forbidden, Forbidden, Forbidden, Ok,         Forbidden, Forbidden] },
        { "create coalition",                    [Unauthorised, Created,   Created,   Created,   Created,    Forbidden, Forbidden] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_ForEachCaller_AnswersAsExpected(string operation, HttpStatusCode[] expected)
    {
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var response = await SendAsync(operation, world.Client(actor));

            Assert.True(expected[(int)actor] == response.StatusCode,
                $"{operation} as {actor}: expected {(int)expected[(int)actor]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            if ((int)response.StatusCode >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private Task<HttpResponseMessage> SendAsync(string operation, TestClient client)
    {
        var open = $"/api/v1/coalitions/{world.Coalitions[Visibility.Public]}";
        var membersOnly = $"/api/v1/coalitions/{world.Coalitions[Visibility.MembersOnly]}";
        var secret = $"/api/v1/coalitions/{world.Coalitions[Visibility.Private]}";
        var organisation = $"/api/v1/organisations/{world.OrganisationId}";
        var coalitionBody = new { name = "Coalición", topics = new[] { "peace" }, visibility = "members-only" };
        var privateBody = coalitionBody with { visibility = "private" };
        return operation switch
        {
            "read public coalition" => client.GetAsync(open),
            "read members-only coalition" => client.GetAsync(membersOnly),
            "read private coalition" => client.GetAsync(secret),
            "members of public coalition" => client.GetAsync($"{open}/members"),
            "members of members-only coalition" => client.GetAsync($"{membersOnly}/members"),
            "members of private coalition" => client.GetAsync($"{secret}/members"),
            "update members-only coalition" => client.PutAsync(membersOnly, coalitionBody),
            "update private coalition" => client.PutAsync(secret, privateBody),
            "invite to members-only coalition" => client.PostAsync($"{membersOnly}/invitations", new { role = "member" }),
            "audit of members-only coalition" => client.GetAsync($"{membersOnly}/audit"),
            "working group in members-only coalition" => client.PostAsync($"{membersOnly}/working-groups", new { name = "Legal", visibility = "members-only" }),
            "forum in members-only coalition" => client.PostAsync($"{membersOnly}/forums", new { name = "Forum", themes = new[] { "Migration" }, visibility = "private" }),
            "read organisation" => client.GetAsync(organisation),
            "update organisation" => client.PutAsync(organisation, new { name = "Red de Defensoras", kind = "civil-society-organisation", country = "CO", topics = new[] { "land rights" } }),
            "list organisation api keys" => client.GetAsync($"{organisation}/api-keys"),
            "create coalition" => client.PostAsync("/api/v1/coalitions", coalitionBody),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }
}
