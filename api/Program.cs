using NetworkHub.Api;
using NetworkHub.Api.Accounts;
using NetworkHub.Api.Coalitions;
using NetworkHub.Api.Forums;
using NetworkHub.Api.Organisations;
using NetworkHub.Api.Spaces;
using NetworkHub.Api.WorkingGroups;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddNetworkHubOrleans();
builder.AddNetworkHubApi();

var app = builder.Build();
app.UseNetworkHubApi();
app.MapAccountEndpoints();
app.MapOrganisationEndpoints();
app.MapCoalitionEndpoints();
app.MapWorkingGroupEndpoints();
app.MapForumEndpoints();
app.MapInvitationEndpoints();
app.MapWebApp();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"NetworkHub is running at {address} (API reference: {address}/scalar)");
    }
});
app.Run();

// Visible to the tests, which host the app on real Kestrel.
public partial class Program;
