using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>
/// Everything a session persists, written as one unit so a change and its event are never apart. The event log
/// keeps only the last <see cref="LiveSessionLimits.EventLogCapacity"/> events: the rest of the state is the snapshot
/// a client further behind receives instead.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionState")]
public sealed class LiveSessionState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid ForumId { get; set; }
    [Id(2)] public string Title { get; set; } = "";
    [Id(3)] public string? Description { get; set; }
    [Id(4)] public DateTimeOffset StartsAt { get; set; }
    [Id(5)] public DateTimeOffset EndsAt { get; set; }
    [Id(6)] public string TimeZone { get; set; } = "UTC";
    [Id(7)] public List<string> Languages { get; set; } = [];
    [Id(8)] public LiveSessionStatus Status { get; set; }
    [Id(9)] public List<AgendaItem> Agenda { get; set; } = [];
    [Id(10)] public int CurrentItem { get; set; } = -1;
    [Id(11)] public DateTimeOffset? ItemEndsAt { get; set; }
    [Id(12)] public TimeSpan? PausedRemaining { get; set; }
    [Id(13)] public List<Guid> CoFacilitators { get; set; } = [];
    [Id(14)] public List<Guid> Muted { get; set; } = [];
    [Id(15)] public List<Guid> Removed { get; set; } = [];
    [Id(16)] public List<ItemRecord> Items { get; set; } = [];
    [Id(17)] public List<AttendanceEntry> Attendance { get; set; } = [];
    [Id(18)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(19)] public EventLog<LiveSessionEvent> Log { get; set; } = new();
    [Id(20)] public List<PresenceRecord> Presence { get; set; } = [];
    [Id(21)] public Guid CreatedBy { get; set; }

    /// <summary>Committees proposed to from here (at most <see cref="LiveSessionLimits.ProposalCommitteesMax"/>); they keep the proposals.</summary>
    [Id(22)] public List<Guid> ProposedTo { get; set; } = [];

    public AgendaItem? Current => CurrentItem >= 0 && CurrentItem < Agenda.Count ? Agenda[CurrentItem] : null;

    public ItemRecord ItemFor(Guid itemId)
    {
        var item = Items.Find(i => i.ItemId == itemId);
        if (item is null)
        {
            item = new ItemRecord { ItemId = itemId };
            Items.Add(item);
        }

        return item;
    }
}

/// <summary>What happened under one agenda item.</summary>
[GenerateSerializer, Alias("NetworkHub.ItemRecord")]
public sealed class ItemRecord
{
    [Id(0)] public Guid ItemId { get; set; }
    [Id(1)] public List<ContributionRecord> Contributions { get; set; } = [];
    [Id(2)] public SpeakingQueue? Queue { get; set; }
    [Id(3)] public PollBallots? Poll { get; set; }
    [Id(4)] public StatementBoard? Statements { get; set; }
    [Id(5)] public List<RoomRecord> Rooms { get; set; } = [];
    [Id(6)] public string? Outcome { get; set; }
}

[GenerateSerializer, Alias("NetworkHub.ContributionRecord")]
public sealed class ContributionRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid? RoomId { get; set; }
    [Id(2)] public Guid AuthorId { get; set; }
    [Id(3)] public string AuthorName { get; set; } = "";
    [Id(4)] public string Text { get; set; } = "";
    [Id(5)] public Guid? ReplyTo { get; set; }
    [Id(6)] public DateTimeOffset At { get; set; }
    [Id(7)] public List<ReactionRecord> Reactions { get; set; } = [];
    [Id(8)] public long Sequence { get; set; }

    public IReadOnlyList<ReactionCount> ReactionCounts() =>
        [.. Reactions.GroupBy(r => r.Reaction).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReactionCount(g.Key, g.Count()))];

    public Contribution ToContribution(Guid itemId) =>
        new(Id, itemId, RoomId, AuthorId, AuthorName, Text, ReplyTo, At, ReactionCounts());
}

[GenerateSerializer, Alias("NetworkHub.ReactionRecord")]
public sealed record ReactionRecord([property: Id(0)] string Reaction, [property: Id(1)] Guid PersonId);

[GenerateSerializer, Alias("NetworkHub.RoomRecord")]
public sealed class RoomRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public List<Guid> Members { get; set; } = [];
    [Id(3)] public Guid? Rapporteur { get; set; }
    [Id(4)] public DateTimeOffset EndsAt { get; set; }
    [Id(5)] public string? Summary { get; set; }

    public BreakoutRoom ToRoom() => new(Id, Name, [.. Members], Rapporteur, EndsAt, Summary);
}

/// <summary>
/// A person connected through one API node. Persisted so presence survives the session's reactivation.
/// <see cref="SecondFactor"/>: every connection of theirs through that node signed in with a second factor, so an
/// access re-check asks the forum as they are (a forum that requires two-factor sign-in drops them otherwise).
/// </summary>
[GenerateSerializer, Alias("NetworkHub.PresenceRecord")]
public sealed record PresenceRecord([property: Id(0)] string HostId, [property: Id(1)] PresentPerson Person, [property: Id(2)] bool SecondFactor = false);
