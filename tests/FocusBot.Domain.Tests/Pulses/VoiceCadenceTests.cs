using FocusBot.Domain.Pulses;

namespace FocusBot.Domain.Tests.Pulses;

public sealed class VoiceCadenceTests
{
    [Fact]
    public void IsDue_EveryPulse_AsksItEachTime()
    {
        Assert.True(VoiceCadence.IsDue(1, []));
        Assert.True(VoiceCadence.IsDue(1, [true, true, true]));
    }

    [Fact]
    public void IsDue_Never_AsksItNever()
    {
        Assert.False(VoiceCadence.IsDue(0, []));
        Assert.False(VoiceCadence.IsDue(0, [false, false, false]));
    }

    [Fact]
    public void IsDue_EveryThirdPulse_AsksTheFirstThenEveryThird()
    {
        var asked = new List<bool>(); // newest first
        var pattern = new List<bool>();
        for (var pulse = 0; pulse < 7; pulse++)
        {
            var due = VoiceCadence.IsDue(3, asked);
            pattern.Add(due);
            asked.Insert(0, due);
        }

        Assert.Equal([true, false, false, true, false, false, true], pattern);
    }

    [Fact]
    public void IsDue_AfterAPulseThatSkippedIt_CatchesUpWithoutCounting()
    {
        // Switched from never to every second pulse: the next pulse asks it at once.
        Assert.True(VoiceCadence.IsDue(2, [false, false, false]));
        Assert.False(VoiceCadence.IsDue(2, [true, false]));
    }

    [Fact]
    public void IsDue_Negative_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VoiceCadence.IsDue(-1, []));
}
