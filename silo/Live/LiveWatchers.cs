namespace NetworkHub.Silo.Live;

/// <summary>
/// Who watches a stream through which API node, and whether they signed in with a second factor, for the grains that
/// decide access on every join and check their watchers again when it narrows (meetings, documents). In memory only:
/// every lease renewal says again who is connected through the node.
/// </summary>
internal sealed class LiveWatchers
{
    private readonly List<Watcher> _watchers = [];

    public int Count => _watchers.Count;

    /// <summary>The people watching, each once.</summary>
    public List<Guid> People() => [.. _watchers.Select(w => w.PersonId).Distinct()];

    /// <summary>
    /// A node's lease renewal: whoever it no longer reports has gone; whoever it reports that is not known here (after a
    /// restart) is taken as signed in without a second factor, since how they signed in is not known any more.
    /// </summary>
    public void Renew(string hostId, IReadOnlyList<Guid> present)
    {
        _watchers.RemoveAll(w => w.HostId == hostId && !present.Contains(w.PersonId));
        _watchers.AddRange(present.Distinct().Where(p => !_watchers.Exists(w => w.HostId == hostId && w.PersonId == p))
            .Select(p => new Watcher(hostId, p, SecondFactor: false)));
    }

    /// <summary>A person joined through <paramref name="hostId"/>; a second connection without a second factor weakens what re-checks assume.</summary>
    public void Join(string hostId, Guid personId, bool secondFactor)
    {
        var index = _watchers.FindIndex(w => w.HostId == hostId && w.PersonId == personId);
        if (index < 0)
        {
            _watchers.Add(new Watcher(hostId, personId, secondFactor));
        }
        else if (_watchers[index].SecondFactor && !secondFactor)
        {
            _watchers[index] = _watchers[index] with { SecondFactor = false };
        }
    }

    public void Leave(string hostId, Guid personId) => _watchers.RemoveAll(w => w.HostId == hostId && w.PersonId == personId);

    public void RemoveHost(string hostId) => _watchers.RemoveAll(w => w.HostId == hostId);

    /// <summary>Drops the watchers of nodes whose lease ended.</summary>
    public void Prune(Func<string, bool> hostWatches) => _watchers.RemoveAll(w => !hostWatches(w.HostId));

    /// <summary>Forgets everyone; returns who was watching.</summary>
    public List<Guid> Clear()
    {
        var people = People();
        _watchers.Clear();
        return people;
    }

    /// <summary>
    /// Asks <paramref name="mayWatch"/> (with whether all of the person's connections used a second factor) about
    /// <paramref name="personId"/>, or everyone when null, and removes whoever may not watch any more. After the checks
    /// everything runs in one turn: <paramref name="ended"/> is called for each person removed before anything else can
    /// interleave, so the event that says so takes its place in the stream's order.
    /// </summary>
    public async Task CheckAgainAsync(Guid? personId, Func<Guid, bool, Task<bool>> mayWatch, Action<Guid> ended)
    {
        var people = People().Where(p => personId is null || p == personId).ToList();
        var allowed = await Task.WhenAll(people.Select(p => mayWatch(p, _watchers.Where(w => w.PersonId == p).All(w => w.SecondFactor))));
        for (var i = 0; i < people.Count; i++)
        {
            if (!allowed[i] && _watchers.RemoveAll(w => w.PersonId == people[i]) > 0)
            {
                ended(people[i]);
            }
        }
    }

    private sealed record Watcher(string HostId, Guid PersonId, bool SecondFactor);
}
