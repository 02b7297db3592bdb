using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// The documents index on each database: rows written and replaced by revision only, a space's list filtered and paged,
/// and full-text search that folds accents, takes any text literally and never leaves the spaces it is given.
/// </summary>
public abstract class DocumentIndexContractTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly IStorageFixture _fixture;

    private protected DocumentIndexContractTests(IStorageFixture fixture) => _fixture = fixture;

    private IDocumentIndex Index => _fixture.Silo.Services.GetRequiredService<IDocumentIndex>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SpaceRef NewSpace(SpaceKind kind = SpaceKind.WorkingGroup) => new(kind, Guid.CreateVersion7());

    private static DocumentIndexEntry Entry(SpaceRef space, string title = "National action plan", string text = "Chapter one.", long revision = 1) =>
        new(Guid.CreateVersion7(), space, title, "A draft for consultation", ["plan", "2026"], "es", DocumentStatus.Draft, 1, revision,
            Monday, text);

    private Task<IReadOnlyList<DocumentSearchHit>> Search(string query, params SpaceRef[] spaces) =>
        Index.SearchAsync(new DocumentSearch(query, spaces, false, 0, 50), Ct);

    [Fact]
    public async Task UpsertAsync_ThenListAsync_ReadsTheRowBack()
    {
        var space = NewSpace();
        var entry = Entry(space) with { Description = null, Language = null, Tags = [], UpdatedAt = Monday.AddTicks(1_234_567) };

        await Index.UpsertAsync(entry, Ct);
        var page = await Index.ListAsync(space, null, null, null, 10, Ct);

        Assert.Equal([new DocumentSummary(entry.DocumentId, space, entry.Title, null, [], null, DocumentStatus.Draft, 1, Monday.AddTicks(1_234_560))],
            page.Documents, new SummaryComparer());
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public async Task UpsertAsync_OlderOrSameRevision_IsIgnored_NewerReplaces()
    {
        var space = NewSpace();
        var entry = Entry(space, "Second", revision: 5);
        await Index.UpsertAsync(entry, Ct);

        await Index.UpsertAsync(entry with { Title = "First", Revision = 4, Text = "stale words" }, Ct);
        await Index.UpsertAsync(entry with { Title = "Same", Revision = 5 }, Ct);
        Assert.Equal("Second", Assert.Single((await Index.ListAsync(space, null, null, null, 10, Ct)).Documents).Title);
        Assert.Empty(await Search("stale", space));

        await Index.UpsertAsync(entry with { Title = "Third", Revision = 6, Status = DocumentStatus.Published, LatestVersion = 2, Text = "fresh words" }, Ct);
        var row = Assert.Single((await Index.ListAsync(space, null, null, null, 10, Ct)).Documents);
        Assert.Equal(("Third", DocumentStatus.Published, 2), (row.Title, row.Status, row.LatestVersion));
        Assert.Equal(entry.DocumentId, Assert.Single(await Search("fresh", space)).DocumentId);
        Assert.Empty(await Search("Second", space));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheRowFromListAndSearch_UnknownIdIsNothing()
    {
        var space = NewSpace();
        var entry = Entry(space, text: "ephemeral paragraph");
        await Index.UpsertAsync(entry, Ct);
        Assert.Single(await Search("ephemeral", space));

        await Index.DeleteAsync(entry.DocumentId, Ct);
        await Index.DeleteAsync(entry.DocumentId, Ct);
        await Index.DeleteAsync(Guid.NewGuid(), Ct);

        Assert.Empty((await Index.ListAsync(space, null, null, null, 10, Ct)).Documents);
        Assert.Empty(await Search("ephemeral", space));
    }

    [Fact]
    public async Task ListAsync_FiltersByStatusAndTag_PagesByTimeThenId()
    {
        var space = NewSpace();
        var other = NewSpace();
        await Index.UpsertAsync(Entry(other), Ct);
        var entries = new List<DocumentIndexEntry>();
        for (var i = 0; i < 7; i++)
        {
            // Three share one time, so the id decides among them.
            var entry = Entry(space, $"Doc {i}") with
            {
                UpdatedAt = Monday.AddMinutes(Math.Min(i, 3)),
                Status = i % 2 == 0 ? DocumentStatus.Published : DocumentStatus.Draft,
                Tags = i % 3 == 0 ? ["climate", "Gender"] : ["gender"],
            };
            entries.Add(entry);
            await Index.UpsertAsync(entry, Ct);
        }

        var expected = entries.OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.DocumentId.ToString()).Select(e => e.DocumentId).ToList();
        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Index.ListAsync(space, null, null, after, 3, Ct);
            seen.AddRange(page.Documents.Select(d => d.DocumentId));
            after = page.NextAfter;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);
        Assert.Equal(entries.Where(e => e.Status == DocumentStatus.Published).Select(e => e.DocumentId).Order(),
            (await Index.ListAsync(space, DocumentStatus.Published, null, null, 100, Ct)).Documents.Select(d => d.DocumentId).Order());
        Assert.Equal([entries[0].DocumentId, entries[3].DocumentId, entries[6].DocumentId],
            (await Index.ListAsync(space, null, "climate", null, 100, Ct)).Documents.Select(d => d.DocumentId).Order());
        Assert.Equal([entries[0].DocumentId, entries[6].DocumentId],
            (await Index.ListAsync(space, DocumentStatus.Published, "Gender", null, 100, Ct)).Documents.Select(d => d.DocumentId).Order());
        Assert.Empty((await Index.ListAsync(space, null, "clim", null, 100, Ct)).Documents);
        Assert.Empty((await Index.ListAsync(new SpaceRef(SpaceKind.Forum, space.Id), null, null, null, 100, Ct)).Documents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("123-xyz")]
    [InlineData("x-0195f0a2b3c47d5e8f90a1b2c3d4e5f6")]
    [InlineData("99999999999999999999-0195f0a2b3c47d5e8f90a1b2c3d4e5f6")]
    public async Task ListAsync_CursorNotOneItGave_IsInvalidInput(string after)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Index.ListAsync(NewSpace(), null, null, after, 10, Ct));

        Assert.Equal(ErrorCodes.InvalidCursor, error.Code);
    }

    [Fact]
    public async Task SearchAsync_FoldsAccentsAndCase_BothWays()
    {
        var space = NewSpace();
        var accented = Entry(space, "Plan de educación", "La EDUCACIÓN básica y la formación técnica.");
        var plain = Entry(space, "Politica de salud", "Atencion primaria");
        await Index.UpsertAsync(accented, Ct);
        await Index.UpsertAsync(plain, Ct);

        Assert.Equal(accented.DocumentId, Assert.Single(await Search("educacion", space)).DocumentId);
        Assert.Equal(accented.DocumentId, Assert.Single(await Search("FORMACION tecnica", space)).DocumentId);
        Assert.Equal(plain.DocumentId, Assert.Single(await Search("Atención", space)).DocumentId);
        Assert.Equal(plain.DocumentId, Assert.Single(await Search("política SALUD", space)).DocumentId);
    }

    [Fact]
    public async Task SearchAsync_LastWordIsAPrefix_AllWordsRequired()
    {
        var space = NewSpace();
        var entry = Entry(space, "Consultation report", "Responses from the subgroups");
        await Index.UpsertAsync(entry, Ct);

        Assert.Single(await Search("consult", space));
        Assert.Single(await Search("subgroups respon", space));
        Assert.Empty(await Search("respon subgroups", space));
        Assert.Empty(await Search("consultation minutes", space));
    }

    [Theory]
    [InlineData("\"", 0)]
    [InlineData("*", 0)]
    [InlineData("NEAR(", 0)]
    [InlineData("-", 0)]
    [InlineData("'; DROP TABLE networkhub_documents; --", 0)]
    [InlineData("\"budget", 1)]
    [InlineData("budget*", 1)]
    [InlineData("-budget", 1)]
    [InlineData("NEAR(budget", 0)]
    [InlineData("title:budget", 0)]
    [InlineData("budget AND OR NOT", 0)]
    [InlineData("(budget) & | ! : ^ { } [ ] \\ % \"\"", 1)]
    [InlineData("budget' OR '1'='1", 0)]
    [InlineData("\0budget\u202e", 1)]
    public async Task SearchAsync_HostileText_IsTakenAsWords(string query, int expected)
    {
        var space = NewSpace();
        var entry = Entry(space, "Budget lines", "The budget, line by line.");
        await Index.UpsertAsync(entry, Ct);

        var hits = await Search(query, space);

        Assert.Equal(expected, hits.Count);
        Assert.All(hits, h => Assert.Equal(entry.DocumentId, h.DocumentId));
        Assert.Single(await Search("budget", space));
    }

    [Fact]
    public async Task SearchAsync_OnlyTheGivenSpaces_AndPublicOnesWhenAsked()
    {
        var mine = NewSpace();
        var theirs = NewSpace();
        var open = NewSpace(SpaceKind.Forum);
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        var inMine = Entry(mine, text: word);
        var inTheirs = Entry(theirs, text: word) with { SpaceVisibility = Visibility.MembersOnly };
        var inOpen = Entry(open, text: word) with { SpaceVisibility = Visibility.Public };
        foreach (var entry in new[] { inMine, inTheirs, inOpen })
        {
            await Index.UpsertAsync(entry, Ct);
        }

        Assert.Equal([inMine.DocumentId], (await Search(word, mine)).Select(h => h.DocumentId));
        Assert.Empty(await Search(word));
        // The same id under another kind is another space.
        Assert.Empty(await Search(word, new SpaceRef(SpaceKind.Coalition, theirs.Id)));
        Assert.Equal(new[] { inMine.DocumentId, inOpen.DocumentId }.Order(),
            (await Index.SearchAsync(new DocumentSearch(word, [mine], true, 0, 10), Ct)).Select(h => h.DocumentId).Order());

        // A row written without a visibility keeps its hint; the hint follows the space when told.
        await Index.UpsertAsync(inOpen with { Revision = 2, SpaceVisibility = null }, Ct);
        Assert.Single(await Index.SearchAsync(new DocumentSearch(word, [], true, 0, 10), Ct));
        await Index.SetSpaceVisibilityAsync(open, Visibility.Private, Ct);
        Assert.Empty(await Index.SearchAsync(new DocumentSearch(word, [], true, 0, 10), Ct));
        await Index.SetSpaceVisibilityAsync(theirs, Visibility.Public, Ct);
        Assert.Equal(inTheirs.DocumentId, Assert.Single(await Index.SearchAsync(new DocumentSearch(word, [], true, 0, 10), Ct)).DocumentId);
    }

    [Fact]
    public async Task SearchAsync_RanksTitleMatchesFirst_PagesByOffset_SnippetShowsTheText()
    {
        var space = NewSpace();
        var word = "q" + Guid.NewGuid().ToString("N")[..10];
        var inTitle = Entry(space, $"About {word}", "Nothing else to say here.");
        var inText = Enumerable.Range(0, 4)
            .Select(i => Entry(space, $"Other {i}", $"A long preamble of words. Then the passage on {word} and its consequences. More text follows."))
            .ToList();
        foreach (var entry in inText.Prepend(inTitle))
        {
            await Index.UpsertAsync(entry, Ct);
        }

        var all = await Index.SearchAsync(new DocumentSearch(word, [space], false, 0, 10), Ct);
        var first = await Index.SearchAsync(new DocumentSearch(word, [space], false, 0, 2), Ct);
        var rest = await Index.SearchAsync(new DocumentSearch(word, [space], false, 2, 10), Ct);

        Assert.Equal(5, all.Count);
        Assert.Equal(inTitle.DocumentId, all[0].DocumentId);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Rank >= p.Second.Rank));
        Assert.Equal(all.Select(h => h.DocumentId), first.Concat(rest).Select(h => h.DocumentId));
        var hit = all[1];
        Assert.Contains(word, hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal((space, DocumentStatus.Draft), (hit.Space, hit.Status));
        Assert.Equal(["plan", "2026"], hit.Tags);
        Assert.Empty(await Index.SearchAsync(new DocumentSearch(word, [space], false, 5, 10), Ct));
    }

    [Fact]
    public async Task SearchAsync_FindsTagsAndDescription()
    {
        var space = NewSpace();
        var entry = Entry(space) with { Tags = ["Gleichstellung"], Description = "Überblick der Maßnahmen" };
        await Index.UpsertAsync(entry, Ct);

        Assert.Single(await Search("gleichstellung", space));
        Assert.Single(await Search("uberblick", space));
        Assert.Empty(await Search("   ", space));
    }

    /// <summary>Records with lists compare by reference; this compares them by value.</summary>
    private sealed class SummaryComparer : IEqualityComparer<DocumentSummary>
    {
        public bool Equals(DocumentSummary? x, DocumentSummary? y) =>
            x is not null && y is not null && x with { Tags = [] } == y with { Tags = [] } && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(DocumentSummary obj) => obj.DocumentId.GetHashCode();
    }
}

public sealed class SqliteDocumentIndexContractTests(SqliteStorageFixture fixture)
    : DocumentIndexContractTests(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlDocumentIndexContractTests(PostgreSqlStorageFixture fixture)
    : DocumentIndexContractTests(fixture), IClassFixture<PostgreSqlStorageFixture>;
