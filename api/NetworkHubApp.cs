using NetworkHub.Api.Accounts;
using NetworkHub.Api.Coalitions;
using NetworkHub.Api.Forums;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Api.Organisations;
using NetworkHub.Api.Spaces;
using NetworkHub.Api.WorkingGroups;

namespace NetworkHub.Api;

/// <summary>The whole application, built from command-line style arguments. Program.cs runs it; tests host it on real Kestrel.</summary>
public static class NetworkHubApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.AddNetworkHubOrleans();
        builder.AddNetworkHubApi();
        builder.AddLiveSessions();

        var app = builder.Build();
        app.UseNetworkHubApi();
        app.MapAccountEndpoints();
        app.MapOrganisationEndpoints();
        app.MapCoalitionEndpoints();
        app.MapWorkingGroupEndpoints();
        app.MapForumEndpoints();
        app.MapInvitationEndpoints();
        app.MapLiveSessions();
        app.MapWebApp();
        return app;
    }
}
