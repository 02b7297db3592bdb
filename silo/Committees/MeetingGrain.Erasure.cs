using NetworkHub.Contracts.Committees;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// An erased person in a meeting's record: who scheduled it, the audit lines, the agenda's presenters and the recent
/// events that name them become the former id. Votes name seats, not people, and stay as they are.
/// </summary>
internal sealed partial class MeetingGrain
{
    public async Task ErasePersonAsync(Guid personId, Guid formerId)
    {
        if (!State.Exists)
        {
            return;
        }

        var changed = PersonData.Replace(State.CreatedBy, personId, formerId, v => State.CreatedBy = v);
        changed |= PersonData.EraseFromAudit(State.Audit, personId, formerId);
        if (State.Agenda.Exists(a => a.Presenter == personId))
        {
            State.Agenda = [.. State.Agenda.Select(a => a.Presenter == personId ? a with { Presenter = formerId } : a)];
            changed = true;
        }

        if (State.Plan?.Agenda is { } planned && planned.Any(a => a.Presenter == personId))
        {
            State.Plan = State.Plan with { Agenda = [.. planned.Select(a => a.Presenter == personId ? a with { Presenter = formerId } : a)] };
            changed = true;
        }

        var recent = State.Log.Recent;
        for (var i = 0; i < recent.Count; i++)
        {
            if (recent[i].Change is WatcherAccessEnded ended && ended.PersonId == personId)
            {
                recent[i] = recent[i] with { Change = new WatcherAccessEnded(formerId) };
                changed = true;
            }
        }

        if (changed)
        {
            await CommitAsync();
        }
    }
}
