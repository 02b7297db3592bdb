using NetworkHub.Api;

var app = NetworkHubApp.Create(args);
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"NetworkHub is running at {address} (API reference: {address}/scalar)");
    }
});
app.Run();
