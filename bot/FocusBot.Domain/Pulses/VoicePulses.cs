using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Pulses;

/// <summary>
/// "One thing" comments sent at any time have no pulse of their own: each ISO week has a Voice pulse that groups them,
/// never stored, rebuilt from its id. A comment goes to the week still open for figures: the current week, or the next
/// one once the current week is sealed, so nothing changes a sealed week.
/// </summary>
public static class VoicePulses
{
    public const string Prefix = "voice-";

    /// <summary>The question comments are filed under when the bank has no Voice question.</summary>
    public static readonly Question FallbackQuestion = new()
    {
        Id = "v-one-thing",
        Text = "What one thing could we do better for our customers?",
        Dimension = QuestionDimension.Voice,
        Level = 1,
        Kind = QuestionKind.FreeText,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public static Pulse For(string tenantId, string questionId, TrendPeriod week)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (week.Kind != PeriodKind.Week)
            throw new ArgumentException("A Voice pulse belongs to a week.", nameof(week));
        return new Pulse
        {
            Id = PulseIds.Voice(week.Key, tenantId),
            TenantId = tenantId,
            QuestionIds = [questionId],
            OpensAt = new DateTimeOffset(week.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            ClosesAt = week.EndsAt,
            Status = PulseStatus.Open,
        };
    }

    /// <summary>The tenant and week of a Voice pulse's id (<see cref="PulseIds.Voice"/>); false for any other id.</summary>
    public static bool TryParse(string pulseId, out string tenantId, out TrendPeriod week)
    {
        ArgumentNullException.ThrowIfNull(pulseId);
        tenantId = string.Empty;
        week = default;
        var dot = pulseId.IndexOf('.', StringComparison.Ordinal);
        if (!pulseId.StartsWith(Prefix, StringComparison.Ordinal) || dot < 0
            || !TrendPeriod.TryParse(pulseId[Prefix.Length..dot], out var parsed) || parsed.Kind != PeriodKind.Week)
            return false;
        var tenant = pulseId[(dot + 1)..];
        if (tenant.Length == 0 || PulseIds.Voice(parsed.Key, tenant) != pulseId)
            return false;
        (tenantId, week) = (tenant, parsed);
        return true;
    }

    /// <summary>How far back "one thing" comments are looked for (rebuild, erasure).</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(2 * 366);

    /// <summary>The Voice pulses of every week from <see cref="LookBack"/> before <paramref name="today"/> to next week.</summary>
    public static IEnumerable<Pulse> Recent(string tenantId, DateOnly today)
    {
        var last = TrendPeriod.WeekOf(today).Next();
        for (var week = TrendPeriod.WeekOf(today.AddDays(-LookBack.Days)); week <= last; week = week.Next())
            yield return For(tenantId, FallbackQuestion.Id, week);
    }
}
