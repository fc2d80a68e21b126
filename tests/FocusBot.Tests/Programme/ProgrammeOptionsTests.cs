using FocusBot.Domain.Programme;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
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

    [Theory]
    [InlineData("Programme:MasteryPercent", "49", "Programme:MasteryPercent must be a whole number from 50 to 100")]
    [InlineData("Programme:MasteryPercent", "101", "Programme:MasteryPercent must be a whole number from 50 to 100")]
    [InlineData("Programme:MasteryWeeks", "3", "Programme:MasteryWeeks must be a whole number of weeks from 4 to 26")]
    [InlineData("Programme:MasteryWeeks", "27", "Programme:MasteryWeeks must be a whole number of weeks from 4 to 26")]
    [InlineData("Programme:FavourablePercent", "40", "Programme:FavourablePercent must be a whole number from 50 to 100")]
    [InlineData("Programme:ReviewAfterWeeks", "0", "Programme:ReviewAfterWeeks must be a whole number of weeks from 1 to 8")]
    [InlineData("Programme:ReviewAfterWeeks", "9", "Programme:ReviewAfterWeeks must be a whole number of weeks from 1 to 8")]
    [InlineData("Programme:MasteryMinRespondents", "4", "Programme:MasteryMinRespondents is 4; it can never be below Privacy:MinimumGroupSize (5)")]
    public async Task Start_MasteryRuleOutOfRange_IsRefusedWithTheRangeAndWhy(string key, string value, string expected)
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MasteryMinRespondentsUnset_IsThePrivacyMinimum()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Privacy:MinimumGroupSize"] = "7" });
        _ = host.Client;

        Assert.Equal(7, host.Services.GetRequiredService<MasteryRule>().MinRespondents);
    }

    [Fact]
    public async Task Start_MasteryMinRespondentsAbovePrivacyMinimum_IsKept()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Programme:MasteryMinRespondents"] = "9", ["Programme:MasteryPercent"] = "90" });
        _ = host.Client;

        var rule = host.Services.GetRequiredService<MasteryRule>();
        Assert.Equal((9, 90, 8, 70), (rule.MinRespondents, rule.Percent, rule.Weeks, rule.FavourablePercent));
        Assert.Equal(SpacedReview.DefaultWeeks, host.Services.GetRequiredService<SpacedReview>().Weeks);
    }

    [Fact]
    public async Task Start_ReviewAfterWeeksSet_IsTheSpacedReviewInterval()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Programme:ReviewAfterWeeks"] = "3" });
        _ = host.Client;

        Assert.Equal(3, host.Services.GetRequiredService<SpacedReview>().Weeks);
    }
}
