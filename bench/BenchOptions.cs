namespace NetworkHub.Bench;

internal sealed record BenchOptions(IReadOnlyList<int> Clients, int Rounds, int Burst, int InFlight, int PayloadChars)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback) => Arguments.Value(args, name, fallback);

        return new BenchOptions(
            [.. Value("--clients", "100,1000").Split(',').Select(int.Parse)],
            int.Parse(Value("--rounds", "50")),
            int.Parse(Value("--burst", "200")),
            int.Parse(Value("--in-flight", "16")),
            int.Parse(Value("--payload", "200")));
    }
}

/// <summary>A general assembly: seats that each cast one vote per motion, spread evenly over a window, while people watch.</summary>
/// <remarks><c>--ballot open,secret</c> runs both on one seeded assembly (seeding hashes a password per person, for minutes).</remarks>
internal sealed record MeetingOptions(int Seats, int Watchers, TimeSpan Window, IReadOnlyList<string> Ballots, int Motions)
{
    public static MeetingOptions Parse(string[] args)
    {
        var ballots = Arguments.Value(args, "--ballot", "open").Split(',');
        return ballots.All(b => b is "open" or "secret")
            ? new MeetingOptions(
                int.Parse(Arguments.Value(args, "--seats", "500")),
                int.Parse(Arguments.Value(args, "--watchers", "2000")),
                TimeSpan.FromSeconds(double.Parse(Arguments.Value(args, "--window", "10"), System.Globalization.CultureInfo.InvariantCulture)),
                ballots,
                int.Parse(Arguments.Value(args, "--motions", "5")))
            : throw new ArgumentException("--ballot is open, secret, or open,secret");
    }
}

internal static class Arguments
{
    /// <summary>The value after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static string Value(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}

internal sealed record Latency(double P50, double P95, double P99, double Max)
{
    public static Latency Of(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Latency(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99), milliseconds[^1]);
    }
}

internal sealed record Result(Latency Latency, double MessagesPerSecond);
