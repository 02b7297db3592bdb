using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Tests.People;

/// <summary>An erasure whose step fails is not lost: the plan stays stored and the next run (the reminder's) finishes it.</summary>
public sealed class ErasureTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task EraseAsync_SpaceFailsOnce_PlanIsKept_AndTheNextRunFinishesIt()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var member = await TestData.MemberAsync(_grains, coalition, coordinator, SpaceRole.Member, "Amina");
        var personId = member.PersonId!.Value;
        var person = _grains.GetGrain<IPersonGrain>(personId);
        var erasure = _grains.GetGrain<IErasureGrain>(personId);
        var delivered = Faults.Watch(coalition, nameof(ISpaceGrain.ErasePersonAsync), failures: 1);

        var first = await erasure.EraseAsync("acct_unknown");

        Assert.True(first.AccountErased);
        Assert.False(first.Complete);
        Assert.Equal(2, first.StepsLeft);
        Assert.NotNull(await person.GetRecordAsync());
        Assert.Contains(await coalition.GetMembersAsync(coordinator), m => m.PersonId == personId);

        // What the erasure's reminder does on its next tick.
        var second = await erasure.EraseAsync("acct_unknown");
        await delivered;

        Assert.True(second.Complete);
        Assert.Null(await person.GetRecordAsync());
        Assert.DoesNotContain(await coalition.GetMembersAsync(coordinator), m => m.PersonId == personId);
        var audit = await coalition.GetAuditAsync(coordinator, null, 100);
        Assert.DoesNotContain(audit.Entries, e => PersonData.Names(e, personId));
        Assert.Contains(audit.Entries, e => e.Action == AuditActions.MemberJoined);
    }
}
