namespace NetworkHub.Silo.Committees;

/// <summary>One wording of a motion: the original (no amendment) or the text as an adopted amendment left it.</summary>
[GenerateSerializer, Alias("NetworkHub.MotionTextVersion")]
public sealed record MotionTextVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] string Text,
    [property: Id(2)] Guid? AmendmentId,
    [property: Id(3)] Guid? AuthorSeat,
    [property: Id(4)] DateTimeOffset At);

/// <summary>
/// The wording history of a motion, kept in the meeting's state: version 1 is the text as moved, and each adopted
/// amendment adds the next version with the amendment, the seat that moved it and when. Versions are never changed or
/// removed, so the minutes can show every step. Bounded to <see cref="MaxVersions"/>; the meeting refuses an
/// amendment to a motion that is full (<see cref="IsFull"/>) or drafted on a wording that is no longer the current
/// one (<see cref="CurrentVersion"/>) with its own error, before it puts the amendment to the vote.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MotionText")]
public sealed class MotionText
{
    /// <summary>The original and 99 adopted amendments: more than any motion needs, and a bound on the meeting's state.</summary>
    public const int MaxVersions = 100;

    [Id(0)] public List<MotionTextVersion> Versions { get; set; } = [];

    public MotionTextVersion Current => Versions.Count > 0
        ? Versions[^1]
        : throw new InvalidOperationException("The motion has no text yet.");

    public int CurrentVersion => Current.Version;

    public bool IsFull => Versions.Count >= MaxVersions;

    /// <summary>A motion as moved: its first version, by the mover's seat.</summary>
    public static MotionText Start(string text, Guid? moverSeat, DateTimeOffset at) =>
        new() { Versions = [new MotionTextVersion(1, text, null, moverSeat, at)] };

    /// <summary>
    /// An adopted amendment's text becomes the current version. Adopting the same amendment again returns the version
    /// it made (a repeated close changes nothing). <paramref name="basedOnVersion"/> is the wording the amendment was
    /// drafted on; the caller has checked it is still current and that the history is not full.
    /// </summary>
    public MotionTextVersion Amend(Guid amendmentId, Guid? authorSeat, string text, int basedOnVersion, DateTimeOffset at)
    {
        if (ForAmendment(amendmentId) is { } done)
        {
            return done;
        }

        if (basedOnVersion != CurrentVersion)
        {
            throw new InvalidOperationException($"The amendment was drafted on version {basedOnVersion}; the motion is at version {CurrentVersion}.");
        }

        if (IsFull)
        {
            throw new InvalidOperationException($"The motion already has {MaxVersions} versions.");
        }

        var version = new MotionTextVersion(CurrentVersion + 1, text, amendmentId, authorSeat, at);
        Versions.Add(version);
        return version;
    }

    /// <summary>Version <paramref name="version"/> (1 is the original), or null.</summary>
    public MotionTextVersion? At(int version) =>
        version >= 1 && version <= Versions.Count && Versions[version - 1].Version == version
            ? Versions[version - 1]
            : Versions.Find(v => v.Version == version);

    /// <summary>The version an adopted amendment made, or null when it was not adopted (or not yet).</summary>
    public MotionTextVersion? ForAmendment(Guid amendmentId) => Versions.Find(v => v.AmendmentId == amendmentId);
}
