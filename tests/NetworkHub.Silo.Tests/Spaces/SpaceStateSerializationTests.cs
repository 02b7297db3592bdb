using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Coalitions;
using NetworkHub.Silo.Spaces;
using Orleans.Serialization;

namespace NetworkHub.Silo.Tests.Spaces;

/// <summary>The space state with what this version added to it (parent visibility, the outbox with each kind of effect).</summary>
public sealed class SpaceStateSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void CoalitionState_WithParentVisibilityAndOutbox_RoundTrips()
    {
        var id = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var space = new SpaceRef(SpaceKind.Coalition, id);
        var state = new CoalitionState
        {
            Exists = true,
            Name = "Red",
            Visibility = Visibility.MembersOnly,
            ParentVisibility = Visibility.Private,
            Members = [new MemberRecord { PersonId = id, Role = SpaceRole.Coordinator, Since = at }],
            Outbox =
            [
                new TrackSpaceEffect(id, space, SpaceRole.Member),
                new TrackSpaceEffect(Guid.NewGuid(), space, null),
                new DirectoryEffect(DirectoryKeys.Coalitions, new DirectoryEntry(id, "Red", null, "CO", null, ["t"], Visibility.Public, null)),
                new TrackCoalitionEffect(id, new OrganisationCoalition(id, "Red", CoalitionOrganisationStatus.Invited, at)),
                new ParentVisibilityEffect(new SpaceRef(SpaceKind.Forum, id), Visibility.Private),
                new AccessChangedEffect(id, null),
            ],
        };

        var copy = Serializer.Deserialize<CoalitionState>(Serializer.SerializeToArray(state))!;

        Assert.Equal((Visibility.MembersOnly, Visibility.Private, Visibility.Private), (copy.Visibility, copy.ParentVisibility, copy.EffectiveVisibility));
        Assert.Equal(state.Outbox.Select(e => e.Target), copy.Outbox.Select(e => e.Target));
        Assert.Equal(state.Outbox.Skip(2).Take(1).Cast<DirectoryEffect>().Single().Entry.Topics, copy.Outbox.OfType<DirectoryEffect>().Single().Entry.Topics);
        Assert.Equal(state.Outbox.Where(e => e is not DirectoryEffect), copy.Outbox.Where(e => e is not DirectoryEffect));
    }
}
