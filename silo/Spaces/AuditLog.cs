using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>The audit log every space and live session keeps in its own state: numbered lines, read in pages.</summary>
internal static class AuditLog
{
    /// <summary>The window kept in state; older lines leave it, so the state does not grow with every change.</summary>
    public const int MaxEntries = 1_000;

    public static void Append(List<AuditEntry> log, DateTimeOffset at, Caller caller, string action, Guid? subject, string? detail)
    {
        var sequence = log.Count == 0 ? 1 : log[^1].Sequence + 1;
        log.Add(new AuditEntry(sequence, at, caller.PersonId, caller.KeyOrganisationId, action, subject, detail));
        if (log.Count > MaxEntries)
        {
            log.RemoveRange(0, log.Count - MaxEntries);
        }
    }

    /// <summary>Oldest first, the entries after <paramref name="after"/>; <c>NextAfter</c> is set when more follow.</summary>
    public static AuditPage Page(IReadOnlyList<AuditEntry> log, long? after, int limit)
    {
        var entries = log.Where(e => e.Sequence > (after ?? 0)).Take(limit + 1).ToList();
        long? next = entries.Count > limit ? entries[limit - 1].Sequence : null;
        return new AuditPage([.. entries.Take(limit)], next);
    }
}
