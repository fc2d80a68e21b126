using System.Globalization;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;
using Microsoft.Extensions.Options;

namespace FocusBot.Recognitions;

/// <summary>Where a person stands against the weekly limit on recognising colleagues.</summary>
/// <param name="Limit">Recognition:PeerLimitPerWeek; null for an Executive, who is not limited.</param>
/// <param name="Given">Colleagues they recognised this week.</param>
/// <param name="NextWeek">When the next week starts, and with it a fresh allowance.</param>
public sealed record PeerAllowance(int? Limit, int Given, DateTimeOffset NextWeek, TimeZoneInfo Zone)
{
    public int? Left => Limit is { } limit ? Math.Max(0, limit - Given) : null;

    public bool IsSpent => Left == 0;

    /// <summary>"Monday 30 November", in the tenant's time zone.</summary>
    public string NextWeekText => TimeZoneInfo.ConvertTime(NextWeek, Zone).ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    /// <summary>For the form: how many are left this week.</summary>
    public string Text => Left switch
    {
        null => "Executives are not limited in how many colleagues they recognise.",
        0 => $"You have recognised {Given} colleagues this week, the most one person can. You can recognise again from {NextWeekText}.",
        1 => $"You can recognise 1 more colleague this week (up to {Limit} a week).",
        var left => string.Create(CultureInfo.InvariantCulture, $"You can recognise {left} more colleagues this week (up to {Limit} a week)."),
    };

    /// <summary>Why a post was refused: the limit, and when they can post again.</summary>
    public string Refusal => string.Create(CultureInfo.InvariantCulture,
        $"You have already recognised {Given} colleague{(Given == 1 ? "" : "s")} this week, the most one person can ({Limit} a week). " +
        $"You can recognise again from {NextWeekText}: your form is kept here, so you can post it then.");
}

/// <summary>
/// How many colleagues one person may recognise: Recognition:PeerLimitPerWeek per calendar week of the tenant's pulse
/// calendar (Monday to Sunday in Pulse:DefaultTimeZone), counted from what they posted. Executives are not limited.
/// </summary>
public sealed class PeerRecognitionLimit(
    IRecognitionStore recognitions,
    RoleResolver roles,
    PulseSchedule schedule,
    IOptionsMonitor<RecognitionOptions> options,
    TimeProvider timeProvider)
{
    private readonly PulseCalendar _calendar = new(schedule);

    public async Task<PeerAllowance> AllowanceAsync(string tenantId, ChannelAccount sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var (start, end) = _calendar.CalendarWeekAt(timeProvider.GetUtcNow());
        if ((await roles.GetRolesAsync(tenantId, sender.AadObjectId, sender.Id, cancellationToken)).Contains(Role.Executive))
            return new PeerAllowance(null, 0, end, _calendar.Zone);
        var given = await recognitions.ListGivenAsync(tenantId, sender.Id, sender.AadObjectId, start, cancellationToken);
        return new PeerAllowance(options.CurrentValue.PeerLimitPerWeek, given.Count, end, _calendar.Zone);
    }
}
