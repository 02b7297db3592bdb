using NetworkHub.Api.Accounts;
using NetworkHub.Api.Coalitions;
using NetworkHub.Api.Committees;
using NetworkHub.Api.Documents;
using NetworkHub.Api.Forums;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Api.Organisations;
using NetworkHub.Api.People;
using NetworkHub.Api.Spaces;
using NetworkHub.Api.WorkingGroups;

namespace NetworkHub.Api;

/// <summary>The whole application, built from command-line style arguments. Program.cs runs it; tests host it on real Kestrel.</summary>
public static class NetworkHubApp
{
    /// <param name="args">Command-line style settings.</param>
    /// <param name="configure">For tests: changes to the host before it is built (e.g. a log provider that captures).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.AddNetworkHubOrleans();
        builder.AddNetworkHubApi();
        builder.AddLiveSessions();
        builder.AddDocuments();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseNetworkHubApi();
        app.MapAccountEndpoints();
        app.MapPersonalDataEndpoints();
        app.MapOrganisationEndpoints();
        app.MapCoalitionEndpoints();
        app.MapWorkingGroupEndpoints();
        app.MapForumEndpoints();
        app.MapCommitteeEndpoints();
        app.MapActionItemEndpoints();
        app.MapProposalEndpoints();
        app.MapMinutesEndpoints();
        app.MapInvitationEndpoints();
        app.MapMeetingEndpoints();
        app.MapDocumentEndpoints();
        app.MapCommentEndpoints();
        app.MapFeedbackRoundEndpoints();
        app.MapDocumentSearchEndpoints();
        app.MapLiveSessions();
        app.MapWebApp();
        return app;
    }
}
