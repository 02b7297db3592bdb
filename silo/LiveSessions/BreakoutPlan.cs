using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>Splits the participants present into rooms. Deterministic for a given seed, so a test can predict it.</summary>
internal static class BreakoutPlan
{
    /// <summary>A participant and the organisation they are counted under (their first public one), if any.</summary>
    public sealed record Person(Guid Id, Guid? Organisation);

    public static List<List<Guid>> Assign(IReadOnlyList<Person> people, int rooms, BreakoutMode mode, int seed)
    {
        rooms = Math.Max(1, Math.Min(rooms, Math.Max(1, people.Count)));
        var result = Enumerable.Range(0, rooms).Select(_ => new List<Guid>()).ToList();
        var ordered = people.OrderBy(p => p.Id).ToList();
        switch (mode)
        {
            case BreakoutMode.OrganisationsTogether:
                // Whole organisations go to the emptiest room, biggest organisations first.
                var blocks = ordered.GroupBy(p => p.Organisation ?? p.Id)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                    .Select(g => g.Select(p => p.Id).ToList());
                foreach (var block in blocks)
                {
                    result.OrderBy(r => r.Count).ThenBy(result.IndexOf).First().AddRange(block);
                }

                break;
            case BreakoutMode.OrganisationsApart:
                // Dealing people sorted by organisation round the rooms puts colleagues in different rooms.
                Deal(ordered.OrderBy(p => p.Organisation ?? Guid.Empty).ThenBy(p => p.Id), result);
                break;
            default:
                var shuffled = ordered.ToArray();
                new Random(seed).Shuffle(shuffled);
                Deal(shuffled, result);
                break;
        }

        return result;
    }

    private static void Deal(IEnumerable<Person> people, List<List<Guid>> rooms)
    {
        var i = 0;
        foreach (var person in people)
        {
            rooms[i++ % rooms.Count].Add(person.Id);
        }
    }
}
