using NetworkHub.Contracts.People;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>A person's export and erasure (<see cref="SessionPersonData"/>); called only for the person themself.</summary>
internal sealed partial class LiveSessionGrain
{
    public Task<PersonInSession?> GetPersonDataAsync(Guid personId) => Task.FromResult(SessionPersonData.Export(State, Id, personId));

    public async Task ErasePersonAsync(Guid personId, Guid formerId)
    {
        if (!SessionPersonData.Erase(State, personId, formerId))
        {
            return;
        }

        await CommitAsync();
        LiveSessionLog.PersonErased(logger, Id);
    }
}
