using Microsoft.AspNetCore.SignalR;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Live;

namespace NetworkHub.Api.LiveSessions;

public static class LiveSessionSetup
{
    /// <summary>
    /// SignalR with the API's JSON conventions, the hub's limits, this node's relay and credential watch, and hub
    /// tokens kept out of request logs.
    /// </summary>
    public static WebApplicationBuilder AddLiveSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveSessionOptions>().Bind(builder.Configuration.GetSection(LiveSessionOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(LiveSessionOptions.SectionName).Get<LiveSessionOptions>() ?? new LiveSessionOptions();
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = limits.MaxMessageBytes;
                o.EnableDetailedErrors = false;
                o.AddFilter<HubErrorFilter>();
            })
            .AddHubOptions<LiveSessionHub>(o => o.AddFilter<HubCredentials>())
            .AddJsonProtocol(o => ApiJson.ApplyConventions(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<IHttpContextFactory, HubTokenQuery>();
        builder.Services.AddSingleton<HubErrorFilter>();
        builder.Services.AddSingleton<LiveRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveRelay>());
        builder.Services.AddSingleton<HubCredentials>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubCredentials>());
        return builder;
    }

    public static WebApplication MapLiveSessions(this WebApplication app)
    {
        app.MapLiveSessionEndpoints();
        app.UseHubOrigins();
        app.MapHub<LiveSessionHub>("/hubs/sessions");
        return app;
    }
}
