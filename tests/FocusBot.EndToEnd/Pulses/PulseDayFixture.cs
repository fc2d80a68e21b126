using System.Collections.Concurrent;
using System.Globalization;
using FocusBot.Domain.Pulses;
using FocusBot.EndToEnd.Playground;
using FocusBot.Help;
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

    private readonly Uri _botAddress = new($"http://127.0.0.1:{LoopbackPorts.Free()}");
    private readonly ConcurrentQueue<string> _browserConsole = new();
    private readonly List<string> _earlierBotLogs = [];
    private DirectoryInfo? _data;
    private ChildProcess? _bot;
    private AgentsPlaygroundProcess? _playground;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public IPage Page => _page ?? throw new InvalidOperationException("The fixture is not initialized.");

    public ChildProcess Bot => _bot ?? throw new InvalidOperationException("FocusBot is not running.");

    /// <summary>Every card shown in the chat, oldest first (not the cards nested in an Action.ShowCard).</summary>
    public ILocator Cards => Page.Locator(Chromium.TopLevelCards);

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            _data = Directory.CreateTempSubdirectory("focusbot-e2e-pulse-");
            // Before pulse day nothing runs in the background, so this instance holds no lease the next one must wait out.
            await StartBotAsync(new Dictionary<string, string?>
            {
                ["Pulse__RunInBackground"] = "false",
                ["Delivery__RunInBackground"] = "false",
            }, cancellationToken);
            _playground = await AgentsPlaygroundProcess.StartAsync(new Uri(_botAddress, "/api/messages"), TimeZone, cancellationToken);

            (_playwright, _browser) = await Chromium.LaunchAsync();
            // The browser is in Alex's zone too: messages typed in the page report the browser's zone.
            _page = await Chromium.OpenPageAsync(_browser, _browserConsole.Enqueue, timeZone: TimeZone);

            // Loading the personal chat installs FocusBot for Alex.
            await _page.GotoAsync(_playground.PageAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });
            await _page.Locator("[data-lexical-editor=\"true\"]").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Waits.FirstPageLoad.TotalMilliseconds });
            await Bot.WaitForOutputAsync(line => line.Contains("Installation remembered (Personal)", StringComparison.Ordinal), Waits.Max, cancellationToken);
            await WaitForCardAsync(WelcomeCard.Title, 0);
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

        await StopBotAsync();
        await StartBotAsync(new Dictionary<string, string?>
        {
            ["Pulse__SendDay"] = PulseDaySchedule.SendDay.ToString(),
            ["Pulse__SendTime"] = PulseDaySchedule.SendTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Pulse__DefaultTimeZone"] = PulseDaySchedule.DefaultTimeZone,
            ["Pulse__CloseAfterDays"] = PulseDaySchedule.CloseAfterDays.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
    }

    /// <summary>Waits for a card containing <paramref name="text"/> after the first <paramref name="after"/> cards.</summary>
    public Task<ILocator> WaitForCardAsync(string text, int after) => Chromium.WaitForCardAsync(Page, text, after);

    /// <summary>Saves a full-page screenshot to artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public Task<string> ScreenshotAsync(string name) => Chromium.ScreenshotAsync(Page, name);

    /// <summary>Saves both FocusBot runs' output, the Playground's logs and the browser console under artifacts/e2e/.</summary>
    public async Task SaveDiagnosticsAsync(string name)
    {
        var prefix = Path.Combine(RepositoryPaths.Artifacts, "e2e", name);
        Directory.CreateDirectory(Path.GetDirectoryName(prefix)!);
        await File.WriteAllTextAsync(prefix + ".focusbot.log", string.Join("\n--- FocusBot restarted ---\n", [.. _earlierBotLogs, _bot?.Log ?? string.Empty]) + "\n");
        if (_playground is not null)
            await _playground.SaveLogsAsync(prefix + ".playground", CancellationToken.None);
        await File.WriteAllLinesAsync(prefix + ".browser-console.log", _browserConsole);
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync(_browser, _playwright);
        if (_playground is not null)
            await _playground.DisposeAsync();
        await StopBotAsync();
        try
        {
            _data?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }

        _browser = null;
        _playwright = null;
        _playground = null;
    }

    private async Task StartBotAsync(Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DevTools__Playground__Enabled"] = "false",
            ["Storage__Sqlite__DataDirectory"] = _data!.FullName,
            // Development mode (no auth, loopback only) needs no app id; never inherit one from the machine.
            ["MicrosoftAppId"] = null,
            ["MicrosoftAppPassword"] = null,
            ["ASPNETCORE_URLS"] = null,
        };
        _bot = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "FocusBot.dll"), "--urls", _botAddress.ToString().TrimEnd('/')],
            AppContext.BaseDirectory, environment);
        await _bot.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Waits.Max, cancellationToken);
    }

    private async Task StopBotAsync()
    {
        if (_bot is null)
            return;
        await _bot.DisposeAsync();
        _earlierBotLogs.Add(_bot.Log);
        _bot = null;
    }
}
