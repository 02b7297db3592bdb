using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Bench;

/// <summary>
/// Search latency over many documents, for a person who sees some of the spaces: their own private organisations and
/// the public ones, not the private organisations of others. The rows go in through <see cref="IDocumentIndex.UpsertAsync"/>,
/// the call the document grain makes. Measured in the same run: the real endpoint (HTTP, the person's spaces, the index's
/// full-text search, every hit's space asked), the index's search alone, and a LIKE scan of the same rows with the same
/// space filter (what a search without a full-text index costs).
/// </summary>
internal sealed class SearchLatency(Platform platform, int documents, int searches)
{
    private const int OwnSpaces = 4;
    private const int PublicSpaces = 6;
    private const int OthersPrivateSpaces = 10;
    private const int PageSize = 25;

    private static readonly string[] Queries =
    [
        "peace", "derechos humanos", "educacion", "éducation paix", "السلام", "land rights displaced", "particip",
        "médiation communautaire", "kalambaro", "reparación víctimas",
    ];

    public async Task RunAsync()
    {
        var (searcher, _) = await platform.SignUpAsync("Searcher");
        var (other, _) = await platform.SignUpAsync("Other coordinator");
        var own = await SpacesAsync(searcher, OwnSpaces, "private");
        var open = await SpacesAsync(other, PublicSpaces, "public");
        var closed = await SpacesAsync(other, OthersPrivateSpaces, "private");
        var spaces = own.Select(s => (s, Visibility.Private)).Concat(open.Select(s => (s, Visibility.Public))).Concat(closed.Select(s => (s, Visibility.Private))).ToArray();

        var index = platform.Services.GetRequiredService<IDocumentIndex>();
        var seeding = Stopwatch.StartNew();
        await Parallel.ForAsync(0, documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
        {
            var (title, tags, language, text) = DocumentCorpus.Document(new Random(i), i, 30);
            var (space, visibility) = spaces[i % spaces.Length];
            await index.UpsertAsync(new DocumentIndexEntry(Guid.CreateVersion7(), space, title, $"{title}: {tags[0]}", tags, language,
                (DocumentStatus)(i % 4), 1, 1, DateTimeOffset.UtcNow, text, visibility), cancellationToken);
        });
        var sees = own.Length + open.Length;
        Console.WriteLine($"Indexed {documents:N0} documents in {spaces.Length} spaces in {seeding.Elapsed.TotalSeconds:F1} s; the searcher sees {sees} of them " +
            $"(~{documents * sees / spaces.Length:N0} documents).");

        var viaHttp = new List<double>();
        var viaIndex = new List<double>();
        var viaLike = new List<double>();
        var hits = new Dictionary<string, (int Http, int Like)>();
        var perQuery = Queries.ToDictionary(q => q, _ => (Http: new List<double>(), Index: new List<double>(), Like: new List<double>()));
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(platform.Directory, "networkhub.db")};Mode=ReadOnly");
        await sqlite.OpenAsync();
        for (var i = -Queries.Length; i < searches; i++)
        {
            // The first round warms every path up and is not counted.
            var query = Queries[(i + Queries.Length) % Queries.Length];
            var http = await TimedAsync(() => SearchHttpAsync(searcher, query));
            var direct = await TimedAsync(() => SearchIndexAsync(index, own, query));
            var like = await TimedAsync(() => SearchLikeAsync(sqlite, own, query));
            hits[query] = (http.Result, like.Result);
            if (i >= 0)
            {
                viaHttp.Add(http.Milliseconds);
                viaIndex.Add(direct.Milliseconds);
                viaLike.Add(like.Milliseconds);
                perQuery[query].Http.Add(http.Milliseconds);
                perQuery[query].Index.Add(direct.Milliseconds);
                perQuery[query].Like.Add(like.Milliseconds);
            }
        }

        var baseline = Latency.Of(viaLike);
        Console.WriteLine($"{searches} searches of {Queries.Length} queries, a page of {PageSize}:");
        Console.WriteLine($"{"path",-34} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"p50 ratio",10} {"p99 ratio",10}");
        foreach (var (name, values) in new[] { ("LIKE scan (baseline)", viaLike), ("index search alone (FTS5)", viaIndex), ("HTTP search endpoint", viaHttp) })
        {
            var latency = Latency.Of(values);
            Console.WriteLine($"{name,-34} {latency.P50,8:F2} {latency.P99,8:F2} {latency.Max,8:F2} {latency.P50 / baseline.P50,10:F2} {latency.P99 / baseline.P99,10:F2}");
        }

        Console.WriteLine($"Per query, p50 ms (LIKE / index / HTTP): " + string.Join(", ", perQuery.Select(q =>
            $"\"{q.Key}\" {Latency.Of(q.Value.Like).P50:F1}/{Latency.Of(q.Value.Index).P50:F1}/{Latency.Of(q.Value.Http).P50:F1}")));
        Console.WriteLine("Hits on the first page (HTTP / LIKE, which neither folds accents nor ranks): " +
            string.Join(", ", hits.Select(h => $"\"{h.Key}\" {h.Value.Http}/{h.Value.Like}")));
    }

    private async Task<SpaceRef[]> SpacesAsync(string token, int count, string visibility)
    {
        var spaces = new SpaceRef[count];
        for (var i = 0; i < count; i++)
        {
            var created = await platform.PostAsync("/api/v1/organisations", token,
                new { name = $"Search bench {visibility} {Guid.NewGuid():N}", kind = "civil-society-organisation", country = "CO", visibility });
            spaces[i] = new SpaceRef(SpaceKind.Organisation, created.GetProperty("id").GetGuid());
        }

        return spaces;
    }

    private async Task<int> SearchHttpAsync(string token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/search?limit={PageSize}&q={Uri.EscapeDataString(query)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Http.SendAsync(request);
        return (await Platform.Read(response)).GetProperty("hits").GetArrayLength();
    }

    private static async Task<int> SearchIndexAsync(IDocumentIndex index, SpaceRef[] own, string query) =>
        (await index.SearchAsync(new DocumentSearch(query, own, IncludePublic: true, 0, PageSize), CancellationToken.None)).Count;

    /// <summary>Every word somewhere in title, tags, description or text, newest first: SQLite reads every row of the spaces.</summary>
    private static async Task<int> SearchLikeAsync(SqliteConnection connection, SpaceRef[] own, string query)
    {
        await using var command = connection.CreateCommand();
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = string.Join(" AND ", words.Select((_, i) => $"(title || ' ' || tags || ' ' || coalesce(description, '') || ' ' || text) LIKE @w{i}"));
        command.CommandText = $"""
            SELECT document, title FROM networkhub_documents
            WHERE (space_id IN ({string.Join(", ", own.Select((_, i) => $"@s{i}"))}) OR space_public = 1) AND {matches}
            ORDER BY updated_at DESC LIMIT {PageSize}
            """;
        for (var i = 0; i < words.Length; i++)
        {
            command.Parameters.AddWithValue($"@w{i}", $"%{words[i]}%");
        }

        for (var i = 0; i < own.Length; i++)
        {
            command.Parameters.AddWithValue($"@s{i}", own[i].Id.ToString("D"));
        }

        var count = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            count++;
        }

        return count;
    }

    private static async Task<(int Result, double Milliseconds)> TimedAsync(Func<Task<int>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        return (result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
