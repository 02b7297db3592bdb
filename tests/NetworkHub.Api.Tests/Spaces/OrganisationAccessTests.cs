using System.Net;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;

namespace NetworkHub.Api.Tests.Spaces;

/// <summary>
/// Organisations take part: the people of a coalition's member organisations hold the role the coalition gives their
/// organisation, in the coalition and in its working groups and forums that are open to member organisations, without
/// a personal invitation; losing the organisation, or the organisation leaving, ends it at once.
/// </summary>
public sealed class OrganisationAccessTests(SharedHost shared)
{
    private const string Hidden = "(private organisation)";

    private readonly ApiHost _host = shared.Host;

    /// <summary>A private coalition with one member organisation whose people observe, and the organisation's admin and one of its people.</summary>
    private async Task<World> WorldAsync(string peopleRole = "observer")
    {
        var coordinator = await TestClient.SignedUpAsync(_host, "Coordinadora");
        var admin = await TestClient.SignedUpAsync(_host, "Admin");
        var person = await TestClient.SignedUpAsync(_host, "Defensora");
        var organisation = await admin.CreateOrganisationAsync(Visibility.MembersOnly, name: "Colectivo de Abogadas");
        await admin.AddMemberAsync($"/api/v1/organisations/{organisation.Id}", person, SpaceRole.Member);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Private, name: "Plataforma privada");
        var coalitionPath = $"/api/v1/coalitions/{coalition.Id}";
        await TestClient.Expect(await coordinator.PostAsync($"{coalitionPath}/organisations", new { organisationId = organisation.Id, peopleRole }), HttpStatusCode.NoContent);
        await TestClient.Expect(await admin.PostAsync($"{coalitionPath}/organisations/{organisation.Id}/accept"), HttpStatusCode.NoContent);
        return new World(coordinator, admin, person, organisation, coalition);
    }

    private sealed record World(TestClient Coordinator, TestClient Admin, TestClient Person, OrganisationDetails Organisation, CoalitionDetails Coalition) : IDisposable
    {
        public string CoalitionPath => $"/api/v1/coalitions/{Coalition.Id}";

        public string OrganisationPath => $"/api/v1/organisations/{Organisation.Id}";

        public async Task<ForumDetails> ForumAsync(Visibility visibility, bool? open = null)
        {
            var response = await Coordinator.PostAsync($"{CoalitionPath}/forums", new { name = "Foro regional", themes = new[] { "Andes" }, visibility, openToMemberOrganisations = open });
            return await TestClient.ReadAsync<ForumDetails>(response, HttpStatusCode.Created);
        }

        public void Dispose()
        {
            Coordinator.Dispose();
            Admin.Dispose();
            Person.Dispose();
        }
    }

    [Fact]
    public async Task PersonOfMemberOrganisation_HoldsItsRole_InTheCoalitionAndItsOpenForums()
    {
        using var world = await WorldAsync();
        using var outsider = await TestClient.SignedUpAsync(_host);
        var open = await world.ForumAsync(Visibility.Private, open: true);
        var closed = await world.ForumAsync(Visibility.Private);

        var coalition = await world.Person.GetAsync<CoalitionDetails>(world.CoalitionPath);
        var forum = await world.Person.GetAsync<ForumDetails>($"/api/v1/forums/{open.Id}");

        Assert.Equal(SpaceRole.Observer, coalition.YourRole);
        Assert.Equal((SpaceRole?)SpaceRole.Observer, forum.YourRole);
        Assert.True(forum.OpenToMemberOrganisations);
        Assert.False(closed.OpenToMemberOrganisations);
        await TestClient.ProblemAsync(await world.Person.GetAsync($"/api/v1/forums/{closed.Id}"), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await outsider.GetAsync(world.CoalitionPath), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await outsider.GetAsync($"/api/v1/forums/{open.Id}"), HttpStatusCode.NotFound, "space.not-found");

        // Observers read; only a member role lets them add a working group.
        await TestClient.ProblemAsync(await world.Person.PostAsync($"{world.CoalitionPath}/working-groups", new { name = "Legal", visibility = "private" }),
            HttpStatusCode.Forbidden, "space.not-member");
        await TestClient.Expect(await world.Coordinator.PutAsync($"{world.CoalitionPath}/organisations/{world.Organisation.Id}/role", new { peopleRole = "member" }), HttpStatusCode.NoContent);
        var group = await TestClient.ReadAsync<WorkingGroupDetails>(
            await world.Person.PostAsync($"{world.CoalitionPath}/working-groups", new { name = "Legal", visibility = "private" }), HttpStatusCode.Created);
        Assert.Equal(SpaceRole.Coordinator, group.YourRole);
    }

    [Fact]
    public async Task LeavingTheOrganisation_EndsTheRoleEverywhereAtOnce()
    {
        using var world = await WorldAsync();
        var forum = await world.ForumAsync(Visibility.Private, open: true);
        await world.Person.GetAsync<ForumDetails>($"/api/v1/forums/{forum.Id}");

        await TestClient.Expect(await world.Person.PostAsync($"{world.OrganisationPath}/leave"), HttpStatusCode.NoContent);

        await TestClient.ProblemAsync(await world.Person.GetAsync(world.CoalitionPath), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await world.Person.GetAsync($"/api/v1/forums/{forum.Id}"), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await world.Person.GetAsync($"/api/v1/forums/{forum.Id}/sessions"), HttpStatusCode.NotFound, "space.not-found");
    }

    [Fact]
    public async Task OrganisationLeavingOrRoleSetToNone_EndsItsPeoplesAccess()
    {
        using var world = await WorldAsync();
        using var second = await WorldAsync();
        var forum = await world.ForumAsync(Visibility.Private, open: true);

        await TestClient.Expect(await world.Admin.DeleteAsync($"{world.CoalitionPath}/organisations/{world.Organisation.Id}"), HttpStatusCode.NoContent);
        await TestClient.Expect(await second.Coordinator.PutAsync($"{second.CoalitionPath}/organisations/{second.Organisation.Id}/role", new { peopleRole = "none" }), HttpStatusCode.NoContent);

        await TestClient.ProblemAsync(await world.Person.GetAsync(world.CoalitionPath), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await world.Person.GetAsync($"/api/v1/forums/{forum.Id}"), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await second.Person.GetAsync(second.CoalitionPath), HttpStatusCode.NotFound, "space.not-found");
        var listed = Assert.Single((await second.Coordinator.GetAsync<CoalitionOrganisationPage>($"{second.CoalitionPath}/organisations")).Items);
        Assert.Equal(MemberOrganisationRole.None, listed.PeopleRole);
    }

    [Fact]
    public async Task ClosingAForumToMemberOrganisations_OnUpdate_EndsTheirAccess_AndLeavingTheFieldOutKeepsIt()
    {
        using var world = await WorldAsync();
        var forum = await world.ForumAsync(Visibility.Private, open: true);
        var path = $"/api/v1/forums/{forum.Id}";
        Assert.True(forum.OpenToMemberOrganisations);

        // A client that does not know the field does not change it.
        var kept = await TestClient.ReadAsync<ForumDetails>(await world.Coordinator.PutAsync(path, new { name = "Foro", visibility = "private" }), HttpStatusCode.OK);
        Assert.True(kept.OpenToMemberOrganisations);
        Assert.Equal(SpaceRole.Observer, (await world.Person.GetAsync<ForumDetails>(path)).YourRole);

        var closed = await TestClient.ReadAsync<ForumDetails>(
            await world.Coordinator.PutAsync(path, new { name = "Foro", visibility = "private", openToMemberOrganisations = false }), HttpStatusCode.OK);

        Assert.False(closed.OpenToMemberOrganisations);
        await TestClient.ProblemAsync(await world.Person.GetAsync(path), HttpStatusCode.NotFound, "space.not-found");
    }

    [Fact]
    public async Task LiveSession_PersonWhoLeavesTheOrganisation_ReceivesNothingAfterTheCallReturns()
    {
        using var world = await WorldAsync();
        using var member = await TestClient.SignedUpAsync(_host, "Participante");
        var forum = await world.ForumAsync(Visibility.Private, open: true);
        var forumPath = $"/api/v1/forums/{forum.Id}";
        await world.Coordinator.AddMemberAsync(forumPath, member, SpaceRole.Member);
        var now = DateTimeOffset.UtcNow;
        var session = await TestClient.ReadAsync<LiveSessionDetails>(await world.Coordinator.PostAsync($"{forumPath}/sessions", new
        {
            title = "Asamblea",
            startsAt = now,
            endsAt = now.AddHours(1),
            timeZone = "America/Bogota",
            languages = new[] { "es" },
            agenda = new object[] { new { title = "Open floor", format = "plenary", plannedMinutes = 30 } },
        }), HttpStatusCode.Created);
        await using var facilitator = await SessionClient.ConnectAsync(_host, world.Coordinator);
        await using var stays = await SessionClient.ConnectAsync(_host, member);
        await using var leaves = await SessionClient.ConnectAsync(_host, world.Person);
        await facilitator.JoinAsync(session.Id);
        await stays.JoinAsync(session.Id);
        var joined = await leaves.JoinAsync(session.Id);
        Assert.Equal(LiveSessionRole.Observer, joined.Role);
        var started = await facilitator.SendAsync("Start", session.Id);
        await leaves.WaitForSequenceAsync(started);

        await TestClient.Expect(await world.Person.PostAsync($"{world.OrganisationPath}/leave"), HttpStatusCode.NoContent);
        var secret = $"Only for those still inside {Guid.NewGuid():N}";
        var sequence = await facilitator.SendAsync("Contribute", session.Id, new ContributeCommand(Guid.CreateVersion7(), secret));
        await stays.WaitForSequenceAsync(sequence);

        Assert.DoesNotContain(leaves.Events, e => e.Change is ContributionPosted c && c.Contribution.Text == secret);
        Assert.Equal(new ParticipantAccessChanged(world.Person.PersonId, null), leaves.Events[^1].Change);
        Assert.Equal(LiveSessionErrors.NotFound, await leaves.FailAsync("Join", session.Id, null));
    }

    [Fact]
    public async Task CoalitionCoordinators_ObserveChildForums_AsTheCoalitionSets_AndAListSaysWhenTheyMayNot()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host, "Coordinadora regional");
        using var lead = await TestClient.SignedUpAsync(_host, "Facilitadora");
        using var outsider = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.MembersOnly);
        var coalitionPath = $"/api/v1/coalitions/{coalition.Id}";
        await coordinator.AddMemberAsync(coalitionPath, lead, SpaceRole.Coordinator);
        var forum = await TestClient.ReadAsync<ForumDetails>(
            await lead.PostAsync($"{coalitionPath}/forums", new { name = "Mesa territorial", visibility = "members-only" }), HttpStatusCode.Created);
        var sessions = $"/api/v1/forums/{forum.Id}/sessions";
        var now = DateTimeOffset.UtcNow;
        await TestClient.Expect(await lead.PostAsync(sessions, new
        {
            title = "Reunión de marzo",
            startsAt = now.AddDays(1),
            endsAt = now.AddDays(1).AddHours(1),
            timeZone = "UTC",
            languages = new[] { "es" },
            agenda = new object[] { new { title = "Informe", format = "plenary", plannedMinutes = 30 } },
        }), HttpStatusCode.Created);

        Assert.True(coalition.CoordinatorsSeeChildSpaces);
        Assert.Single(await coordinator.GetAsync<List<LiveSessionSummary>>(sessions));
        Assert.Equal(SpaceRole.Observer, (await coordinator.GetAsync<ForumDetails>($"/api/v1/forums/{forum.Id}")).YourRole);

        // An outsider sees that the members-only forum exists, and is told its sessions are for participants, not shown "none".
        await TestClient.ProblemAsync(await outsider.GetAsync(sessions), HttpStatusCode.Forbidden, "space.contents-hidden");
        await TestClient.ProblemAsync(await outsider.GetAsync($"{coalitionPath}/forums"), HttpStatusCode.Forbidden, "space.contents-hidden");

        var updated = await TestClient.ReadAsync<CoalitionDetails>(await coordinator.PutAsync(coalitionPath,
            new { name = coalition.Name, topics = new[] { "peace" }, visibility = "members-only", coordinatorsSeeChildSpaces = false }), HttpStatusCode.OK);

        Assert.False(updated.CoordinatorsSeeChildSpaces);
        await TestClient.ProblemAsync(await coordinator.GetAsync(sessions), HttpStatusCode.Forbidden, "space.contents-hidden");
    }

    [Fact]
    public async Task MemberOrganisations_PagedAndFiltered_HiddenOnesNeverMatchAFilter()
    {
        // The admin of every organisation coordinates the coalition; another signed-in person reads the list.
        using var admin = await TestClient.SignedUpAsync(_host);
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var coalition = await admin.CreateCoalitionAsync(Visibility.Public, name: "Red de municipios");
        var path = $"/api/v1/coalitions/{coalition.Id}/organisations";
        var created = new List<OrganisationDetails>();
        foreach (var (name, country, kind, visibility) in new[]
        {
            ("Alcaldía de Pasto", "CO", "municipality-or-region", Visibility.Public),
            ("Prefeitura de Recife", "BR", "municipality-or-region", Visibility.Public),
            ("Colectivo Tierra", "CO", "civil-society-organisation", Visibility.Public),
            ("Fundación Andina", "PE", "funder", Visibility.MembersOnly),
            ("Red Secreta", "CO", "municipality-or-region", Visibility.Private),
            ("Alcaldía de Quito", "EC", "municipality-or-region", Visibility.Public),
            ("Instituto Sur", "AR", "research-institute", Visibility.Public),
        })
        {
            var organisation = await admin.CreateOrganisationAsync(visibility, country, name, kind: kind);
            created.Add(organisation);
            await TestClient.Expect(await admin.PostAsync(path, new { organisationId = organisation.Id }), HttpStatusCode.NoContent);
            await TestClient.Expect(await admin.PostAsync($"{path}/{organisation.Id}/accept"), HttpStatusCode.NoContent);
        }

        using var anonymous = _host.CreateClient();
        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await anonymous.GetAsync<CoalitionOrganisationPage>($"{path}?limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.True(page.Items.Count <= 3);
            names.AddRange(page.Items.Select(o => o.Name));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        // Anonymous visitors read a public coalition's members: public organisations by name, the others hidden at the end.
        Assert.Equal(3, pages);
        Assert.Equal(["Alcaldía de Pasto", "Alcaldía de Quito", "Colectivo Tierra", "Instituto Sur", "Prefeitura de Recife",
            Hidden, Hidden], names);

        var colombianMunicipalities = await coordinator.GetAsync<CoalitionOrganisationPage>($"{path}?country=CO&kind=municipality-or-region");
        Assert.Equal(["Alcaldía de Pasto"], colombianMunicipalities.Items.Select(o => o.Name));
        var asAdmin = await admin.GetAsync<CoalitionOrganisationPage>($"{path}?country=CO&kind=municipality-or-region");
        Assert.Equal(["Alcaldía de Pasto", "Red Secreta"], asAdmin.Items.Select(o => o.Name));
        var hidden = (await coordinator.GetAsync<CoalitionOrganisationPage>(path)).Items.Single(o => o.OrganisationId == created[4].Id);
        Assert.Equal((Hidden, (OrganisationKind?)null, (string?)null), (hidden.Name, hidden.Kind, hidden.Country));
        var funder = (await coordinator.GetAsync<CoalitionOrganisationPage>($"{path}?kind=funder")).Items.Single();
        Assert.Equal(("Fundación Andina", "PE", MemberOrganisationRole.Observer), (funder.Name, funder.Country, funder.PeopleRole));

        await TestClient.ProblemAsync(await anonymous.GetAsync($"{path}?cursor=bm90LW91cnM"), HttpStatusCode.BadRequest, "directory.invalid-cursor");
        await TestClient.ProblemAsync(await anonymous.GetAsync($"{path}?limit=0"), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await anonymous.GetAsync($"{path}?kind=planet"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MemberOrganisations_RenamedOrganisation_ShowsItsNewNameAndPlace()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var admin = await TestClient.SignedUpAsync(_host);
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.Public);
        var path = $"/api/v1/coalitions/{coalition.Id}/organisations";
        var organisation = await admin.CreateOrganisationAsync(Visibility.Public, "CO", "Nombre viejo");
        await TestClient.Expect(await coordinator.PostAsync(path, new { organisationId = organisation.Id }), HttpStatusCode.NoContent);

        await TestClient.Expect(await admin.PutAsync($"/api/v1/organisations/{organisation.Id}",
            new { name = "Nombre nuevo", kind = "funder", country = "MX", region = "Oaxaca", topics = new[] { "water" } }), HttpStatusCode.OK);

        var listed = Assert.Single((await coordinator.GetAsync<CoalitionOrganisationPage>($"{path}?region=oaxaca")).Items);
        Assert.Equal(("Nombre nuevo", OrganisationKind.Funder, "MX", CoalitionOrganisationStatus.Invited), (listed.Name, listed.Kind, listed.Country, listed.Status));
    }

    [Fact]
    public async Task MemberOrganisations_OfAMembersOnlyCoalition_AreForItsMembers()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var outsider = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();
        var coalition = await coordinator.CreateCoalitionAsync(Visibility.MembersOnly);
        var path = $"/api/v1/coalitions/{coalition.Id}/organisations";

        await TestClient.ProblemAsync(await outsider.GetAsync(path), HttpStatusCode.Forbidden, "space.members-hidden");
        await TestClient.ProblemAsync(await anonymous.GetAsync(path), HttpStatusCode.NotFound, "space.not-found");
        Assert.Empty((await coordinator.GetAsync<CoalitionOrganisationPage>(path)).Items);
    }

    [Fact]
    public async Task Directory_CoalitionsThatIncludeAnOrganisation_AndCoalitionKind()
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        using var admin = await TestClient.SignedUpAsync(_host);
        using var outsider = await TestClient.SignedUpAsync(_host);
        var municipality = await admin.CreateOrganisationAsync(Visibility.Public, "BR", "Prefeitura de Olinda", kind: "municipality-or-region");
        var hiddenOrganisation = await admin.CreateOrganisationAsync(Visibility.Private, "BR", "Coletivo reservado");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var partnership = await CoalitionAsync(coordinator, $"Parceria {tag}", "partnership", Visibility.Public);
        var network = await CoalitionAsync(coordinator, $"Rede {tag}", "network", Visibility.Public);
        var secret = await CoalitionAsync(coordinator, $"Parceria secreta {tag}", "partnership", Visibility.Private);
        var closedMembers = await CoalitionAsync(coordinator, $"Parceria fechada {tag}", "partnership", Visibility.MembersOnly);
        await CoalitionAsync(coordinator, $"Outra parceria {tag}", "partnership", Visibility.Public);
        foreach (var coalition in new[] { partnership, network, secret, closedMembers })
        {
            var path = $"/api/v1/coalitions/{coalition.Id}/organisations";
            await TestClient.Expect(await coordinator.PostAsync(path, new { organisationId = municipality.Id }), HttpStatusCode.NoContent);
            await TestClient.Expect(await admin.PostAsync($"{path}/{municipality.Id}/accept"), HttpStatusCode.NoContent);
        }

        var asOutsider = await outsider.GetAsync<DirectoryPage>($"/api/v1/coalitions?organisation={municipality.Id}");
        var partnerships = await outsider.GetAsync<DirectoryPage>($"/api/v1/coalitions?organisation={municipality.Id}&kind=partnership");
        var asCoordinator = await coordinator.GetAsync<DirectoryPage>($"/api/v1/coalitions?organisation={municipality.Id}&kind=partnership");
        var allPartnerships = await outsider.GetAsync<DirectoryPage>($"/api/v1/coalitions?q={tag}&kind=partnership");

        // The outsider does not learn of the private coalition, nor that the members-only one counts the municipality.
        Assert.Equal(new[] { network.Id, partnership.Id }.Order(), asOutsider.Items.Select(i => i.Id).Order());
        Assert.Equal([partnership.Id], partnerships.Items.Select(i => i.Id));
        Assert.Equal(new[] { closedMembers.Id, partnership.Id, secret.Id }.Order(), asCoordinator.Items.Select(i => i.Id).Order());
        Assert.Equal(3, allPartnerships.Items.Count);
        Assert.Equal("partnership", partnerships.Items[0].Kind);
        await TestClient.ProblemAsync(await outsider.GetAsync($"/api/v1/coalitions?organisation={hiddenOrganisation.Id}"), HttpStatusCode.NotFound, "space.not-found");
        await TestClient.ProblemAsync(await outsider.GetAsync($"/api/v1/coalitions?organisation={Guid.NewGuid()}"), HttpStatusCode.NotFound, "space.not-found");
    }

    private static async Task<CoalitionDetails> CoalitionAsync(TestClient coordinator, string name, string kind, Visibility visibility)
    {
        var response = await coordinator.PostAsync("/api/v1/coalitions", new { name, kind, visibility, topics = new[] { "cities" } });
        var coalition = await TestClient.ReadAsync<CoalitionDetails>(response, HttpStatusCode.Created);
        Assert.Equal(kind, System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(coalition.Kind.ToString()));
        return coalition;
    }
}
