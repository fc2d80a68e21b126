using System.Collections.Concurrent;
using System.Globalization;
using FocusBot.Development;
using FocusBot.EndToEnd.Playground;
using FocusBot.Help;
using FocusBot.TestSupport;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.CloseTheLoop;

/// <summary>
/// One pulse followed from its week into the week after: FocusBot (restarted over one store and one port, first on a clock
/// a week behind, <c>DevTools:ClockOffset</c>, then on today's), the Agents Playground with Alex Wilber's chat open in
/// headless Chromium throughout (the Playground forgets a chat on every page load), and nine colleagues simulated through
/// /api/messages (<see cref="SimulatedColleagues"/>). Everything runs in UTC: FocusBot's default time zone, the Playground's
/// user and the browser, so the pulse's week is the same week for all of them.
/// </summary>
/// <remarks>
/// Alex is Admin by configuration and becomes HR in the chat. `--seed-demo` would make Alex HR at once, but its 12 weeks of
/// made-up comments would fill `comments` and the action form's themes, which read the last 12 weeks: this week's ten
/// comments would be a few among hundreds.
/// </remarks>
public sealed class CloseTheLoopFixture : IAsyncLifetime
{
    public const string TimeZone = "Etc/UTC";

    /// <summary>FocusBot's clock while the pulse runs: a week behind, so its week is last week when the clock is put right.</summary>
    public static readonly TimeSpan LastWeek = TimeSpan.FromDays(-7);

    private readonly Uri _botAddress = new($"http://127.0.0.1:{LoopbackPorts.Free()}");
    private readonly ConcurrentQueue<string> _browserConsole = new();
    private readonly List<string> _earlierBotLogs = [];
    private DirectoryInfo? _data;
    private ChildProcess? _bot;
    private AgentsPlaygroundProcess? _playground;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private SimulatedColleagues? _colleagues;

    public IPage Page => _page ?? throw new InvalidOperationException("The fixture is not initialized.");

    public ChildProcess Bot => _bot ?? throw new InvalidOperationException("FocusBot is not running.");

    internal SimulatedColleagues Colleagues => _colleagues ?? throw new InvalidOperationException("The fixture is not initialized.");

    public Uri MessagesEndpoint => new(_botAddress, "/api/messages");

    /// <summary>Every card shown in Alex's chat, oldest first.</summary>
    public ILocator Cards => Page.Locator(Chromium.TopLevelCards);

    /// <summary>FocusBot a week behind with nothing running in the background; Alex opens the chat, which installs FocusBot.</summary>
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            _data = Directory.CreateTempSubdirectory("focusbot-e2e-loop-");
            _colleagues = await SimulatedColleagues.StartAsync(cancellationToken);
            // Nothing in the background yet: this instance holds no lease (the sender's) that the next one would wait out.
            await StartBotAsync([], new Dictionary<string, string?>
            {
                ["DevTools__ClockOffset"] = LastWeek.ToString("c", CultureInfo.InvariantCulture),
                ["Pulse__RunInBackground"] = "false",
                ["Delivery__RunInBackground"] = "false",
            }, cancellationToken);
            _playground = await AgentsPlaygroundProcess.StartAsync(MessagesEndpoint, TimeZone, cancellationToken);
            (_playwright, _browser) = await Chromium.LaunchAsync();
            _page = await Chromium.OpenPageAsync(_browser, _browserConsole.Enqueue, height: 1500, timeZone: TimeZone);

