using System.Globalization;
using FocusBot.Configuration;

namespace FocusBot.Development;

/// <summary>
/// `DevTools:ClockOffset`, in Development: FocusBot runs as if the date were that far from now (a TimeSpan such as
/// `-8.00:00:00`), so a developer, or the end-to-end test of the whole loop, can answer a pulse "last week" and then see
/// what follows once its week is over: the figures sealed, the comments readable, the results card sent. Timers still
/// run in real time; only the date FocusBot reads moves. Outside Development FocusBot refuses to start with it, as with
/// the other development switches (<see cref="DevelopmentSwitches"/>).
/// </summary>
public sealed class DevelopmentClock(TimeSpan offset) : TimeProvider
{
    /// <summary>Further than this either way is a typo, not a rehearsal: refused at start.</summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(400);

    public TimeSpan Offset => offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    /// <summary>Says on the console, once the host is built, that the clock is shifted and to when.</summary>
    public static async Task AnnounceAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<TimeProvider>() is DevelopmentClock clock)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"FocusBot clock: shifted by {clock.Offset:c} ({ConfigurationKeys.DevToolsClockOffset}); it is {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC for FocusBot."));
        }
    }

    /// <summary>The offset the configuration asks for (zero when it asks for none), or why it cannot be used.</summary>
    public static (TimeSpan Offset, string? Problem) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[ConfigurationKeys.DevToolsClockOffset];
        if (string.IsNullOrWhiteSpace(text))
            return (TimeSpan.Zero, null);
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var offset))
            return (TimeSpan.Zero, $"{ConfigurationKeys.DevToolsClockOffset} must be a time span such as -8.00:00:00 (days.hours:minutes:seconds); it is '{text}'.");
        if (offset.Duration() > MaxOffset)
            return (TimeSpan.Zero, $"{ConfigurationKeys.DevToolsClockOffset} must be within {MaxOffset.Days} days of now either way; it is {offset.ToString("c", CultureInfo.InvariantCulture)}.");
        return (offset, null);
    }
}
