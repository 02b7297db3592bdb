using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.LiveSessions;

namespace NetworkHub.Silo.Tests.LiveSessions;

public sealed class BreakoutPlanTests
{
    private static readonly Guid Red = Guid.NewGuid(), Blue = Guid.NewGuid();

    private static readonly List<BreakoutPlan.Person> People =
    [
        .. Enumerable.Range(0, 4).Select(_ => new BreakoutPlan.Person(Guid.NewGuid(), Red)),
        .. Enumerable.Range(0, 4).Select(_ => new BreakoutPlan.Person(Guid.NewGuid(), Blue)),
        new BreakoutPlan.Person(Guid.NewGuid(), null),
    ];

    [Theory]
    [InlineData(BreakoutMode.Random)]
    [InlineData(BreakoutMode.OrganisationsTogether)]
    [InlineData(BreakoutMode.OrganisationsApart)]
    public void Assign_AnyMode_PutsEveryoneInExactlyOneRoomDeterministically(BreakoutMode mode)
    {
        var rooms = BreakoutPlan.Assign(People, 3, mode, seed: 42);

        Assert.Equal(3, rooms.Count);
        Assert.Equal(People.Select(p => p.Id).Order(), rooms.SelectMany(r => r).Order());
        Assert.Equal(rooms, BreakoutPlan.Assign(People, 3, mode, seed: 42));
    }

    [Fact]
    public void Assign_OrganisationsTogether_KeepsEachOrganisationInOneRoom()
    {
        var rooms = BreakoutPlan.Assign(People, 2, BreakoutMode.OrganisationsTogether, seed: 1);

        Assert.All(new[] { Red, Blue }, org =>
            Assert.Single(rooms, r => r.Intersect(People.Where(p => p.Organisation == org).Select(p => p.Id)).Any()));
    }

    [Fact]
    public void Assign_OrganisationsApart_SpreadsEachOrganisationOverAllRooms()
    {
        var rooms = BreakoutPlan.Assign(People, 4, BreakoutMode.OrganisationsApart, seed: 1);

        Assert.All(new[] { Red, Blue }, org =>
            Assert.All(rooms, r => Assert.Single(r, id => People.Single(p => p.Id == id).Organisation == org)));
    }

    [Fact]
    public void Assign_MoreRoomsThanPeople_MakesOneRoomPerPerson()
    {
        var rooms = BreakoutPlan.Assign(People.Take(2).ToList(), 5, BreakoutMode.Random, seed: 1);

        Assert.Equal(2, rooms.Count);
        Assert.All(rooms, r => Assert.Single(r));
    }
}
