using FocusBot.TestSupport;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Programme;

/// <summary>The before-and-after window is checked at start: a window too short or too long stops FocusBot, naming the setting and why.</summary>
public sealed class ProgrammeOptionsTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("13")]
    [InlineData("-4")]
    public async Task Start_EventWindowWeeksOutOfRange_IsRefusedWithTheRangeAndWhy(string weeks)
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Programme:EventWindowWeeks"] = weeks });

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains("Programme:EventWindowWeeks must be a whole number of weeks from 2 to 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EventWindowWeeksNotANumber_IsRefusedNamingIt()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Programme:EventWindowWeeks"] = "four" });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.Client);

        Assert.Contains("Programme:EventWindowWeeks", error.Message, StringComparison.Ordinal);
    }
}
