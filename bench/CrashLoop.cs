using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NetworkHub.Bench;

/// <summary>
/// The embedded program (the built api on one SQLite file) under write load, killed with SIGKILL at random moments
/// and started again on the same file. Writers create organisations with an Idempotency-Key and rename some, and,
/// as a real client would, repeat a request whose answer was cut off (same key, same body) until it is answered.
/// Afterwards every acknowledged organisation must be readable, in its creator's "my spaces" and in the directory
/// under its current name; SQLite's integrity check runs after every kill. Prints the figures; asserts nothing.
/// </summary>
internal static class CrashLoop
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        string Value(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var apiDll = Path.GetFullPath(Value("--api", "api/bin/Release/net10.0/NetworkHub.Api.dll"));
        var kills = int.Parse(Value("--kills", "30"));
        var writers = int.Parse(Value("--writers", "4"));
        var seed = int.Parse(Value("--seed", Environment.TickCount.ToString()));
        var folder = Directory.CreateTempSubdirectory("networkhub-crashloop-").FullName;
        var database = Path.Combine(folder, "networkhub.db");
        var random = new Random(seed);
        Console.WriteLine($"crash loop: {kills} kills, {writers} writers, seed {seed}, database {database}");

        await using var node = new Node(apiDll, database, FreePort());
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(15) };
        await node.StartAsync(http);
        var people = new List<Writer>();
        for (var i = 0; i < writers; i++)
        {
            people.Add(new Writer(http, await SignUpAsync(http, i), i));
        }

        var stopwatch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = people.Select(w => Task.Run(() => w.RunAsync(stop.Token))).ToList();
        var integrityFailures = 0;
        for (var kill = 1; kill <= kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_000, 4_000)));
            await node.KillAsync();
            if (await IntegrityAsync(database) is not "ok" and var problem)
            {
                integrityFailures++;
                Console.WriteLine($"kill {kill}: integrity_check: {problem}");
            }

            await node.StartAsync(http);
            Console.WriteLine($"kill {kill}: restarted; {people.Sum(w => w.Acknowledged.Count)} creates acknowledged so far");
        }

        // Each writer finishes what it was doing (a cut-off request is repeated until answered), then stops.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var loadTime = stopwatch.Elapsed;

        var check = await CheckAsync(http, people);
        Console.WriteLine();
        Console.WriteLine($"load {loadTime.TotalSeconds:0} s, {kills} kills, seed {seed}");
        Console.WriteLine($"requests sent {people.Sum(w => w.Requests)}, without an answer (refused or cut off) {people.Sum(w => w.CutOff)}, 5xx {people.Sum(w => w.ServerErrors)}, other failures {people.Sum(w => w.Other)}");
        Console.WriteLine($"creates tried {people.Sum(w => w.Tried)}, acknowledged {people.Sum(w => w.Acknowledged.Count)}, renames acknowledged {people.Sum(w => w.Renames)}");
        Console.WriteLine($"lost {check.Lost}, missing from my spaces {check.MissingFromMySpaces}, missing from directory {check.MissingFromDirectory}, stale in directory {check.Stale}, integrity failures {integrityFailures}");
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private sealed record Check(int Lost, int MissingFromMySpaces, int MissingFromDirectory, int Stale);

    private static async Task<Check> CheckAsync(HttpClient http, List<Writer> people)
    {
        int lost = 0, missingMine = 0, missingDirectory = 0, stale = 0;
        var directory = await DirectoryAsync(http, people[0].Token);
        foreach (var writer in people)
        {
            using var mine = await SendAsync(http, HttpMethod.Get, "/api/v1/me/spaces", writer.Token);
            mine.EnsureSuccessStatusCode();
            var mySpaces = (await mine.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                .Select(s => s.GetProperty("space").GetProperty("id").GetGuid()).ToHashSet();
            foreach (var (id, names) in writer.Acknowledged)
            {
                using var read = await SendAsync(http, HttpMethod.Get, $"/api/v1/organisations/{id}", writer.Token);
                if (!read.IsSuccessStatusCode)
                {
                    lost++;
                    continue;
                }

                var current = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()!;
                lost += names.Contains(current) ? 0 : 1;
                missingMine += mySpaces.Contains(id) ? 0 : 1;
                if (!directory.TryGetValue(id, out var listed))
                {
                    missingDirectory++;
                }
                else if (listed != current)
                {
                    stale++;
                }
            }
        }

        return new(lost, missingMine, missingDirectory, stale);
    }

    private static async Task<Dictionary<Guid, string>> DirectoryAsync(HttpClient http, string token)
    {
        var entries = new Dictionary<Guid, string>();
        string? cursor = null;
        do
        {
            var path = "/api/v1/organisations?limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await SendAsync(http, HttpMethod.Get, path, token);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                entries[item.GetProperty("id").GetGuid()] = item.GetProperty("name").GetString()!;
            }

            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return entries;
    }

    private static async Task<string> IntegrityAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> SignUpAsync(HttpClient http, int index)
    {
        var email = $"crashloop-{index}-{Guid.NewGuid():N}@example.org";
        const string Password = "crash loop passphrase";
        using var registered = await http.PostAsJsonAsync("/api/v1/accounts", new { email, password = Password, displayName = $"Writer {index}" });
        registered.EnsureSuccessStatusCode();
        using var signedIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        signedIn.EnsureSuccessStatusCode();
        return (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One person creating organisations one after another, renaming every third.</summary>
    private sealed class Writer(HttpClient http, string token, int index)
    {
        public string Token => token;

        /// <summary>Acknowledged organisations and every name sent for each (a cut-off rename may or may not have applied).</summary>
        public ConcurrentDictionary<Guid, HashSet<string>> Acknowledged { get; } = new();

        public int Tried { get; private set; }

        public int Renames { get; private set; }

        public int Requests { get; private set; }

        public int CutOff { get; private set; }

        public int ServerErrors { get; private set; }

        public int Other { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                Tried++;
                var key = $"crashloop-{index}-{n}";
                var name = $"Organisation {index}-{n}";
                var created = await UntilAnsweredAsync(HttpMethod.Post, "/api/v1/organisations", Body(name), key);
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetGuid();
                Acknowledged[id] = [name];
                if (n % 3 == 2)
                {
                    var renamed = $"{name} renamed";
                    Acknowledged[id].Add(renamed);
                    await UntilAnsweredAsync(HttpMethod.Put, $"/api/v1/organisations/{id}", Body(renamed), null);
                    Renames++;
                }
            }
        }

        private static object Body(string name) => new { name, kind = "civil-society-organisation", country = "NL" };

        /// <summary>Repeats the same request until it gets a 2xx; 503s and cut-off answers are what a crash looks like.</summary>
        private async Task<HttpResponseMessage> UntilAnsweredAsync(HttpMethod method, string path, object body, string? key)
        {
            while (true)
            {
                Requests++;
                try
                {
                    var response = await SendAsync(http, method, path, token, body, key);
                    if (response.IsSuccessStatusCode)
                    {
                        return response;
                    }

                    if ((int)response.StatusCode >= 500)
                    {
                        ServerErrors++;
                    }
                    else
                    {
                        Other++;
                        Console.WriteLine($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }

                    response.Dispose();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    CutOff++;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>The api program as a child process on the database, killed with SIGKILL and started again.</summary>
    private sealed class Node(string apiDll, string database, int port) : IAsyncDisposable
    {
        private Process? _process;

        public Uri Address { get; } = new($"http://127.0.0.1:{port}");

        public async Task StartAsync(HttpClient http)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(apiDll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in (string[])[apiDll, "--Orleans:Mode=Embedded", "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={database}",
                $"--Urls={Address.ToString().TrimEnd('/')}", $"--Orleans:SiloPort={FreePort()}", $"--Orleans:GatewayPort={FreePort()}",
                "--Logging:LogLevel:Default=Warning", "--Api:AuthRequestsPerMinute=1000"])
            {
                start.ArgumentList.Add(arg);
            }

            var output = new ConcurrentQueue<string>();
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, e) => Keep(output, e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"the api did not become ready:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
                }

                try
                {
                    using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    if (ready.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        /// <summary>SIGKILL: nothing is flushed, nothing is shut down.</summary>
        public async Task KillAsync()
        {
            _process!.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is not null)
            {
                await KillAsync();
            }
        }

        private static void Keep(ConcurrentQueue<string> output, string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            while (output.Count > 50)
            {
                output.TryDequeue(out _);
            }
        }
    }
}
