using System.Globalization;

namespace FocusBot.Domain.Pulses;

/// <summary>
/// Builds every <see cref="Pulse.Id"/>: the ISO week first, then the tenant, so one store holds every tenant's pulses and
/// the week can be read back from the id.
/// </summary>
public static class PulseIds
{
    /// <summary>A tenant's pulse of an ISO week, "2026-W48.{tenant}": one a week, so the scheduler finds it again by id.</summary>
    public static string Weekly(string week, string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(week);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return $"{week}.{tenantId}";
    }

    /// <summary>A further pulse opened at once in a week that has one already, "2026-W48.now-20261124093000.{tenant}".</summary>
    public static string OpenedNow(string week, DateTimeOffset at, string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(week);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return string.Create(CultureInfo.InvariantCulture, $"{week}.now-{at.UtcDateTime:yyyyMMddHHmmss}.{tenantId}");
    }

    /// <summary>
    /// The never-stored pulse a week's "one thing" comments are filed under, by the week's trend key:
    /// "voice-W2026-48.{tenant}" (<see cref="VoicePulses"/>).
    /// </summary>
    public static string Voice(string trendWeekKey, string tenantId) => VoicePulses.Prefix + Weekly(trendWeekKey, tenantId);

    /// <summary>The id's part before the tenant: the week ("2026-W48"; "voice-W2026-48" for a Voice pulse).</summary>
    public static string WeekOf(string pulseId)
    {
        ArgumentNullException.ThrowIfNull(pulseId);
        var dot = pulseId.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? pulseId : pulseId[..dot];
    }
}
