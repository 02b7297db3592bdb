using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Tests.Spaces;

[Collection(nameof(ClockCollection))]
public sealed class InvitationExpiryTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AcceptInvitationAsync_AfterExpiry_IsRejectedAndListedAsExpired()
    {
        var (coalition, coordinator) = await TestData.CoalitionAsync(_grains);
        var invitation = await coalition.InviteAsync(coordinator, new InviteCommand(SpaceRole.Member, TimeSpan.FromHours(1), null));
        var token = TestData.Token(invitation);
        var person = await TestData.PersonAsync(_grains);

        ClusterFixture.Clock.Advance(TimeSpan.FromHours(2));
        var error = await Assert.ThrowsAsync<RejectedException>(() => coalition.AcceptInvitationAsync(person, token.InvitationId, token.Secret));

        Assert.Equal(ErrorCodes.InvitationExpired, error.Code);
        Assert.Equal(InvitationStatus.Expired, Assert.Single(await coalition.GetInvitationsAsync(coordinator)).Status);
    }
}
