using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>A poll's ballots: one per person, replaced by a later one until the poll closes.</summary>
[GenerateSerializer, Alias("NetworkHub.PollBallots")]
public sealed class PollBallots
{
    [Id(0)] public List<string> Options { get; set; } = [];
    [Id(1)] public bool MultipleChoice { get; set; }
    [Id(2)] public bool Anonymous { get; set; }
    [Id(3)] public List<PollBallot> Ballots { get; set; } = [];
    [Id(4)] public bool Closed { get; set; }

    public static PollBallots For(PollSettings settings) =>
        new() { Options = [.. settings.Options], MultipleChoice = settings.MultipleChoice, Anonymous = settings.Anonymous };

    /// <summary>Choices are option indexes: exactly one for single choice, one or more distinct ones otherwise.</summary>
    public void Cast(Guid person, IReadOnlyList<int> choices)
    {
        if (Closed)
        {
            throw new ConflictException(LiveSessionErrors.ItemNotCurrent, "This poll has closed.");
        }

        if (choices.Count == 0 || (!MultipleChoice && choices.Count != 1) || choices.Distinct().Count() != choices.Count
            || choices.Any(c => c < 0 || c >= Options.Count))
        {
            throw new RejectedException(LiveSessionErrors.InvalidBallot,
                MultipleChoice ? "Choose one or more of the options, each once." : "Choose exactly one of the options.");
        }

        Ballots.RemoveAll(b => b.PersonId == person);
        Ballots.Add(new PollBallot(person, [.. choices.Order()]));
    }

    public PollResult Tally()
    {
        var counts = new int[Options.Count];
        foreach (var choice in Ballots.SelectMany(b => b.Choices))
        {
            counts[choice]++;
        }

        IReadOnlyList<PollBallot>? ballots = Closed && !Anonymous ? [.. Ballots.OrderBy(b => b.PersonId)] : null;
        return new PollResult([.. Options], counts, Ballots.Count, Closed, ballots);
    }
}
