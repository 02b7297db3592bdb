using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Directory;

namespace NetworkHub.Silo.Tests.Directory;

public sealed class DirectoryIndexTests
{
    private static DirectoryEntry Entry(string name, string country = "CO", Visibility visibility = Visibility.Public, string[]? topics = null, string? kind = "civil-society-organisation") =>
        new(Guid.CreateVersion7(), name, kind, country, "Andes", topics ?? ["peace"], visibility, null);

    private static DirectoryQuery Query(int limit = 10, string? cursor = null, string? country = null, string? topic = null, string? text = null, bool signedIn = true, IReadOnlySet<Guid>? memberOf = null) =>
        new(country, null, topic, null, text, cursor, limit, signedIn, memberOf ?? new HashSet<Guid>());

    [Fact]
    public void Query_PagesThroughEverythingOnceInNameOrder()
    {
        var index = new DirectoryIndex(Enumerable.Range(0, 250).Select(i => Entry($"Org {i:D3}")).Reverse());
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = index.Query(Query(limit: 40, cursor: cursor));
            seen.AddRange(page.Items.Select(e => e.Name));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"Org {i:D3}"), seen);
    }

    [Fact]
    public void Query_CursorStaysValidWhenEntriesAreAddedBeforeIt()
    {
        var index = new DirectoryIndex([Entry("B"), Entry("D"), Entry("F")]);
        var first = index.Query(Query(limit: 2));

        index.Upsert(Entry("A"));
        index.Upsert(Entry("C"));
        var second = index.Query(Query(limit: 2, cursor: first.NextCursor));

        Assert.Equal(["B", "D"], first.Items.Select(e => e.Name));
        Assert.Equal(["F"], second.Items.Select(e => e.Name));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public void Query_FiltersCaseInsensitivelyAndByTextInName()
    {
        var match = Entry("Red de Mujeres", "CO", topics: ["Land Rights"]);
        var index = new DirectoryIndex([match, Entry("Red Andina", "PE", topics: ["land rights"]), Entry("Mujeres Unidas", "CO", topics: ["health"])]);

        var page = index.Query(Query(country: "co", topic: "land rights", text: "MUJER"));

        Assert.Equal([match.Id], page.Items.Select(e => e.Id));
    }

    [Fact]
    public void Query_HidesPrivateFromNonMembersAndMembersOnlyFromAnonymous()
    {
        var open = Entry("Open");
        var membersOnly = Entry("Members only", visibility: Visibility.MembersOnly);
        var secret = Entry("Secret", visibility: Visibility.Private);
        var index = new DirectoryIndex([open, membersOnly, secret]);

        var anonymous = index.Query(Query(signedIn: false));
        var signedIn = index.Query(Query());
        var member = index.Query(Query(memberOf: new HashSet<Guid> { secret.Id }));

        Assert.Equal(["Open"], anonymous.Items.Select(e => e.Name));
        Assert.Equal(["Members only", "Open"], signedIn.Items.Select(e => e.Name));
        Assert.Equal(["Members only", "Open", "Secret"], member.Items.Select(e => e.Name));
    }

    [Fact]
    public void Upsert_RenamedEntry_MovesAndIsNotDuplicated()
    {
        var entry = Entry("Zeta");
        var index = new DirectoryIndex([entry, Entry("Beta")]);

        index.Upsert(entry with { Name = "Alpha" });

        Assert.Equal(["Alpha", "Beta"], index.Query(Query()).Items.Select(e => e.Name));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")]
    public void Query_MalformedCursor_IsInvalidInput(string cursor)
    {
        var index = new DirectoryIndex([Entry("A")]);

        var error = Assert.Throws<InvalidInputException>(() => index.Query(Query(cursor: cursor)));

        Assert.Equal(ErrorCodes.InvalidCursor, error.Code);
    }
}
