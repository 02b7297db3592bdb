using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Coalitions;

namespace NetworkHub.Silo.Tests.Coalitions;

public sealed class MemberOrganisationListTests
{
    private static readonly DateTimeOffset Since = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static MemberOrganisationList.Row Row(string name, string country, OrganisationKind kind, bool visible = true,
        CoalitionOrganisationStatus status = CoalitionOrganisationStatus.Active) =>
        new(new CoalitionOrganisationRecord
        {
            OrganisationId = Guid.NewGuid(),
            Status = status,
            Since = Since,
            PeopleRole = MemberOrganisationRole.Observer,
            Listing = new MemberOrganisationListing(name, kind, country, null, Visibility.Public),
        }, visible);

    private static CoalitionOrganisationQuery Query(int limit = 25, string? cursor = null, string? country = null, OrganisationKind? kind = null,
        CoalitionOrganisationStatus? status = null) => new(status, country, null, kind, cursor, limit);

    [Fact]
    public void Page_WalkedWithItsCursor_ReturnsEveryRowOnce_VisibleByNameThenHiddenById()
    {
        var rows = Enumerable.Range(0, 23)
            .Select(i => Row($"Org {(char)('Z' - i % 26)}{i}", "CO", OrganisationKind.CivilSocietyOrganisation, visible: i % 5 != 0))
            .ToList();

        var seen = new List<CoalitionOrganisation>();
        string? cursor = null;
        do
        {
            var page = MemberOrganisationList.Page(rows, Query(limit: 4, cursor: cursor));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(rows.Select(r => r.Record.OrganisationId).Order(), seen.Select(o => o.OrganisationId).Order());
        var visible = seen.TakeWhile(o => o.Kind is not null).ToList();
        Assert.Equal(visible.Select(o => o.Name).Order(StringComparer.OrdinalIgnoreCase), visible.Select(o => o.Name));
        var hidden = seen.Skip(visible.Count).ToList();
        Assert.Equal(5, hidden.Count);
        Assert.All(hidden, o => Assert.Equal((MemberOrganisationList.HiddenName, (string?)null), (o.Name, o.Country)));
        Assert.Equal(hidden.Select(o => o.OrganisationId).Order(), hidden.Select(o => o.OrganisationId));
    }

    [Fact]
    public void Page_Filters_NeverMatchAnOrganisationTheCallerMayNotSee()
    {
        var rows = new[]
        {
            Row("Alcaldía de Pasto", "CO", OrganisationKind.MunicipalityOrRegion),
            Row("Red Secreta", "CO", OrganisationKind.MunicipalityOrRegion, visible: false),
            Row("Colectivo", "CO", OrganisationKind.CivilSocietyOrganisation),
            Row("Prefeitura", "BR", OrganisationKind.MunicipalityOrRegion, status: CoalitionOrganisationStatus.Invited),
        };

        var municipalities = MemberOrganisationList.Page(rows, Query(kind: OrganisationKind.MunicipalityOrRegion));
        var colombian = MemberOrganisationList.Page(rows, Query(country: "co"));
        var invited = MemberOrganisationList.Page(rows, Query(status: CoalitionOrganisationStatus.Invited));

        Assert.Equal(["Alcaldía de Pasto", "Prefeitura"], municipalities.Items.Select(o => o.Name));
        Assert.Equal(["Alcaldía de Pasto", "Colectivo"], colombian.Items.Select(o => o.Name));
        Assert.Equal(["Prefeitura"], invited.Items.Select(o => o.Name));
        Assert.Equal(4, MemberOrganisationList.Page(rows, Query()).Items.Count);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("eA")]
    public void Page_CursorItDidNotIssue_IsRejected(string cursor)
    {
        var error = Assert.Throws<InvalidInputException>(() => MemberOrganisationList.Page([], Query(cursor: cursor)));
        Assert.Equal(ErrorCodes.InvalidCursor, error.Code);
    }
}
