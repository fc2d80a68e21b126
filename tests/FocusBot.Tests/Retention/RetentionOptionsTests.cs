using FocusBot.TestSupport;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Retention;

/// <summary>
/// The retention period is checked at start: one that would cut into what `comments` reads, or that is no number of
/// months at all, stops FocusBot with a message naming the setting; the privacy page quotes the one configured.
/// </summary>
public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData("23")]
    [InlineData("0")]
    [InlineData("-24")]
    [InlineData("121")]
    public async Task Start_RawAnswersMonthsOutOfRange_IsRefusedWithTheRangeAndWhy(string months)
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Retention:RawAnswersMonths"] = months });

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains("Retention:RawAnswersMonths must be a whole number of months from 24 to 120", error.Message, StringComparison.Ordinal);
        Assert.Contains("the trend figures need no raw answers", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two years")]
    [InlineData("24.5")]
    public async Task Start_RawAnswersMonthsNotAWholeNumber_IsRefusedNamingIt(string months)
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Retention:RawAnswersMonths"] = months });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.Client);

        Assert.Contains("Retention:RawAnswersMonths", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "24")]
    [InlineData("36", "36")]
    public async Task PrivacyPage_SaysHowLongAnswersAndCommentsAreKeptAndThatFiguresStay(string? configured, string quoted)
    {
        await using var host = new FocusBotTestHost("Development", configured is null ? null : new Dictionary<string, string?> { ["Retention:RawAnswersMonths"] = configured });

        var page = await host.Client.GetStringAsync("/privacy");

        Assert.Contains($"Your pulse answers and \"one thing\" comments are kept for {quoted} months, then deleted", page, StringComparison.Ordinal);
        Assert.Contains("The group figures already made from them stay", page, StringComparison.Ordinal);
        Assert.Contains("only you see them and your answers to them", page, StringComparison.Ordinal);
        Assert.Contains($"Each is deleted once it has not changed for {quoted} months.", page, StringComparison.Ordinal);
    }
}
