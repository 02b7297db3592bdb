using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Committees;

namespace NetworkHub.Silo.Tests.Committees;

[Collection(nameof(ClockCollection))]
public sealed class ActionItemsTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static ActionItemCommand For(Caller person, string title = "Circulate the budget", DateTimeOffset? due = null) =>
        new(title, null, new ActionItemAssignee(person.PersonId, null), due, null, null);

    private async Task<(ICommitteeGrain Committee, IActionItemsGrain Items, Caller Coordinator, Caller Member)> CommitteeAsync(Visibility visibility = Visibility.Private)
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains, visibility);
        var committee = _grains.GetGrain<ICommitteeGrain>(Guid.CreateVersion7());
        await committee.CreateAsync(coordinator, new SpaceRef(SpaceKind.Coalition, coalition.GetPrimaryKey()),
            new CommitteeProfile("Steering committee", null, visibility, CommitteeRules.Default));
        var member = await TestData.MemberAsync(_grains, committee, coordinator, SpaceRole.Member);
        return (committee, _grains.GetGrain<IActionItemsGrain>(committee.GetPrimaryKey()), coordinator, member);
    }

    [Fact]
    public async Task AnItemPastItsDueTime_IsOverdue_AndTheDueReminderNotesIt()
    {
        var (_, items, coordinator, member) = await CommitteeAsync();
        var due = ClusterFixture.Clock.GetUtcNow().AddDays(2);
        var added = await items.AddAsync(coordinator, Guid.CreateVersion7(), For(member, due: due));
        var before = await items.ListAsync(member, new ActionItemFilter(OverdueOnly: true));

        ClusterFixture.Clock.Advance(TimeSpan.FromDays(3));
        var overdue = await items.ListAsync(member, new ActionItemFilter(OverdueOnly: true));
        await items.AsReference<IRemindable>().ReceiveReminder(ActionItemsGrain.DueReminder, default, TestContext.Current.CancellationToken);
        var noticed = Assert.Single(await items.ListAsync(coordinator, new ActionItemFilter()));

        Assert.Empty(before);
        Assert.Equal(added.ItemId, Assert.Single(overdue).ItemId);
        Assert.True(noticed.Overdue);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow(), noticed.OverdueNoticedAt);
    }

    [Fact]
    public async Task TheAssigneeMovesTheirItem_OtherMembersMayNot_NorAddItems()
    {
        var (committee, items, coordinator, member) = await CommitteeAsync();
        var other = await TestData.MemberAsync(_grains, committee, coordinator, SpaceRole.Member, "Other");
        var added = await items.AddAsync(coordinator, Guid.CreateVersion7(), For(member));

        var byOther = await Assert.ThrowsAsync<ForbiddenException>(() => items.SetStatusAsync(other, added.ItemId, ActionItemStatus.Done));
        var addByMember = await Assert.ThrowsAsync<ForbiddenException>(() => items.AddAsync(member, Guid.CreateVersion7(), For(member)));
        var done = await items.SetStatusAsync(member, added.ItemId, ActionItemStatus.Done);

        Assert.Equal(CommitteeErrors.NotRunningMeetings, byOther.Code);
        Assert.Equal(CommitteeErrors.NotRunningMeetings, addByMember.Code);
        Assert.Equal(ActionItemStatus.Done, done.Status);
        Assert.Equal(2, done.Version);
        Assert.Empty(await items.MineAsync(member));
    }

    [Fact]
    public async Task MineAsync_HoldsOnlyTheCallersPendingItems()
    {
        var (committee, items, coordinator, member) = await CommitteeAsync();
        var other = await TestData.MemberAsync(_grains, committee, coordinator, SpaceRole.Member, "Other");
        var mine = await items.AddAsync(coordinator, Guid.CreateVersion7(), For(member, "Mine"));
        await items.AddAsync(coordinator, Guid.CreateVersion7(), For(other, "Theirs"));
        var closed = await items.AddAsync(coordinator, Guid.CreateVersion7(), For(member, "Dropped"));
        await items.SetStatusAsync(coordinator, closed.ItemId, ActionItemStatus.Dropped);

        Assert.Equal([mine.ItemId], (await items.MineAsync(member)).Select(i => i.ItemId));
    }

    [Fact]
    public async Task APrivateCommitteesItems_AreNotFoundForOutsiders_AndMineIsEmpty()
    {
        var (_, items, coordinator, member) = await CommitteeAsync(Visibility.Private);
        await items.AddAsync(coordinator, Guid.CreateVersion7(), For(member));
        var outsider = await TestData.PersonAsync(_grains, "Outsider");

        var list = await Assert.ThrowsAsync<NotFoundException>(() => items.ListAsync(outsider, new ActionItemFilter()));
        var add = await Assert.ThrowsAsync<NotFoundException>(() => items.AddAsync(outsider, Guid.CreateVersion7(), For(outsider)));

        Assert.Equal(ErrorCodes.SpaceNotFound, list.Code);
        Assert.Equal(ErrorCodes.SpaceNotFound, add.Code);
        Assert.Empty(await items.MineAsync(outsider));
    }

    [Fact]
    public async Task AddingTheSameIdAgain_ReturnsTheItem_AndAnAssigneeOutsideTheCommitteeIsRefused()
    {
        var (_, items, coordinator, member) = await CommitteeAsync();
        var id = Guid.CreateVersion7();
        var first = await items.AddAsync(coordinator, id, For(member));
        var again = await items.AddAsync(coordinator, id, For(member, "Something else"));
        var stranger = await TestData.PersonAsync(_grains, "Stranger");

        var refused = await Assert.ThrowsAsync<RejectedException>(() => items.AddAsync(coordinator, Guid.CreateVersion7(), For(stranger)));
        var stale = await Assert.ThrowsAsync<PreconditionFailedException>(() => items.UpdateAsync(coordinator, id, For(member, "Renamed"), expectedVersion: 7));

        Assert.Equal(first, again);
        Assert.Single(await items.ListAsync(coordinator, new ActionItemFilter()));
        Assert.Equal(CommitteeErrors.AssigneeInvalid, refused.Code);
        Assert.Equal(ErrorCodes.VersionMismatch, stale.Code);
    }

    [Fact]
    public async Task ClosedItems_ArePrunedToTheMostRecent_SoTheStateStaysBounded()
    {
        var (_, items, coordinator, member) = await CommitteeAsync();
        var open = await items.AddAsync(coordinator, Guid.CreateVersion7(), For(member, "Still open"));
        for (var i = 0; i < ActionItemsGrain.ClosedKept + 5; i++)
        {
            var item = await items.AddAsync(coordinator, Guid.CreateVersion7(), For(member, $"Item {i}"));
            ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await items.SetStatusAsync(coordinator, item.ItemId, ActionItemStatus.Done);
        }

        var all = await items.ListAsync(coordinator, new ActionItemFilter());

        Assert.Equal(ActionItemsGrain.ClosedKept + 1, all.Count);
        Assert.Contains(all, i => i.ItemId == open.ItemId);
        Assert.DoesNotContain(all, i => i.Title == "Item 0");
        Assert.Contains(all, i => i.Title == $"Item {ActionItemsGrain.ClosedKept + 4}");
    }
}
