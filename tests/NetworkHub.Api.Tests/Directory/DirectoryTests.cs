using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Directory;

public sealed class DirectoryTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task Organisations_FilterByCountryTopicKindAndText_PagedWithCursor()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        var topic = $"topic-{Guid.NewGuid():N}";
        for (var i = 0; i < 7; i++)
        {
            await person.CreateOrganisationAsync(name: $"Mesa Territorial {i}", country: "CO", topics: [topic]);
        }

        await person.CreateOrganisationAsync(name: "Mesa Territorial Lima", country: "PE", topics: [topic]);
        await person.CreateOrganisationAsync(name: "Alcaldía de Pasto", country: "CO", topics: [topic], kind: "municipality-or-region");

        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await person.GetAsync<DirectoryPage>($"/api/v1/organisations?country=CO&topic={topic}&kind=civil-society-organisation&q=mesa&limit=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            names.AddRange(page.Items.Select(i => i.Name));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Mesa Territorial {i}"), names);
        Assert.Equal(3, pages);
        var municipalities = await person.GetAsync<DirectoryPage>($"/api/v1/organisations?topic={topic}&kind=municipality-or-region");
        Assert.Equal(["Alcaldía de Pasto"], municipalities.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task Coalitions_PrivateListedOnlyToMembers_MembersOnlyHiddenFromAnonymous()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var outsider = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();
        var marker = $"Marker{Guid.NewGuid():N}";
        await coordinator.CreateCoalitionAsync(Visibility.Public, name: $"{marker} public");
        await coordinator.CreateCoalitionAsync(Visibility.MembersOnly, name: $"{marker} members-only");
        await coordinator.CreateCoalitionAsync(Visibility.Private, name: $"{marker} private");

        async Task<IEnumerable<string>> Names(TestClient client) =>
            (await client.GetAsync<DirectoryPage>($"/api/v1/coalitions?q={marker}")).Items.Select(i => i.Name);

        Assert.Equal([$"{marker} members-only", $"{marker} private", $"{marker} public"], await Names(coordinator));
        Assert.Equal([$"{marker} members-only", $"{marker} public"], await Names(outsider));
        Assert.Equal([$"{marker} public"], await Names(anonymous));
    }

    [Fact]
    public async Task Organisation_Renamed_ShowsNewNameInDirectory()
    {
        using var admin = await TestClient.SignedUpAsync(_host);
        var marker = $"Rename{Guid.NewGuid():N}";
        var organisation = await admin.CreateOrganisationAsync(name: $"{marker} old");

        await TestClient.Expect(await admin.PutAsync($"/api/v1/organisations/{organisation.Id}",
            new { name = $"{marker} new", kind = "funder", country = "SN", region = "West Africa" }), System.Net.HttpStatusCode.OK);

        var page = await admin.GetAsync<DirectoryPage>($"/api/v1/organisations?q={marker}&region=west%20africa");
        var entry = Assert.Single(page.Items);
        Assert.Equal(($"{marker} new", "funder", "SN"), (entry.Name, entry.Kind, entry.Country));
    }
}
