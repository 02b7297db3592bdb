using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Tests;

/// <summary>Named people and spaces, fresh for every test.</summary>
public static class TestData
{
    public static async Task<Caller> PersonAsync(IGrainFactory grains, string name = "Amina", string? pseudonym = null)
    {
        var id = Guid.CreateVersion7();
        await grains.GetGrain<IPersonGrain>(id).CreateAsync($"{id:N}@example.org", new PersonProfile(name, pseudonym, "SN", ["fr"]));
        return Caller.Person(id);
    }

    public static CoalitionProfile Coalition(Visibility visibility = Visibility.MembersOnly) =>
        new("Forum Civil Sahel", "Charter", "SN", "West Africa", ["governance"], visibility);

    public static async Task<(ICoalitionGrain Coalition, Caller Coordinator)> CoalitionAsync(IGrainFactory grains, Visibility visibility = Visibility.MembersOnly)
    {
        var coordinator = await PersonAsync(grains, "Coordinator");
        var coalition = grains.GetGrain<ICoalitionGrain>(Guid.CreateVersion7());
        await coalition.CreateAsync(coordinator, Coalition(visibility));
        return (coalition, coordinator);
    }

    /// <summary>Adds a person with <paramref name="role"/> through an invitation, as the product does.</summary>
    public static async Task<Caller> MemberAsync(IGrainFactory grains, ISpaceGrain space, Caller coordinator, SpaceRole role, string name = "Member")
    {
        var person = await PersonAsync(grains, name);
        var invitation = await space.InviteAsync(coordinator, new InviteCommand(role, TimeSpan.FromDays(7), null));
        var token = Token(invitation);
        await space.AcceptInvitationAsync(person, token.InvitationId, token.Secret);
        return person;
    }

    public static InvitationToken Token(InvitationCreated invitation)
    {
        Assert.True(InvitationToken.TryParse(invitation.Token, out var token), $"not a token: {invitation.Token}");
        return token;
    }
}
