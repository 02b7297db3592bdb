using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using NetworkHub.Api.Infrastructure;

namespace NetworkHub.Api.LiveSessions;

public static class LiveSessionSetup
{
    /// <summary>SignalR with the API's JSON conventions, the hub's limits, and this node's relay.</summary>
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
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
        builder.Services.AddSingleton<HubErrorFilter>();
        builder.Services.AddSingleton<LiveSessionRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveSessionRelay>());
        return builder;
    }

    public static WebApplication MapLiveSessions(this WebApplication app)
    {
        app.MapLiveSessionEndpoints();
        app.MapHub<LiveSessionHub>("/hubs/sessions");
        return app;
    }
}
