using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>The speaking queue of a speaking round: hands raised in order, and who has the floor until when.</summary>
[GenerateSerializer, Alias("NetworkHub.SpeakingQueue")]
public sealed class SpeakingQueue
{
    [Id(0)] public List<Guid> Waiting { get; set; } = [];
    [Id(1)] public Guid? Speaker { get; set; }
    [Id(2)] public DateTimeOffset? SpeakerEndsAt { get; set; }

    /// <summary>False when the person is already waiting or speaking.</summary>
    public bool Raise(Guid person)
    {
        if (Speaker == person || Waiting.Contains(person))
        {
            return false;
        }

        Waiting.Add(person);
        return true;
    }

    public bool Lower(Guid person) => Waiting.Remove(person);

    /// <summary>
    /// The floor goes to <paramref name="person"/> (whether or not they raised a hand) or else to the first person
    /// waiting; with nobody waiting, the current speaker's turn just ends. Returns the new speaker.
    /// </summary>
    public Guid? GiveFloor(Guid? person, DateTimeOffset now, TimeSpan turn)
    {
        var next = person ?? (Waiting.Count > 0 ? Waiting[0] : null);
        if (next is { } speaker)
        {
            Waiting.Remove(speaker);
            Speaker = speaker;
            SpeakerEndsAt = now + turn;
        }
        else
        {
            Speaker = null;
            SpeakerEndsAt = null;
        }

        return Speaker;
    }

    /// <summary>The new order must name exactly the people waiting, each once.</summary>
    public void Reorder(IReadOnlyList<Guid> order)
    {
        if (order.Count != Waiting.Count || order.Distinct().Count() != order.Count || !order.All(Waiting.Contains))
        {
            throw new RejectedException(LiveSessionErrors.InvalidQueueOrder, "The new order must list exactly the people waiting, each once.");
        }

        Waiting = [.. order];
    }

    /// <summary>Ends the person's turn, or takes them out of the queue. False when they were in neither.</summary>
    public bool Skip(Guid person)
    {
        if (Speaker == person)
        {
            Speaker = null;
            SpeakerEndsAt = null;
            return true;
        }

        return Waiting.Remove(person);
    }

    public SpeakingQueueView ToView() => new([.. Waiting], Speaker, SpeakerEndsAt);
}
