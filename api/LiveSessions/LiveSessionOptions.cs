using System.ComponentModel.DataAnnotations;

namespace NetworkHub.Api.LiveSessions;

/// <summary>Limits of the live session hub. Section "LiveSessions".</summary>
public sealed class LiveSessionOptions
{
    public const string SectionName = "LiveSessions";

    /// <summary>Contributions, reactions, statements and summaries a connection may send in a burst.</summary>
    [Range(1, 10_000)]
    public int ContributionBurst { get; set; } = 10;

    /// <summary>How fast the burst allowance refills.</summary>
    [Range(1, 1_000_000)]
    public int ContributionsPerMinute { get; set; } = 30;

    /// <summary>Largest hub message accepted; a larger one ends the connection (SignalR's rule), so keep it well above the text limits.</summary>
    [Range(4_096, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;
}
