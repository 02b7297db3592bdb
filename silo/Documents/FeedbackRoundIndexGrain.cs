using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using Orleans.Concurrency;

namespace NetworkHub.Silo.Documents;

/// <summary>The lists of rounds, read from their table; it decides nothing of its own, so any silo may run many.</summary>
[StatelessWorker]
public sealed class FeedbackRoundIndexGrain(FeedbackRoundTable table, TimeProvider clock) : Grain, IFeedbackRoundIndexGrain
{
    public async Task<IReadOnlyList<FeedbackRoundSummary>> ForDocumentAsync(Caller caller, Guid documentId)
    {
        // Not-found for whoever may not read the document, exactly as for an unknown id.
        await GrainFactory.GetGrain<IDocumentGrain>(documentId).GetAccessAsync(caller);
        var now = clock.GetUtcNow();
        return [.. (await table.ForDocumentAsync(documentId))
            .GroupBy(r => r.RoundId)
            .Select(g =>
            {
                var r = g.First();
                return new FeedbackRoundSummary(r.RoundId, r.DocumentId, r.Version, r.Title, r.Deadline,
                    r.Closed || r.Deadline <= now ? RoundStatus.Closed : RoundStatus.Open, g.Count());
            })
            .OrderByDescending(s => s.Deadline)];
    }

    public async Task<IReadOnlyList<MyFeedbackRound>> MineAsync(Caller caller)
    {
        var person = caller.RequirePerson();
        var spaces = (await GrainFactory.GetGrain<IPersonGrain>(person).GetSpacesAsync())
            .Where(s => s.Role >= SpaceRole.Member).Select(s => s.Space).ToList();
        var rows = (await table.OpenForGroupsAsync(spaces, clock.GetUtcNow())).Where(r => spaces.Contains(r.Group)).ToList();

        // The list of spaces can lag behind a removal; each space says whether the person still holds the role now.
        var names = await Task.WhenAll(rows.Select(r => r.Group).Distinct().Select(async space =>
        {
            try
            {
                var summary = await GrainFactory.GetSpace(space).GetSummaryAsync(caller);
                return (space, name: summary.YourRole >= SpaceRole.Member ? summary.Name : null);
            }
            catch (NotFoundException)
            {
                return (space, name: (string?)null);
            }
        }));
        var confirmed = names.Where(n => n.name is not null).ToDictionary(n => n.space, n => n.name!);
        return [.. rows.Where(r => confirmed.ContainsKey(r.Group))
            .Select(r => new MyFeedbackRound(r.RoundId, r.DocumentId, r.Version, r.Title, r.Deadline, r.Group, confirmed[r.Group], r.SectionIds))];
    }
}
