using NetworkHub.Api;
using NetworkHub.Silo.Storage;

var app = NetworkHubApp.Create(args);
if (await DatabaseVolume.ProblemAsync(app.Configuration) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return DatabaseVolume.NotWritableExitCode;
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"NetworkHub is running at {address} (API reference: {address}/scalar)");
    }
});
await app.RunAsync();
return 0;
