using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Pulses;

public sealed class PulseIdsTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Fact]
    public void Weekly_WeekAndTenant_IsTheWeekThenTheTenant()
    {
        Assert.Equal($"2026-W48.{Tenant}", PulseIds.Weekly("2026-W48", Tenant));
    }

    [Fact]
    public void OpenedNow_SameWeekAsTheWeeklyPulse_IsAnotherIdThatStillStartsWithTheWeek()
    {
        var at = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(1));

        var id = PulseIds.OpenedNow("2026-W48", at, Tenant);

        Assert.Equal($"2026-W48.now-20261124093000.{Tenant}", id);
        Assert.NotEqual(PulseIds.Weekly("2026-W48", Tenant), id);
        Assert.Equal("2026-W48", PulseIds.WeekOf(id));
    }

    [Fact]
    public void Voice_TrendWeek_IsWhatVoicePulsesFilesCommentsUnder()
    {
        var week = TrendPeriod.WeekOf(new DateOnly(2026, 11, 24));

        Assert.Equal(VoicePulses.For(Tenant, "v1", week).Id, PulseIds.Voice(week.Key, Tenant));
        Assert.StartsWith(VoicePulses.Prefix, PulseIds.Voice(week.Key, Tenant), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-W48." + Tenant, "2026-W48")]
    [InlineData("2026-W48.now-20261124093000." + Tenant, "2026-W48")]
    [InlineData("voice-W2026-48." + Tenant, "voice-W2026-48")]
    [InlineData("2026-W48", "2026-W48")]
    public void WeekOf_AnyPulseId_IsThePartBeforeTheFirstDot(string pulseId, string expected)
    {
        Assert.Equal(expected, PulseIds.WeekOf(pulseId));
    }

    [Theory]
    [InlineData("", Tenant)]
    [InlineData("2026-W48", "")]
    public void Weekly_EmptyPart_Throws(string week, string tenantId)
    {
        Assert.Throws<ArgumentException>(() => PulseIds.Weekly(week, tenantId));
    }
}