            await _page.GotoAsync(_playground.PageAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });
            await MessageBox.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Waits.FirstPageLoad.TotalMilliseconds });
            await Bot.WaitForOutputAsync(line => line.Contains("Installation remembered (Personal)", StringComparison.Ordinal), Waits.Max, cancellationToken);
            await WaitForCardAsync(WelcomeCard.Title, 0);
        }
        catch
        {
            await SaveDiagnosticsAsync("close-the-loop-startup");
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Restarts FocusBot still a week behind, with `--pulse-now`: the next time someone opens FocusBot's personal chat, that
    /// week's pulse opens for everyone FocusBot can reach. The weekly scheduler stays off, so it opens no pulse of its own.
    /// </summary>
    public Task RestartForThePulseAsync(CancellationToken cancellationToken) => RestartAsync([DevelopmentSwitches.PulseNow], new Dictionary<string, string?>
    {
        ["DevTools__ClockOffset"] = LastWeek.ToString("c", CultureInfo.InvariantCulture),
        ["Pulse__RunInBackground"] = "false",
    }, cancellationToken);

    /// <summary>
    /// Restarts FocusBot on today's date: the scheduler closes the pulse, which has run its days, and opens no new one; the
    /// trends pass then seals its week. No results cards yet, so the action recorded this week is on them.
    /// </summary>
    public Task RestartForTheWeekAfterAsync(CancellationToken cancellationToken) => RestartAsync([], new Dictionary<string, string?>
    {
        ["Pulse__Enabled"] = "false",
        ["Pulse__ResultsCard__Enabled"] = "false",
        ["Reports__DigestCheckInterval"] = DigestCheckInterval,
    }, cancellationToken);

    /// <summary>Restarts FocusBot with results cards on: the next trends pass queues them for everyone the pulse reached.</summary>
    public Task RestartForTheResultsAsync(CancellationToken cancellationToken) => RestartAsync([], new Dictionary<string, string?>
    {
        ["Pulse__Enabled"] = "false",
        ["Pulse__ResultsCard__Enabled"] = "true",
        ["Reports__DigestCheckInterval"] = DigestCheckInterval,
    }, cancellationToken);

    /// <summary>Types <paramref name="text"/> in Alex's chat and sends it with Enter, as a person would.</summary>
    public async Task SendAsync(string text)
    {
        await MessageBox.ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Opens one of the Playground's conversations (the team's "General", or "Personal Chat") by its name in the list.</summary>
    public async Task OpenConversationAsync(string name)
    {
        await Page.GetByText(name, new() { Exact = true }).First.ClickAsync();
        await MessageBox.WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    /// <summary>Waits for a card containing <paramref name="text"/> after the first <paramref name="after"/> cards.</summary>
    public Task<ILocator> WaitForCardAsync(string text, int after) => Chromium.WaitForCardAsync(Page, text, after);

    /// <summary>Scrolls <paramref name="card"/> into view and saves the page to artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public async Task<string> ScreenshotAsync(ILocator card, string name)
    {
        await card.ScrollIntoViewIfNeededAsync();
        return await Chromium.ScreenshotAsync(Page, name);
    }

    /// <summary>Saves every FocusBot run's output, the Playground's logs, the browser console and the colleagues' chats under artifacts/e2e/.</summary>
    public async Task SaveDiagnosticsAsync(string name)
    {
        var prefix = await Diagnostics.SaveAsync(name, null, _playground, _browserConsole);
        await File.WriteAllTextAsync(prefix + ".focusbot.log", string.Join("\n--- FocusBot restarted ---\n", [.. _earlierBotLogs, _bot?.Log ?? string.Empty]) + "\n");
        if (_colleagues is not null)
            await File.WriteAllTextAsync(prefix + ".colleagues.log", _colleagues.Describe() + "\n");
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync(_browser, _playwright);
        if (_playground is not null)
            await _playground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
        if (_colleagues is not null)
            await _colleagues.DisposeAsync();
        try
        {
            _data?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }

        (_browser, _playwright, _playground, _bot, _colleagues) = (null, null, null, null, null);
    }

    /// <summary>
    /// The trends pass looks for closed pulses when FocusBot starts and then this often (10 minutes by default): the pulse
    /// closes in the scheduler's first pass, which may come just after the trends pass's first look.
    /// </summary>
    private const string DigestCheckInterval = "00:00:02";

    private ILocator MessageBox => Page.Locator("[data-lexical-editor=\"true\"]");

    /// <summary>Stops FocusBot as a host does (SIGTERM: leases are given back) and starts it again over the same store and port.</summary>
    private async Task RestartAsync(string[] switches, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        if (_bot is not null)
        {
            await _bot.TerminateAsync(TimeSpan.FromSeconds(45), cancellationToken);
            await _bot.DisposeAsync();
            _earlierBotLogs.Add(_bot.Log);
            _bot = null;
        }

        await StartBotAsync(switches, settings, cancellationToken);
    }

    private async Task StartBotAsync(string[] switches, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DevTools__Playground__Enabled"] = "false",
            ["Storage__Sqlite__DataDirectory"] = _data!.FullName,
            ["Bot__AdminAadObjectIds"] = PlaygroundDefaults.User.AadObjectId,
            ["Pulse__DefaultTimeZone"] = TimeZone,
            // Development mode (no auth, loopback only) needs no app id; never inherit one from the machine.
            ["MicrosoftAppId"] = null,
            ["MicrosoftAppPassword"] = null,
            ["ASPNETCORE_URLS"] = null,
        };
        _bot = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "FocusBot.dll"), .. switches, "--urls", _botAddress.ToString().TrimEnd('/')],
            AppContext.BaseDirectory, environment);
        await _bot.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Waits.Max, cancellationToken);
    }
}

/// <summary>One FocusBot (restarted from phase to phase), Playground, browser and Connector simulator for the loop.</summary>
[CollectionDefinition(Name)]
public sealed class CloseTheLoopCollectionDefinition : ICollectionFixture<CloseTheLoopFixture>
{
    public const string Name = "Agents Playground: close the loop";
}
