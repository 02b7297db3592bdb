using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// What a change of a space must cause in other grains. Each effect sets its target to what the space's state says
/// now, so delivering it twice, or late, is harmless, and a newer effect for the same target replaces an older one.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.SpaceEffect")]
public abstract record SpaceEffect
{
    /// <summary>Effects with the same target supersede each other.</summary>
    public abstract string Target { get; }

    public abstract Task DeliverAsync(IGrainFactory grains);
}

/// <summary>The person's list of spaces; a null role removes the space from it.</summary>
[GenerateSerializer, Alias("NetworkHub.TrackSpaceEffect")]
public sealed record TrackSpaceEffect([property: Id(0)] Guid PersonId, [property: Id(1)] SpaceRef Space, [property: Id(2)] SpaceRole? Role) : SpaceEffect
{
    public override string Target => $"person/{PersonId}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetGrain<IPersonGrain>(PersonId).TrackSpaceAsync(Space, Role);
}

/// <summary>A space that holds the person's id without a role (a request to join), so their export and erasure find it.</summary>
[GenerateSerializer, Alias("NetworkHub.NoteSpaceEffect")]
public sealed record NoteSpaceEffect([property: Id(0)] Guid PersonId, [property: Id(1)] SpaceRef Space) : SpaceEffect
{
    public override string Target => $"person-note/{PersonId}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetGrain<IPersonGrain>(PersonId).NoteSpaceAsync(Space);
}

[GenerateSerializer, Alias("NetworkHub.DirectoryEffect")]
public sealed record DirectoryEffect([property: Id(0)] string Directory, [property: Id(1)] DirectoryEntry Entry) : SpaceEffect
{
    public override string Target => $"directory/{Directory}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetGrain<IDirectoryGrain>(Directory).UpsertAsync(Entry);
}

/// <summary>An organisation's view of its status in a coalition.</summary>
[GenerateSerializer, Alias("NetworkHub.TrackCoalitionEffect")]
public sealed record TrackCoalitionEffect([property: Id(0)] Guid OrganisationId, [property: Id(1)] OrganisationCoalition Coalition) : SpaceEffect
{
    public override string Target => $"organisation/{OrganisationId}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetGrain<IOrganisationGrain>(OrganisationId).TrackCoalitionAsync(Coalition);
}

/// <summary>A child space learns the visibility of its parent.</summary>
[GenerateSerializer, Alias("NetworkHub.ParentVisibilityEffect")]
public sealed record ParentVisibilityEffect([property: Id(0)] SpaceRef Child, [property: Id(1)] Visibility Visibility) : SpaceEffect
{
    public override string Target => $"child/{Child.Kind}/{Child.Id}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetSpace(Child).ParentVisibilityChangedAsync(Visibility);
}

/// <summary>A forum's live sessions re-check one person (or, with no person, everyone connected).</summary>
[GenerateSerializer, Alias("NetworkHub.AccessChangedEffect")]
public sealed record AccessChangedEffect([property: Id(0)] Guid ForumId, [property: Id(1)] Guid? PersonId) : SpaceEffect
{
    public override string Target => $"sessions/{PersonId?.ToString() ?? "everyone"}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetGrain<IForumSessionsGrain>(ForumId).AccessChangedAsync(PersonId);
}

/// <summary>
/// A committee narrowed access (a seat ended, someone left the holding organisation or the committee): each of its
/// open meetings checks its watchers again, one person (or, with no person, everyone watching).
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MeetingsAccessEffect")]
public sealed record MeetingsAccessEffect([property: Id(0)] IReadOnlyList<Guid> MeetingIds, [property: Id(1)] Guid? PersonId) : SpaceEffect
{
    public override string Target => $"meetings/{PersonId?.ToString() ?? "everyone"}";

