using System.ComponentModel.DataAnnotations;

namespace NetworkHub.Silo;

public enum HostingMode
{
    /// <summary>One process: the API co-hosts a silo with localhost clustering and a SQLite file.</summary>
    Embedded = 0,

    /// <summary>Separate silo and API processes sharing PostgreSQL for membership, state and reminders.</summary>
    Cluster = 1,
}

/// <summary>How this process joins the Orleans cluster. Section "Orleans".</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Orleans";

    /// <summary>Binds Orleans' <c>ClusterMembershipOptions</c> (failure detection), e.g. <c>Orleans:Membership:ProbeTimeout</c>.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>Binds Orleans' <c>ReminderOptions</c>, e.g. <c>Orleans:ReminderService:MinimumReminderPeriod</c>.</summary>
    public const string ReminderServiceSection = "Orleans:ReminderService";

    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    [Required]
    public string ClusterId { get; set; } = "networkhub";

    /// <summary>Scopes stored state and reminders; keep it stable for the life of an installation.</summary>
    [Required]
    public string ServiceId { get; set; } = "networkhub";

    [Range(0, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on (cluster mode); loopback by default.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
