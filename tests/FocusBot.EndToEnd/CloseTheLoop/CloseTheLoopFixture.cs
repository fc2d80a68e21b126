using System.Globalization;
using FocusBot.Development;
using FocusBot.EndToEnd.Playground;
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

    private readonly RestartableFocusBot _bot = new("loop");
    private readonly PlaygroundChat _chat = new();
    private SimulatedColleagues? _colleagues;

    public IPage Page => _chat.Page;

    public ChildProcess Bot => _bot.Process;

    internal SimulatedColleagues Colleagues => _colleagues ?? throw new InvalidOperationException("The fixture is not initialized.");

    public Uri MessagesEndpoint => _bot.MessagesEndpoint;

    /// <summary>Every card shown in Alex's chat, oldest first.</summary>
    public ILocator Cards => _chat.Cards;

    /// <summary>FocusBot a week behind; Alex opens the chat, which installs FocusBot.</summary>
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            _colleagues = await SimulatedColleagues.StartAsync(cancellationToken);
            // The weekly scheduler stays off until the week after: on its own schedule it could open the week's pulse first.
            await StartBotAsync([], new Dictionary<string, string?>
            {
                ["DevTools__ClockOffset"] = LastWeek.ToString("c", CultureInfo.InvariantCulture),
                ["Pulse__RunInBackground"] = "false",
            }, cancellationToken);
            await _chat.OpenAsync(_bot, TimeZone, height: 1500, cancellationToken);
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
    public Task RestartForThePulseAsync(CancellationToken cancellationToken) => StartBotAsync([DevelopmentSwitches.PulseNow], new Dictionary<string, string?>
    {
        ["DevTools__ClockOffset"] = LastWeek.ToString("c", CultureInfo.InvariantCulture),
        ["Pulse__RunInBackground"] = "false",
    }, cancellationToken);

    /// <summary>
    /// Restarts FocusBot on today's date: the scheduler closes the pulse, which has run its days, and opens no new one; the
    /// trends pass then seals its week. No results cards yet, so the action recorded this week is on them.
    /// </summary>
    public Task RestartForTheWeekAfterAsync(CancellationToken cancellationToken) => StartBotAsync([], new Dictionary<string, string?>
    {
        ["Pulse__Enabled"] = "false",
        ["Pulse__ResultsCard__Enabled"] = "false",
        ["Reports__DigestCheckInterval"] = DigestCheckInterval,
    }, cancellationToken);

    /// <summary>Restarts FocusBot with results cards on: the next trends pass queues them for everyone the pulse reached.</summary>
    public Task RestartForTheResultsAsync(CancellationToken cancellationToken) => StartBotAsync([], new Dictionary<string, string?>
    {
        ["Pulse__Enabled"] = "false",
        ["Pulse__ResultsCard__Enabled"] = "true",
        ["Reports__DigestCheckInterval"] = DigestCheckInterval,
    }, cancellationToken);

    /// <summary>Types <paramref name="text"/> in Alex's chat and sends it with Enter, as a person would.</summary>
    public Task SendAsync(string text) => _chat.SendAsync(text);

    /// <summary>Opens one of the Playground's conversations (the team's "General", or "Personal Chat") by its name in the list.</summary>
    public async Task OpenConversationAsync(string name)
    {
        await Page.GetByText(name, new() { Exact = true }).First.ClickAsync();
        await PlaygroundPage.MessageBox(Page).WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    /// <summary>Waits for a card containing <paramref name="text"/> after the first <paramref name="after"/> cards.</summary>
    public Task<ILocator> WaitForCardAsync(string text, int after) => _chat.WaitForCardAsync(text, after);

    /// <summary>Scrolls <paramref name="card"/> into view and saves the page to artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public async Task<string> ScreenshotAsync(ILocator card, string name)
    {
        await card.ScrollIntoViewIfNeededAsync();
        return await Chromium.ScreenshotAsync(Page, name);
    }

    /// <summary>Saves every FocusBot run's output, the Playground's logs, the browser console and the colleagues' chats under artifacts/e2e/.</summary>
    public async Task SaveDiagnosticsAsync(string name)
    {
        var prefix = await Diagnostics.SaveAsync(name, null, _chat.Playground, _chat.BrowserConsole);
        await File.WriteAllTextAsync(prefix + ".focusbot.log", _bot.Log + "\n");
        if (_colleagues is not null)
            await File.WriteAllTextAsync(prefix + ".colleagues.log", _colleagues.Describe() + "\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _chat.DisposeAsync();
        await _bot.DisposeAsync();
        if (_colleagues is not null)
            await _colleagues.DisposeAsync();
        _colleagues = null;
    }

    /// <summary>
    /// The trends pass looks for closed pulses when FocusBot starts and then this often (10 minutes by default): the pulse
    /// closes in the scheduler's first pass, which may come just after the trends pass's first look.
    /// </summary>
    private const string DigestCheckInterval = "00:00:02";

    /// <summary>(Re)starts FocusBot over the same store and port with the settings every phase shares and <paramref name="settings"/>.</summary>
    private Task StartBotAsync(string[] switches, Dictionary<string, string?> settings, CancellationToken cancellationToken) =>
        _bot.StartAsync(new Dictionary<string, string?>(settings)
        {
            ["Bot__AdminAadObjectIds"] = PlaygroundDefaults.User.AadObjectId,
            ["Pulse__DefaultTimeZone"] = TimeZone,
        }, switches, cancellationToken);
}

/// <summary>One FocusBot (restarted from phase to phase), Playground, browser and Connector simulator for the loop.</summary>
[CollectionDefinition(Name)]
public sealed class CloseTheLoopCollectionDefinition : ICollectionFixture<CloseTheLoopFixture>
{
    public const string Name = "Agents Playground: close the loop";
}