    /// <summary>For the committee's hook: the meetings of its list that can still have watchers to take out.</summary>
    public static MeetingsAccessEffect For(IEnumerable<MeetingSummary> meetings, Guid? personId) => new(
        [.. meetings.Where(m => m.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress).Select(m => m.MeetingId)], personId);

    public override Task DeliverAsync(IGrainFactory grains) =>
        Task.WhenAll(MeetingIds.Select(id => grains.GetGrain<IMeetingGrain>(id).AccessChangedAsync(PersonId)));
}

/// <summary>A space's documents that someone watches live check their watchers again, one person (or, with no person, everyone).</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentsAccessEffect")]
public sealed record DocumentsAccessEffect([property: Id(0)] Guid SpaceId, [property: Id(1)] Guid? PersonId) : SpaceEffect
{
    public override string Target => $"documents/{PersonId?.ToString() ?? "everyone"}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetGrain<IDocumentWatchersGrain>(SpaceId).AccessChangedAsync(PersonId);
}

/// <summary>The rows of a space's documents in the index say whether the space is public, for public search.</summary>
[GenerateSerializer, Alias("NetworkHub.DocumentsVisibilityEffect")]
public sealed record DocumentsVisibilityEffect([property: Id(0)] SpaceRef Space, [property: Id(1)] Visibility Visibility) : SpaceEffect
{
    public override string Target => "documents/visibility";

    public override Task DeliverAsync(IGrainFactory grains) =>
        grains.GetGrain<IDocumentWatchersGrain>(Space.Id).SpaceVisibilityChangedAsync(Space, Visibility);
}

/// <summary>
/// A space below (a coalition's child, or a coalition an organisation belongs to) checks again who may be there:
/// someone lost a role through which they held one there.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.AccessAboveEffect")]
public sealed record AccessAboveEffect([property: Id(0)] SpaceRef Below, [property: Id(1)] Guid? PersonId) : SpaceEffect
{
    public override string Target => $"below/{Below.Kind}/{Below.Id}/{PersonId?.ToString() ?? "everyone"}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetSpace(Below).AccessChangedAboveAsync(PersonId);
}

/// <summary>A coalition learns what to show of a member organisation in its list.</summary>
[GenerateSerializer, Alias("NetworkHub.OrganisationListingEffect")]
public sealed record OrganisationListingEffect(
    [property: Id(0)] Guid CoalitionId, [property: Id(1)] Guid OrganisationId, [property: Id(2)] MemberOrganisationListing Listing) : SpaceEffect
{
    public override string Target => $"listing/{CoalitionId}";

    public override Task DeliverAsync(IGrainFactory grains) =>
        grains.GetGrain<ICoalitionGrain>(CoalitionId).OrganisationListingChangedAsync(OrganisationId, Listing);
}

/// <summary>
/// The pending effects of a space, persisted in its state: added in the same write as the change that causes them,
/// removed once delivered. Bounded by the number of distinct targets, since a newer effect replaces an older one.
/// </summary>
public static class Outbox
{
    public static void Add(List<SpaceEffect> outbox, SpaceEffect effect)
    {
        outbox.RemoveAll(e => e.Target == effect.Target);
        outbox.Add(effect);
    }

    /// <summary>Delivers each pending effect once; returns how many failed. Delivered ones leave the list.</summary>
    public static async Task<int> DeliverAsync(List<SpaceEffect> outbox, IGrainFactory grains, Action<SpaceEffect, Exception> failed)
    {
        var pending = outbox.ToList();
        var results = await Task.WhenAll(pending.Select(async effect =>
        {
            try
            {
                await effect.DeliverAsync(grains);
                return true;
            }
            catch (Exception e)
            {
                failed(effect, e);
                return false;
            }
        }));

        // Only the effects that were delivered leave: one added meanwhile for the same target is a newer one.
        for (var i = 0; i < pending.Count; i++)
        {
            if (results[i])
            {
                outbox.Remove(pending[i]);
            }
        }

        return results.Count(r => !r);
    }
}
