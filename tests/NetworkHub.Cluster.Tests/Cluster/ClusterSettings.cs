namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>Orleans' membership status values, as stored in OrleansMembershipTable.Status.</summary>
internal static class MembershipStatus
{
    public const int Active = 3;
    public const int Dead = 6;
}

/// <summary>
/// Settings the fault tests give their nodes on top of the defaults, for loopback only (docs/cluster.md). With
/// Orleans' defaults a killed silo was declared dead after 17.5 s, and API requests to it hung until the
/// 30 s response timeout; on one machine, probes can fail faster without false alarms.
/// </summary>
internal static class ClusterSettings
{
    /// <summary>Set to 1 to measure with Orleans' defaults instead (scripts/reliability.sh documents it).</summary>
    public static readonly bool OrleansDefaults = Environment.GetEnvironmentVariable("NETWORKHUB_RELIABILITY_ORLEANS_DEFAULTS") == "1";

    public static readonly string[] LoopbackSilo = OrleansDefaults ? [] :
        ["--Orleans:Membership:ProbeTimeout=00:00:02", "--Orleans:Membership:NumMissedProbesLimit=2"];

    /// <summary>An Orleans client does not learn that a gateway's silo died; a request sent through it waits this long.</summary>
    public static readonly string[] LoopbackApi = OrleansDefaults ? [] : ["--Orleans:Messaging:ResponseTimeout=00:00:10"];

    /// <summary>Names a scenario in the figures, with the settings it ran under.</summary>
    public static string Scenario(string name) => OrleansDefaults ? name + " (Orleans defaults)" : name;
}
