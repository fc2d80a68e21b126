using System.Globalization;
using FocusBot.Domain.Pulses;
using FocusBot.EndToEnd.Playground;
using FocusBot.Pulses;
using FocusBot.TestSupport;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Pulses;

/// <summary>
/// Alex Wilber (the Playground's user) has installed FocusBot in their personal chat; then pulse day comes. FocusBot,
/// the Agents Playground and headless Chromium, with FocusBot started twice over one store: first with no schedule
/// running (so the install is stored), then, by <see cref="StartPulseDayAsync"/>, with a schedule that makes now pulse
/// time, as after HR changes the schedule and the web app restarts.
/// </summary>
/// <remarks>
/// Why the restart: the scheduler looks for due pulses when FocusBot starts and then once a minute, and it can only open
/// a pulse for a tenant it knows an installation of. In a fresh store the install comes after the first look, so the
/// pulse would come on the next minute's tick, later than a 30 s wait. Started over a store that holds the install,
/// the scheduler's first look opens the pulse and the real fan-out sends it through the Playground's /_connector.
/// </remarks>
public sealed class PulseDayFixture : IAsyncLifetime
{
    /// <summary>
    /// Where Alex lives: UTC+14, the earliest zone on Earth, which the pulse calendar uses to tell which week it is.
    /// In that zone this week's Monday 00:00 has always passed and the week's pulse is never yet closed, whatever the day
    /// the test runs (in UTC it would be next week's pulse from Sunday 10:00 UTC on).
    /// </summary>
    public const string TimeZone = "Pacific/Kiritimati";

    /// <summary>The schedule of pulse day: Mondays at midnight in each person's zone, open for a week.</summary>
    public static readonly PulseOptions PulseDaySchedule = new()
    {
        SendDay = DayOfWeek.Monday,
        SendTime = TimeOnly.MinValue,
        DefaultTimeZone = TimeZone,
        CloseAfterDays = 7,
    };

    private readonly RestartableFocusBot _bot = new("pulse");
    private readonly PlaygroundChat _chat = new();

    public IPage Page => _chat.Page;

    public ChildProcess Bot => _bot.Process;

    /// <summary>Every card shown in the chat, oldest first (not the cards nested in an Action.ShowCard).</summary>
    public ILocator Cards => _chat.Cards;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            // Before pulse day nothing runs in the background, so this instance holds no lease the next one must wait out.
            await _bot.StartAsync(new Dictionary<string, string?>
            {
                ["Pulse__RunInBackground"] = "false",
                ["Delivery__RunInBackground"] = "false",
            }, cancellationToken);
            // Loading the personal chat installs FocusBot for Alex; the browser is in Alex's zone too.
            await _chat.OpenAsync(_bot, TimeZone, height: 1400, cancellationToken);
        }
        catch
        {
            await SaveDiagnosticsAsync("pulse-fixture-startup");
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Restarts FocusBot over the same store and port with <see cref="PulseDaySchedule"/> and the scheduler running.</summary>
    public async Task StartPulseDayAsync(CancellationToken cancellationToken)
    {
        // FocusBot's own calendar must agree that Alex's send time has passed and the pulse is not yet closed.
        var calendar = new PulseCalendar(PulseDaySchedule.ToSchedule());
        var now = DateTimeOffset.UtcNow;
        var cycle = calendar.CycleAt(now);
        Assert.True(cycle.OnCadence && calendar.SendTimeFor(cycle, TimeZone) <= now && now < cycle.ClosesAt,
            $"The pulse-day schedule does not make {now:u} pulse time in {TimeZone}: week {cycle.Week}, send date {cycle.SendDate}, closes {cycle.ClosesAt:u}.");

        await _bot.StartAsync(new Dictionary<string, string?>
        {
            ["Pulse__SendDay"] = PulseDaySchedule.SendDay.ToString(),
            ["Pulse__SendTime"] = PulseDaySchedule.SendTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Pulse__DefaultTimeZone"] = PulseDaySchedule.DefaultTimeZone,
            ["Pulse__CloseAfterDays"] = PulseDaySchedule.CloseAfterDays.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
    }

    /// <summary>Waits for a card containing <paramref name="text"/> after the first <paramref name="after"/> cards.</summary>
    public Task<ILocator> WaitForCardAsync(string text, int after) => _chat.WaitForCardAsync(text, after);

    /// <summary>Saves a full-page screenshot to artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public Task<string> ScreenshotAsync(string name) => Chromium.ScreenshotAsync(Page, name);

    /// <summary>Saves both FocusBot runs' output, the Playground's logs and the browser console under artifacts/e2e/.</summary>
    public async Task SaveDiagnosticsAsync(string name)
    {
        var prefix = await Diagnostics.SaveAsync(name, null, _chat.Playground, _chat.BrowserConsole);
        await File.WriteAllTextAsync(prefix + ".focusbot.log", _bot.Log + "\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _chat.DisposeAsync();
        await _bot.DisposeAsync();
    }
}
