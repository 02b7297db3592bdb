using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// Groups people by how they voted on statements, as Pol.is does: the person × statement matrix (agree +1,
/// disagree −1, pass or no vote 0) is centred and projected on its first two principal components, then clustered
/// with k-means for k = 2…5, keeping the k with the best mean silhouette (one group when no k separates well).
/// Deterministic: people are ordered by id, the eigenvectors come from Jacobi rotations with a fixed sign, and
/// k-means starts from farthest-point seeds, so the same votes always give the same groups.
/// </summary>
internal static class OpinionGroups
{
    public const int MinPeopleToSplit = 4;
    public const int MaxGroups = 5;

    /// <summary>Below this mean silhouette the votes show no real groups.</summary>
    public const double MinSilhouette = 0.25;

    /// <summary>A k whose silhouette is this close to the best one counts as just as good; the smallest such k wins.</summary>
    public const double SilhouetteTolerance = 0.15;

    public sealed record Clustering(IReadOnlyList<Guid> People, IReadOnlyList<int> Assignment, int GroupCount, double Silhouette);

    public static Clustering Cluster(IReadOnlyList<Guid> statements, IReadOnlyList<StatementVoteRecord> votes)
    {
        var people = votes.Select(v => v.PersonId).Distinct().Order().ToList();
        if (people.Count == 0)
        {
            return new Clustering([], [], 0, 0);
        }

        var points = Project(VoteMatrix(people, statements, votes));
        var candidates = new List<Clustering>();
        for (var k = 2; k <= Math.Min(MaxGroups, people.Count - 1) && people.Count >= MinPeopleToSplit; k++)
        {
            var assignment = KMeans(points, k);
            candidates.Add(new Clustering(people, Renumber(assignment), k, Silhouette(points, assignment, k)));
        }

        // People who voted identically score a perfect silhouette on their own, so more groups nearly always score a
        // little higher; the fewest groups that score almost as well as the best describe the room better.
        var best = candidates.Count == 0 ? 0 : candidates.Max(c => c.Silhouette);
        return candidates.FirstOrDefault(c => c.Silhouette >= MinSilhouette && c.Silhouette >= best - SilhouetteTolerance)
            ?? new Clustering(people, new int[people.Count], 1, 0);
    }

    internal static double[][] VoteMatrix(IReadOnlyList<Guid> people, IReadOnlyList<Guid> statements, IReadOnlyList<StatementVoteRecord> votes)
    {
        var row = people.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var column = statements.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var matrix = people.Select(_ => new double[statements.Count]).ToArray();
        foreach (var vote in votes)
        {
            if (column.TryGetValue(vote.StatementId, out var c))
            {
                matrix[row[vote.PersonId]][c] = vote.Vote switch { StatementVote.Agree => 1, StatementVote.Disagree => -1, _ => 0 };
            }
        }

        return matrix;
    }

