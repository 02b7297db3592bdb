using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Silo.Committees;
using Orleans.Serialization;

namespace NetworkHub.Silo.Tests.Committees;

public sealed class MotionTextTests
{
    private static readonly DateTimeOffset Opened = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Mover = Guid.NewGuid(), Amender = Guid.NewGuid();

    [Fact]
    public void Start_IsVersionOneByTheMover()
    {
        var motion = MotionText.Start("The committee adopts the plan.", Mover, Opened);

        Assert.Equal(new MotionTextVersion(1, "The committee adopts the plan.", null, Mover, Opened), motion.Current);
        Assert.Equal(1, motion.CurrentVersion);
        Assert.False(motion.IsFull);
    }

    [Fact]
    public void Amend_AddsTheNextVersionAndKeepsEveryEarlierOne()
    {
        var motion = MotionText.Start("Adopt the plan.", Mover, Opened);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();

        var v2 = motion.Amend(first, Amender, "Adopt the revised plan.", 1, Opened.AddMinutes(5));
        var v3 = motion.Amend(second, null, "Adopt the revised plan by June.", 2, Opened.AddMinutes(9));

        Assert.Equal(new MotionTextVersion(2, "Adopt the revised plan.", first, Amender, Opened.AddMinutes(5)), v2);
        Assert.Equal(v3, motion.Current);
        Assert.Equal(["Adopt the plan.", "Adopt the revised plan.", "Adopt the revised plan by June."], motion.Versions.Select(v => v.Text));
        Assert.Equal("Adopt the plan.", motion.At(1)?.Text);
        Assert.Equal(v2, motion.ForAmendment(first));
        Assert.Null(motion.At(0));
        Assert.Null(motion.At(4));
        Assert.Null(motion.ForAmendment(Guid.NewGuid()));
    }

    [Fact]
    public void Amend_SameAmendmentAgain_ReturnsTheVersionItMade()
    {
        var motion = MotionText.Start("Adopt the plan.", Mover, Opened);
        var amendment = Guid.NewGuid();
        var made = motion.Amend(amendment, Amender, "Adopt the revised plan.", 1, Opened);

        var again = motion.Amend(amendment, Amender, "Something else", 1, Opened.AddHours(1));

        Assert.Equal(made, again);
        Assert.Equal(2, motion.Versions.Count);
    }

    [Fact]
    public void Amend_DraftedOnAnOlderWording_IsRefused()
    {
        var motion = MotionText.Start("Adopt the plan.", Mover, Opened);
        motion.Amend(Guid.NewGuid(), Amender, "Adopt the revised plan.", 1, Opened);

        Assert.Throws<InvalidOperationException>(() => motion.Amend(Guid.NewGuid(), Amender, "Adopt no plan.", 1, Opened));
        Assert.Equal(2, motion.Versions.Count);
    }

    [Fact]
    public void Amend_HundredVersions_IsFullAndRefusesMore()
    {
        var motion = MotionText.Start("v1", Mover, Opened);
        for (var v = 2; v <= MotionText.MaxVersions; v++)
        {
            Assert.False(motion.IsFull);
            motion.Amend(Guid.NewGuid(), Amender, $"v{v}", v - 1, Opened.AddMinutes(v));
        }

        Assert.True(motion.IsFull);
        Assert.Equal(MotionText.MaxVersions, motion.CurrentVersion);
        Assert.Throws<InvalidOperationException>(() => motion.Amend(Guid.NewGuid(), Amender, "one too many", MotionText.MaxVersions, Opened));
        Assert.Equal("v1", motion.At(1)?.Text);
        Assert.Equal(MotionText.MaxVersions, motion.Versions.Count);
    }

    [Fact]
    public void RoundTrip_ThroughOrleansSerializer_KeepsEveryVersion()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var motion = MotionText.Start("Adopt the plan.", Mover, Opened);
        motion.Amend(Guid.NewGuid(), Amender, "Adopt the revised plan.", 1, Opened.AddMinutes(5));

        var copy = serializer.Deserialize<MotionText>(serializer.SerializeToArray(motion));

        Assert.Equal(motion.Versions, copy!.Versions);
    }
}
