using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.LiveSessions;

namespace NetworkHub.Silo.Tests.LiveSessions;

public sealed class SpeakingQueueTests
{
    private static readonly Guid Ana = Guid.NewGuid(), Bo = Guid.NewGuid(), Cy = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Raise_Twice_QueuesOnceInOrderOfHands()
    {
        var queue = new SpeakingQueue();

        Assert.True(queue.Raise(Ana));
        Assert.True(queue.Raise(Bo));
        Assert.False(queue.Raise(Ana));

        Assert.Equal([Ana, Bo], queue.Waiting);
    }

    [Fact]
    public void GiveFloor_WithoutPerson_GoesToFirstWaitingWithTimer()
    {
        var queue = new SpeakingQueue();
        queue.Raise(Ana);
        queue.Raise(Bo);

        var speaker = queue.GiveFloor(null, Now, TimeSpan.FromSeconds(90));

        Assert.Equal(Ana, speaker);
        Assert.Equal(Now.AddSeconds(90), queue.SpeakerEndsAt);
        Assert.Equal([Bo], queue.Waiting);
        Assert.False(queue.Raise(Ana));
    }

    [Fact]
    public void GiveFloor_NobodyWaiting_EndsTheTurn()
    {
        var queue = new SpeakingQueue();
        queue.GiveFloor(Cy, Now, TimeSpan.FromMinutes(1));

        var speaker = queue.GiveFloor(null, Now, TimeSpan.FromMinutes(1));

        Assert.Null(speaker);
        Assert.Null(queue.SpeakerEndsAt);
    }

    [Fact]
    public void Reorder_Permutation_ChangesOrder()
    {
        var queue = new SpeakingQueue();
        queue.Raise(Ana);
        queue.Raise(Bo);
        queue.Raise(Cy);

        queue.Reorder([Cy, Ana, Bo]);

        Assert.Equal([Cy, Ana, Bo], queue.Waiting);
    }

    [Fact]
    public void Reorder_NotThePeopleWaiting_IsRejectedAndKeepsOrder()
    {
        var queue = new SpeakingQueue();
        queue.Raise(Ana);
        queue.Raise(Bo);

        var error = Assert.Throws<RejectedException>(() => queue.Reorder([Bo, Cy]));

        Assert.Equal(LiveSessionErrors.InvalidQueueOrder, error.Code);
        Assert.Equal([Ana, Bo], queue.Waiting);
    }

    [Fact]
    public void Skip_SpeakerOrWaiting_RemovesThem()
    {
        var queue = new SpeakingQueue();
        queue.Raise(Ana);
        queue.Raise(Bo);
        queue.GiveFloor(null, Now, TimeSpan.FromMinutes(1));

        Assert.True(queue.Skip(Ana));
        Assert.True(queue.Skip(Bo));
        Assert.False(queue.Skip(Cy));

        Assert.Equal(new SpeakingQueueView([], null, null), queue.ToView() with { Waiting = [] });
        Assert.Empty(queue.Waiting);
    }
}