    /// <summary>Centres the columns and projects each row on the first two principal components.</summary>
    internal static double[][] Project(double[][] matrix)
    {
        var n = matrix.Length;
        var m = n == 0 ? 0 : matrix[0].Length;
        var means = Enumerable.Range(0, m).Select(j => matrix.Average(r => r[j])).ToArray();
        var centred = matrix.Select(r => r.Select((x, j) => x - means[j]).ToArray()).ToArray();
        var covariance = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = a; b < m; b++)
            {
                var sum = 0.0;
                foreach (var r in centred)
                {
                    sum += r[a] * r[b];
                }

                covariance[a, b] = covariance[b, a] = sum / n;
            }
        }

        var components = TopEigenvectors(covariance, Math.Min(2, m));
        return [.. centred.Select(r => components.Select(v => r.Select((x, j) => x * v[j]).Sum()).ToArray())];
    }

    /// <summary>Cyclic Jacobi rotations on a symmetric matrix; eigenvectors by decreasing eigenvalue, largest entry positive.</summary>
    internal static double[][] TopEigenvectors(double[,] symmetric, int count)
    {
        var m = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        var v = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            v[i, i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < m; p++)
            {
                for (var q = p + 1; q < m; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }

            if (off < 1e-22)
            {
                break;
            }

            for (var p = 0; p < m; p++)
            {
                for (var q = p + 1; q < m; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-15)
                    {
                        continue;
                    }

                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < m; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }

                    for (var k = 0; k < m; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }

                    for (var k = 0; k < m; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, m)
            .OrderByDescending(i => Math.Round(a[i, i], 12)).ThenBy(i => i)
            .Take(count)
            .Select(i =>
            {
                var vector = Enumerable.Range(0, m).Select(k => v[k, i]).ToArray();
                var largest = vector.Select((x, k) => (x, k)).OrderByDescending(e => Math.Round(Math.Abs(e.x), 12)).ThenBy(e => e.k).First().x;
                return largest < 0 ? vector.Select(x => -x).ToArray() : vector;
            })];
    }

    /// <summary>Lloyd's k-means from farthest-point seeds (the first seed is the point farthest from the centre).</summary>
    internal static int[] KMeans(double[][] points, int k)
    {
        var dimensions = points[0].Length;
        var centre = Enumerable.Range(0, dimensions).Select(d => points.Average(p => p[d])).ToArray();
        var seeds = new List<double[]> { points[ArgMax(points.Select(p => Distance(p, centre)))] };
        while (seeds.Count < k)
        {
            seeds.Add(points[ArgMax(points.Select(p => seeds.Min(s => Distance(p, s))))]);
        }

        var centroids = seeds.Select(s => (double[])s.Clone()).ToArray();
        var assignment = new int[points.Length];
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var changed = false;
            for (var i = 0; i < points.Length; i++)
            {
                var nearest = ArgMax(centroids.Select(c => -Distance(points[i], c)));
                changed |= nearest != assignment[i] || iteration == 0;
                assignment[i] = nearest;
            }

            if (!changed)
            {
                break;
            }

            for (var c = 0; c < k; c++)
            {
                var members = points.Where((_, i) => assignment[i] == c).ToList();
                if (members.Count > 0)
                {
                    centroids[c] = [.. Enumerable.Range(0, dimensions).Select(d => members.Average(p => p[d]))];
                }
            }
        }

        return assignment;
    }

    /// <summary>Mean silhouette over all points; a point alone in its group scores 0.</summary>
    internal static double Silhouette(double[][] points, int[] assignment, int k)
    {
        var total = 0.0;
        for (var i = 0; i < points.Length; i++)
        {
            var own = assignment[i];
            var sameCount = assignment.Count(a => a == own) - 1;
            if (sameCount == 0)
            {
                continue;
            }

            var a = points.Where((_, j) => j != i && assignment[j] == own).Sum(p => Distance(points[i], p)) / sameCount;
            var b = Enumerable.Range(0, k).Where(c => c != own && assignment.Contains(c))
                .Select(c => points.Where((_, j) => assignment[j] == c).Average(p => Distance(points[i], p)))
                .DefaultIfEmpty(0).Min();
            var max = Math.Max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
        }

        return total / points.Length;
    }

    /// <summary>Groups numbered by their first member, so the numbering does not depend on seed order; empty groups dropped.</summary>
    private static int[] Renumber(int[] assignment)
    {
        var map = new Dictionary<int, int>();
        foreach (var a in assignment)
        {
            map.TryAdd(a, map.Count);
        }

        return [.. assignment.Select(a => map[a])];
    }

    private static int ArgMax(IEnumerable<double> values)
    {
        int best = 0, index = 0;
        var bestValue = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (value > bestValue + 1e-12)
            {
                bestValue = value;
                best = index;
            }

            index++;
        }

        return best;
    }

    private static double Distance(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var d = 0; d < x.Length; d++)
        {
            sum += (x[d] - y[d]) * (x[d] - y[d]);
        }

        return Math.Sqrt(sum);
    }
}
