namespace NetworkHub.Cluster.Tests.Cluster;

/// <summary>
/// What a fault test measured. Unavailable = from the start of the first failed request to the end of the
/// last one; LongestGap = the longest time between two acknowledged writes, which also counts slow requests.
/// </summary>
internal sealed record Figures(string Scenario, int Tried, int Acknowledged, int Failed, int Lost, double UnavailableSeconds,
    double LongestGapSeconds, string FailureKinds)
{
    public static Figures From(string scenario, IReadOnlyList<Attempt> attempts, int lost)
    {
        var failed = attempts.Where(a => !a.Acknowledged).ToList();
        var unavailable = failed.Count == 0 ? 0 : failed.Max(a => a.Ended) - failed.Min(a => a.Started);
        var acknowledgedEnds = attempts.Where(a => a.Acknowledged).Select(a => a.Ended).Order().ToList();
        var longestGap = acknowledgedEnds.Zip(acknowledgedEnds.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max();
        var kinds = string.Join(", ", failed.GroupBy(a => a.Status?.ToString() ?? a.Failure?.Split(':')[0] ?? "?")
            .Select(g => $"{g.Count()}× {g.Key}"));
        return new(scenario, attempts.Count, attempts.Count(a => a.Acknowledged), failed.Count, lost, unavailable, longestGap, kinds);
    }

    /// <summary>
    /// Prints the figures and the failed or slow requests (times relative to the fault) to the test output, and
    /// appends the figures as a table row to $NETWORKHUB_RELIABILITY_REPORT when it is set.
    /// </summary>
    public void Report(IReadOnlyList<Attempt> attempts, double faultAt)
    {
        foreach (var a in attempts.Where(a => !a.Acknowledged || a.Ended - a.Started > 1).Take(30))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant(
                $"{a.Started - faultAt:0.0} s .. {a.Ended - faultAt:0.0} s api{a.Api}: {a.Status?.ToString() ?? "no answer"} {a.Failure?[..Math.Min(a.Failure.Length, 120)]}"));
        }

        var row = FormattableString.Invariant(
            $"| {Scenario} | {Tried} | {Acknowledged} | {Failed} ({(FailureKinds.Length == 0 ? "none" : FailureKinds)}) | {Lost} | {UnavailableSeconds:0.0} | {LongestGapSeconds:0.0} |");
        TestContext.Current.TestOutputHelper?.WriteLine(row);
        if (Environment.GetEnvironmentVariable("NETWORKHUB_RELIABILITY_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, row + Environment.NewLine);
        }
    }
}
