using System.Globalization;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Settings;

namespace FocusBot.Domain.Trends;

/// <summary>
/// How long raw answers and comments are kept, and which periods have lost theirs. They go a whole ISO week at a time:
/// a week is retired once it lies wholly before the retention line, the Monday of the week holding the day
/// <see cref="Months"/> months ago, so everything deleted is older than that. A period that starts before the line (a
/// retired week, or a month or quarter whose first weeks are retired) keeps its sealed figures but shows no comments and
/// is never rebuilt: what is left of it would be part of the period passed off as the whole, and the comments left of
/// it, set against the whole shown earlier, would date the ones that went.
/// </summary>
public sealed class RawAnswerRetention(int months, ISettingsStore settings, TimeProvider timeProvider)
{
    public const int DefaultMonths = 24;

    /// <summary>
    /// The shortest period allowed: the longest span the `comments` view reads from raw answers
    /// (<see cref="TrendSpans.Max"/> of months, and 8 quarters). The trend figures need no raw answers at all: they are
    /// counted as answers arrive and sealed when each period closes.
    /// </summary>
    public const int MinimumMonths = 24;

    /// <summary>Ten years: longer keeps answers that no view reads.</summary>
    public const int MaximumMonths = 120;

    /// <summary>The line a tenant's deletion has begun at (written before anything is deleted; it never moves back).</summary>
    public const string LineKey = "retention:raw-answers-before";

    /// <summary>The line a tenant's deletion has finished at (written once everything before it has gone).</summary>
    public const string DoneKey = "retention:raw-answers-done-before";

    public int Months => months;

    /// <summary>The retention line at <paramref name="now"/>: weeks starting before it are retired.</summary>
    public DateOnly LineAt(DateTimeOffset now) => TrendPeriod.WeekOf(DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-months)).FirstDay;

    /// <summary>
    /// The line for the tenant now: today's, or a later one a deletion has already begun at (after the period was made
    /// longer, what went stays gone and its periods stay retired).
    /// </summary>
    public async Task<DateOnly> LineAsync(string tenantId, CancellationToken cancellationToken)
    {
        var line = LineAt(timeProvider.GetUtcNow());
        return await ReadAsync(tenantId, LineKey, cancellationToken) is { } begun && begun > line ? begun : line;
    }

    /// <summary>Whether the period's raw answers are (or are being) deleted.</summary>
    public static bool IsRetired(TrendPeriod period, DateOnly line) => period.FirstDay < line;

    /// <summary>Whether the pulse's week is retired (a pulse counts in the week it opens in).</summary>
    public static bool IsRetired(Pulse pulse, DateOnly line)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        return IsRetired(TrendPeriod.AllFor(pulse.OpensAt)[0], line);
    }

    /// <summary>Records that the tenant's deletion begins at the current line, before anything is deleted; returns the line.</summary>
    public async Task<DateOnly> BeginAsync(string tenantId, CancellationToken cancellationToken)
    {
        var line = await LineAsync(tenantId, cancellationToken);
        if (await ReadAsync(tenantId, LineKey, cancellationToken) != line)
            await settings.SetAsync(tenantId, LineKey, Format(line), cancellationToken);
        return line;
    }

    /// <summary>The line up to which the tenant's deletion has finished, if it ever has.</summary>
    public Task<DateOnly?> DoneAsync(string tenantId, CancellationToken cancellationToken) => ReadAsync(tenantId, DoneKey, cancellationToken);

    public Task FinishAsync(string tenantId, DateOnly line, CancellationToken cancellationToken) =>
        settings.SetAsync(tenantId, DoneKey, Format(line), cancellationToken);

    private async Task<DateOnly?> ReadAsync(string tenantId, string key, CancellationToken cancellationToken) =>
        DateOnly.TryParseExact(await settings.GetAsync(tenantId, key, cancellationToken), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
