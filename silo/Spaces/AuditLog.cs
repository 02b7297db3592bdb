using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// The audit log every space and live session keeps: numbered lines, the newest <see cref="MaxEntries"/> in its own
/// state (the window) and the older ones in the <see cref="AuditArchive"/> table, read in pages across both.
/// </summary>
internal static class AuditLog
{
    /// <summary>The window kept in state; older lines move to the archive, so the state does not grow with every change.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Adds a line to the window. It may hold more than the window for a moment: the next write moves the surplus out.</summary>
    public static void Append(List<AuditEntry> log, DateTimeOffset at, Caller caller, string action, Guid? subject, string? detail)
    {
        var sequence = log.Count == 0 ? 1 : log[^1].Sequence + 1;
        log.Add(new AuditEntry(sequence, at, caller.PersonId, caller.KeyOrganisationId, action, subject, detail));
    }

    /// <summary>How many of the oldest lines are beyond the window.</summary>
    public static int Overflow(IReadOnlyList<AuditEntry> log) => Math.Max(0, log.Count - MaxEntries);

    /// <summary>The first sequence number the window holds; every line before it is in the archive.</summary>
    public static long WindowStart(IReadOnlyList<AuditEntry> log) => log.Count == 0 ? long.MaxValue : log[0].Sequence;

    /// <summary>
    /// Oldest first, the entries after <paramref name="after"/>: first the <paramref name="archived"/> ones (those read
    /// from the archive before the window starts; a line stored in both places is taken once, from the window), then
    /// the window's. <c>NextAfter</c> is set when more follow.
    /// </summary>
    public static AuditPage Page(IReadOnlyList<AuditEntry> archived, IReadOnlyList<AuditEntry> log, long? after, int limit)
    {
        var from = after ?? 0;
        var start = WindowStart(log);
        var entries = archived.Where(e => e.Sequence > from && e.Sequence < start)
            .Concat(log.Where(e => e.Sequence > from))
            .Take(limit + 1)
            .ToList();
        long? next = entries.Count > limit ? entries[limit - 1].Sequence : null;
        return new AuditPage([.. entries.Take(limit)], next);
    }
}
