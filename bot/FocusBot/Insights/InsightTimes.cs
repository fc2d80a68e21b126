using System.Globalization;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Messaging;

namespace FocusBot.Insights;

/// <summary>
/// Times of insights as their authors chose them: in the author's own time zone, which Teams sends with every activity
/// (or, failing that, the one FocusBot last heard from their chat), and shown back with its name.
/// </summary>
public sealed class InsightTimes(IConversationStore conversations)
{
    /// <summary>The zone of whoever sent the activity; UTC when Teams has never told FocusBot.</summary>
    public async Task<TimeZoneInfo> ZoneOfSenderAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (PulseCalendar.FindZone(turn.Activity.SenderTimeZone) is { } sent)
            return sent;
        var chat = turn.Activity.From?.Id is { Length: > 0 } userId ? await conversations.GetPersonalForUserAsync(turn.TenantId, userId, cancellationToken) : null;
        return PulseCalendar.FindZone(chat?.TimeZone) ?? TimeZoneInfo.Utc;
    }

    /// <summary>"Tuesday 14 July 2026 at 09:00 (Europe/London)".</summary>
    public static string Show(DateTimeOffset time, string? zoneId) => Show(time, PulseCalendar.FindZone(zoneId) ?? TimeZoneInfo.Utc);

    public static string Show(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({NameOf(zone)})";
    }

    public static string NameOf(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
    }
}
