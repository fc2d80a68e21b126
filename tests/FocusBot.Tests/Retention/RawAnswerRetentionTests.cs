using FocusBot.Domain.Pulses;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FocusBot.Tests.Retention;

public sealed class RawAnswerRetentionTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2028, 6, 14, 12, 0, 0, TimeSpan.Zero));

    private static RawAnswerRetention Retention(int months, string? begun = null)
    {
        var settings = new Mock<ISettingsStore>();
        settings.Setup(s => s.GetAsync("tenant", RawAnswerRetention.LineKey, It.IsAny<CancellationToken>())).ReturnsAsync(begun);
        return new RawAnswerRetention(months, settings.Object, Clock);
    }

    [Theory]
    [InlineData(24, "2026-06-08")] // 14 June 2026 is a Sunday: the line is the Monday of its week, so everything before is older than 24 months
    [InlineData(36, "2025-06-09")]
    public void LineAt_IsTheMondayOfTheWeekHoldingTheDayThatManyMonthsAgo(int months, string line) =>
        Assert.Equal(DateOnly.Parse(line, System.Globalization.CultureInfo.InvariantCulture), Retention(months).LineAt(Clock.GetUtcNow()));

    [Fact]
    public void IsRetired_WeeksWhollyBeforeTheLineAndPeriodsStartingBeforeIt()
    {
        var line = new DateOnly(2026, 6, 8);

        Assert.True(RawAnswerRetention.IsRetired(TrendPeriod.WeekOf(new DateOnly(2026, 6, 7)), line));
        Assert.False(RawAnswerRetention.IsRetired(TrendPeriod.WeekOf(new DateOnly(2026, 6, 8)), line));
        // June 2026 starts Monday 1 June (the week of its first Thursday): part of it is gone, so all of it is retired.
        Assert.True(RawAnswerRetention.IsRetired(TrendPeriod.Holding(PeriodKind.Month, new DateOnly(2026, 6, 20)), line));
        Assert.False(RawAnswerRetention.IsRetired(TrendPeriod.Holding(PeriodKind.Month, new DateOnly(2026, 7, 20)), line));
        Assert.True(RawAnswerRetention.IsRetired(TrendPeriod.Holding(PeriodKind.Quarter, new DateOnly(2026, 6, 20)), line));
    }

    [Fact]
    public async Task LineAsync_AfterTheDeletionBeganAtALaterLine_KeepsThatLine()
    {
        // The period was 24 months when a pass began; now it is 36: what went stays gone, so its periods stay retired.
        Assert.Equal(new DateOnly(2026, 6, 8), await Retention(36, "2026-06-08").LineAsync("tenant", CancellationToken.None));
        Assert.Equal(new DateOnly(2026, 6, 8), await Retention(24, "2025-01-06").LineAsync("tenant", CancellationToken.None));
    }

    [Fact]
    public void VoicePulsesTryParse_ReadsBackTheIdsItBuildsAndNothingElse()
    {
        var week = TrendPeriod.WeekOf(new DateOnly(2026, 5, 13));

        Assert.True(VoicePulses.TryParse(PulseIds.Voice(week.Key, "tenant-1"), out var tenant, out var parsed));
        Assert.Equal(("tenant-1", week), (tenant, parsed));
        Assert.False(VoicePulses.TryParse(PulseIds.Weekly("2026-W20", "tenant-1"), out _, out _));
        Assert.False(VoicePulses.TryParse("voice-M2026-05.tenant-1", out _, out _));
        Assert.False(VoicePulses.TryParse("voice-W2026-20.", out _, out _));
        Assert.False(VoicePulses.TryParse("voice-2026-W48.tenant-1", out _, out _));
    }
}
