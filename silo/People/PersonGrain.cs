using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.People;

[GenerateSerializer, Alias("NetworkHub.PersonState")]
public sealed class PersonState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string DisplayName { get; set; } = "";
    [Id(3)] public string? Pseudonym { get; set; }
    [Id(4)] public string? Country { get; set; }
    [Id(5)] public List<string> Languages { get; set; } = [];
    [Id(6)] public int Version { get; set; }
    [Id(7)] public List<PersonSpace> Spaces { get; set; } = [];

    /// <summary>Spaces left or asked to join, which may still hold the person's id: the most recent <see cref="PersonGrain.FormerSpacesKept"/>.</summary>
    [Id(8)] public List<SpaceRef> FormerSpaces { get; set; } = [];

    /// <summary>Bearer tokens issued and not yet expired, by credential key.</summary>
    [Id(9)] public List<CredentialRecord> Credentials { get; set; } = [];
}

[GenerateSerializer, Alias("NetworkHub.PersonCredentialRecord")]
public sealed record CredentialRecord([property: Id(0)] string Key, [property: Id(1)] DateTimeOffset ExpiresAt);

public sealed class PersonGrain(
    [PersistentState("person", StorageNames.Default)] IPersistentState<PersonState> state, TimeProvider clock) : Grain, IPersonGrain
{
    /// <summary>Bounds the state; a space beyond this many others left since is no longer found by export and erasure.</summary>
    public const int FormerSpacesKept = 1_000;

    /// <summary>Live sign-ins per person; signing in beyond them revokes the oldest, so every token stays revocable by erasure.</summary>
    public const int CredentialsKept = 100;

    private PersonState State => state.State;

    public async Task CreateAsync(string email, PersonProfile profile)
    {
        if (State.Exists)
        {
            return;
        }

        State.Exists = true;
        State.Email = email;
        Apply(profile);
        State.Version = 1;
        await state.WriteStateAsync();
    }

    public Task<PersonDetails> GetAsync(Caller caller)
    {
        // Profiles are for signed-in people only: an anonymous visitor cannot even learn that someone has an account.
        if (!State.Exists || caller.IsAnonymous)
        {
            throw new NotFoundException(ErrorCodes.PersonNotFound, "No such person.");
        }

        var self = caller.PersonId == this.GetPrimaryKey();
        var hidden = !self && State.Pseudonym is not null;
        return Task.FromResult(new PersonDetails(
            this.GetPrimaryKey(),
            Name(toFellowMember: self),
            hidden ? null : State.DisplayName,
            self ? State.Pseudonym : null,
            self ? State.Email : null,
            hidden ? null : State.Country,
            [.. State.Languages],
            State.Version));
    }

    public async Task<PersonDetails> UpdateAsync(Caller caller, PersonProfile profile, int? expectedVersion)
    {
        if (!State.Exists || caller.PersonId != this.GetPrimaryKey())
        {
            throw caller.IsAnonymous
                ? new UnauthenticatedException(ErrorCodes.SignInRequired, "Sign in to do this.")
                : new ForbiddenException(ErrorCodes.PersonRequired, "Only the person themself can change their profile.");
        }

        if (expectedVersion is { } expected && expected != State.Version)
        {
            throw new PreconditionFailedException(ErrorCodes.VersionMismatch,
                $"The profile changed since version {expected}; it is now at version {State.Version}.");
        }

        Apply(profile);
        State.Version++;
        await state.WriteStateAsync();
        return await GetAsync(caller);
    }

    public Task<string> GetNameAsync(bool toFellowMember) =>
        Task.FromResult(State.Exists ? Name(toFellowMember) : "(unknown person)");

    public Task<IReadOnlyList<PersonSpace>> GetSpacesAsync() =>
        Task.FromResult<IReadOnlyList<PersonSpace>>([.. State.Spaces]);

    public async Task TrackSpaceAsync(SpaceRef space, SpaceRole? role)
    {
        // A late effect for an erased person must not bring a row back.
        if (!State.Exists)
        {
            return;
        }

        var index = State.Spaces.FindIndex(s => s.Space == space);
        if (index >= 0 && role is null)
        {
            State.Spaces.RemoveAt(index);
            Remember(space);
        }
        else if (index >= 0)
        {
            State.Spaces[index] = new PersonSpace(space, role!.Value);
        }
        else if (role is { } r)
        {
            State.Spaces.Add(new PersonSpace(space, r));
            State.FormerSpaces.Remove(space);
        }
        else
        {
            return;
        }

        await state.WriteStateAsync();
    }

    public async Task NoteSpaceAsync(SpaceRef space)
    {
        if (!State.Exists || State.Spaces.Exists(s => s.Space == space) || State.FormerSpaces.Contains(space))
        {
            return;
        }

        Remember(space);
        await state.WriteStateAsync();
    }

    public async Task TrackCredentialAsync(string credentialKey, DateTimeOffset expiresAt)
    {
        if (!State.Exists)
        {
            throw new NotFoundException(ErrorCodes.PersonNotFound, "No such person.");
        }

        var now = clock.GetUtcNow();
        State.Credentials.RemoveAll(c => c.ExpiresAt <= now);
        State.Credentials.Add(new CredentialRecord(credentialKey, expiresAt));
        var oldest = State.Credentials.Count > CredentialsKept ? State.Credentials[0] : null;
        if (oldest is not null)
        {
            State.Credentials.RemoveAt(0);
        }

        await state.WriteStateAsync();
        if (oldest is not null)
        {
            await GrainFactory.GetGrain<ICredentialGrain>(oldest.Key).RevokeAsync();
        }
    }

    public Task<PersonRecord?> GetRecordAsync() => Task.FromResult(State.Exists
        ? new PersonRecord(this.GetPrimaryKey(), State.Email, new PersonProfile(State.DisplayName, State.Pseudonym, State.Country, [.. State.Languages]),
            [.. State.Spaces], [.. State.FormerSpaces], [.. State.Credentials.Select(c => c.Key)])
        : null);

    public async Task EraseAsync()
    {
        if (state.RecordExists)
        {
            // The storage deletes the row (DeleteStateOnClear), not just its payload.
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }

    private void Remember(SpaceRef space)
    {
        State.FormerSpaces.Remove(space);
        State.FormerSpaces.Add(space);
        if (State.FormerSpaces.Count > FormerSpacesKept)
        {
            State.FormerSpaces.RemoveRange(0, State.FormerSpaces.Count - FormerSpacesKept);
        }
    }

    private string Name(bool toFellowMember) =>
        toFellowMember || State.Pseudonym is null ? State.DisplayName : State.Pseudonym;

    private void Apply(PersonProfile profile)
    {
        State.DisplayName = profile.DisplayName;
        State.Pseudonym = string.IsNullOrWhiteSpace(profile.Pseudonym) ? null : profile.Pseudonym;
        State.Country = profile.Country;
        State.Languages = [.. profile.Languages];
    }
}
