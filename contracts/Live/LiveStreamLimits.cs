namespace NetworkHub.Contracts.Live;

public static class LiveStreamLimits
{
    /// <summary>Events kept in a grain's persisted log for catching up; a client further behind gets a snapshot.</summary>
    public const int EventLogCapacity = 64;

    /// <summary>How long a relay's subscription lasts without renewal; relays renew at a third of it.</summary>
    public static readonly TimeSpan HostLease = TimeSpan.FromSeconds(90);
}
