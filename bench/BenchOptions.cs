namespace NetworkHub.Bench;

internal sealed record BenchOptions(IReadOnlyList<int> Clients, int Rounds, int Burst, int InFlight, int PayloadChars)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        return new BenchOptions(
            [.. Value("--clients", "100,1000").Split(',').Select(int.Parse)],
            int.Parse(Value("--rounds", "50")),
            int.Parse(Value("--burst", "200")),
            int.Parse(Value("--in-flight", "16")),
            int.Parse(Value("--payload", "200")));
    }
}

internal sealed record Latency(double P50, double P95, double P99)
{
    public static Latency Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99));
    }
}

internal sealed record Result(Latency Latency, double MessagesPerSecond);
