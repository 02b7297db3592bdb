using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;
using Orleans.Core.Internal;

namespace NetworkHub.Silo.Tests.Spaces;

/// <summary>
/// A change's effects on other grains arrive even when those grains fail, or the space's activation is lost first.
/// Retries run on grain timers, which follow the cluster's fake clock: the tests move it on attempt by attempt.
/// </summary>
public sealed class OutboxTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task CreateAsync_PersonGrainFailsThreeTimes_SpaceReachesTheirListLater()
    {
        var creator = await TestData.PersonAsync(_grains);
        var person = _grains.GetGrain<IPersonGrain>(creator.PersonId!.Value);
        var delivered = Faults.Watch(person, nameof(IPersonGrain.TrackSpaceAsync), failures: 3);
        var coalition = _grains.GetGrain<ICoalitionGrain>(Guid.CreateVersion7());

        var created = await coalition.CreateAsync(creator, TestData.Coalition());
        await RetryUntilAsync(delivered, person, nameof(IPersonGrain.TrackSpaceAsync));

        Assert.Equal(3, Faults.Failed(person, nameof(IPersonGrain.TrackSpaceAsync)));
        Assert.Contains(await person.GetSpacesAsync(), s => s.Space == new SpaceRef(SpaceKind.Coalition, created.Id) && s.Role == SpaceRole.Coordinator);
    }

    [Fact]
    public async Task InviteOrganisationAsync_OrganisationFailsTwice_InvitationReachesItLater()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var organisation = _grains.GetGrain<IOrganisationGrain>(Guid.CreateVersion7());
        await organisation.CreateAsync(coordinator, new OrganisationProfile("Red Sahel", OrganisationKind.CivilSocietyOrganisation, "SN", null, [], null, null, Visibility.Public));
        var delivered = Faults.Watch(organisation, nameof(IOrganisationGrain.TrackCoalitionAsync), failures: 2);

        await coalition.InviteOrganisationAsync(coordinator, organisation.GetPrimaryKey(), MemberOrganisationRole.Observer);
        await RetryUntilAsync(delivered, organisation, nameof(IOrganisationGrain.TrackCoalitionAsync));

        var invited = Assert.Single(await organisation.GetCoalitionsAsync(coordinator));
        Assert.Equal((coalition.GetPrimaryKey(), CoalitionOrganisationStatus.Invited), (invited.CoalitionId, invited.Status));
    }

    [Fact]
    public async Task CreateAsync_ActivationLostBeforeDelivery_EffectArrivesOnReactivation()
    {
        var creator = await TestData.PersonAsync(_grains);
        var person = _grains.GetGrain<IPersonGrain>(creator.PersonId!.Value);
        var delivered = Faults.Watch(person, nameof(IPersonGrain.TrackSpaceAsync), failures: int.MaxValue);
        var coalition = _grains.GetGrain<ICoalitionGrain>(Guid.CreateVersion7());
        await coalition.CreateAsync(creator, TestData.Coalition());

        // Only the stored state knows of the effect once the activation (and its retry timer) is gone.
        await coalition.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        Faults.Release(person, nameof(IPersonGrain.TrackSpaceAsync));
        await coalition.GetAsync(creator);

        Assert.True(delivered.IsCompleted, "the reactivated space delivers its pending effect before it answers");
        Assert.Contains(await person.GetSpacesAsync(), s => s.Space.Id == coalition.GetPrimaryKey());
    }

    [Fact]
    public async Task CreateAsync_RetriedAfterAFailedFollowUp_DeliversIt()
    {
        var creator = await TestData.PersonAsync(_grains);
        var person = _grains.GetGrain<IPersonGrain>(creator.PersonId!.Value);
        var delivered = Faults.Watch(person, nameof(IPersonGrain.TrackSpaceAsync), failures: int.MaxValue);
        var coalition = _grains.GetGrain<ICoalitionGrain>(Guid.CreateVersion7());
        await coalition.CreateAsync(creator, TestData.Coalition());
        Assert.False(delivered.IsCompleted);

        Faults.Release(person, nameof(IPersonGrain.TrackSpaceAsync));
        await coalition.CreateAsync(creator, TestData.Coalition());

        Assert.True(delivered.IsCompleted, "the repeated create delivers what the first one left");
        Assert.Contains(await person.GetSpacesAsync(), s => s.Space.Id == coalition.GetPrimaryKey());
    }

    [Fact]
    public async Task ForumRoster_RemovedLeftOrRoleChanged_TellsItsSessionsBeforeAnswering()
    {
        var coordinator = await TestData.PersonAsync(_grains, "Coordinator");
        var forum = _grains.GetGrain<IForumGrain>(Guid.CreateVersion7());
        var sessions = _grains.GetGrain<IForumSessionsGrain>(forum.GetPrimaryKey());
        await forum.CreateAsync(coordinator, null, new ForumProfile("Foro", null, [], Visibility.Private));
        _ = Faults.Watch(sessions, nameof(IForumSessionsGrain.AccessChangedAsync));
        var removed = await TestData.MemberAsync(_grains, forum, coordinator, SpaceRole.Member);
        var leaving = await TestData.MemberAsync(_grains, forum, coordinator, SpaceRole.Member);
        var demoted = await TestData.MemberAsync(_grains, forum, coordinator, SpaceRole.Member);
        Assert.Empty(Faults.Arguments(sessions, nameof(IForumSessionsGrain.AccessChangedAsync)));

        await forum.RemoveMemberAsync(coordinator, removed.PersonId!.Value);
        await forum.LeaveAsync(leaving);
        await forum.ChangeRoleAsync(coordinator, demoted.PersonId!.Value, SpaceRole.Observer);
        await forum.UpdateAsync(coordinator, new ForumProfile("Foro", null, [], Visibility.Private), null);

        Assert.Equal([removed.PersonId, leaving.PersonId, demoted.PersonId], Faults.Arguments(sessions, nameof(IForumSessionsGrain.AccessChangedAsync)));
    }

    [Fact]
    public async Task ForumVisibility_NarrowedItselfOrByItsCoalition_TellsItsSessionsAboutEveryone()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains, Visibility.Public);
        var forum = _grains.GetGrain<IForumGrain>(Guid.CreateVersion7());
        var sessions = _grains.GetGrain<IForumSessionsGrain>(forum.GetPrimaryKey());
        await forum.CreateAsync(coordinator, new SpaceRef(SpaceKind.Coalition, coalition.GetPrimaryKey()), new ForumProfile("Foro", null, [], Visibility.Public));
        _ = Faults.Watch(sessions, nameof(IForumSessionsGrain.AccessChangedAsync));

        await forum.UpdateAsync(coordinator, new ForumProfile("Foro", null, [], Visibility.MembersOnly), null);
        await coalition.UpdateAsync(coordinator, TestData.Coalition(Visibility.Private), null);
        await coalition.UpdateAsync(coordinator, TestData.Coalition(Visibility.Public), null);

        Assert.Equal([null, null], Faults.Arguments(sessions, nameof(IForumSessionsGrain.AccessChangedAsync)));
        Assert.Equal(Visibility.MembersOnly, (await forum.GetAsync(coordinator)).Visibility);
        await Assert.ThrowsAsync<Contracts.Errors.NotFoundException>(() => forum.GetAsync(Caller.Anonymous));
    }

    /// <summary>Moves the clock on by the retry period, one delivery attempt at a time, until one gets through.</summary>
    private static async Task RetryUntilAsync(Task delivered, IAddressable target, string method)
    {
        for (var tick = 0; tick < 20 && !delivered.IsCompleted; tick++)
        {
            var next = Faults.NextCallAsync(target, method);
            ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(next, delivered, Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken));
        }

        Assert.True(delivered.IsCompleted, $"not delivered after {Faults.Failed(target, method)} failed attempts");
    }

    [Fact]
    public void Add_SameTarget_ReplacesTheOlderEffect()
    {
        var person = Guid.NewGuid();
        var space = new SpaceRef(SpaceKind.Forum, Guid.NewGuid());
        List<SpaceEffect> outbox = [];

        Outbox.Add(outbox, new TrackSpaceEffect(person, space, SpaceRole.Member));
        Outbox.Add(outbox, new AccessChangedEffect(space.Id, person));
        Outbox.Add(outbox, new TrackSpaceEffect(person, space, null));

        Assert.Equal([new AccessChangedEffect(space.Id, person), new TrackSpaceEffect(person, space, null)], outbox);
    }
}
