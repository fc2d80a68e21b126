using System.Collections.Concurrent;
using FocusBot.TestSupport;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// One FocusBot process, one Agents Playground and one headless Chromium page for a test collection, with the few
/// moves a person makes in Teams: open the personal chat, type a message, wait for a card, take a screenshot.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _browserConsole = new();
    private readonly ConcurrentQueue<string> _timeline = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private FocusBotProcess? _bot;
    private AgentsPlaygroundProcess? _playground;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private int _cardsBeforeLastMessage;

    /// <summary>The Playground's chat page.</summary>
    public IPage Page => _page ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Every card shown in the chat, oldest first.</summary>
    public ILocator Cards => Page.Locator(Chromium.TopLevelCards);

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            _bot = await FocusBotProcess.StartAsync(cancellationToken);
            Mark("FocusBot healthy");
            _playground = await AgentsPlaygroundProcess.StartAsync(_bot.MessagesEndpoint, cancellationToken);
            Mark("Playground listening");

            (_playwright, _browser) = await Chromium.LaunchAsync();
            _page = await Chromium.OpenPageAsync(_browser, _browserConsole.Enqueue, height: 900);
            Mark("Chromium page ready");

            // Pay for the Playground's first (slow) page load here, so every test's load is a fast one.
            await OpenPersonalChatAsync(Waits.FirstPageLoad);
        }
        catch
        {
            await SaveDiagnosticsAsync("fixture-startup", CancellationToken.None);
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Loads the Playground's personal chat afresh: an empty chat, and FocusBot gets the installationUpdate a personal
    /// install sends (so its welcome card follows).
    /// </summary>
    public Task OpenPersonalChatAsync() => OpenPersonalChatAsync(Waits.Max);

    /// <summary>Types a message in the chat and sends it with Enter, as a person would.</summary>
    public async Task SendMessageAsync(string text)
    {
        _cardsBeforeLastMessage = await Cards.CountAsync();
        await MessageBox.ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// Waits for a card containing <paramref name="text"/> that arrived after the last message sent (or since the chat
    /// was opened), and returns it.
    /// </summary>
    public async Task<ILocator> WaitForCardAsync(string text)
    {
        var card = await Chromium.WaitForCardAsync(Page, text, _cardsBeforeLastMessage);
        Mark($"card containing \"{text}\" shown");
        return card;
    }

    /// <summary>Saves a screenshot of the page to artifacts/screenshots/<paramref name="name"/>.png and returns its path.</summary>
    public Task<string> ScreenshotAsync(string name) => Chromium.ScreenshotAsync(Page, name);

    /// <summary>Saves FocusBot's output, the Playground's logs, the browser console and the fixture's timeline under artifacts/e2e/.</summary>
    public async Task SaveDiagnosticsAsync(string name, CancellationToken cancellationToken)
    {
        var prefix = await Diagnostics.SaveAsync(name, _bot?.Process, _playground, _browserConsole, cancellationToken);
        await File.WriteAllLinesAsync(prefix + ".timeline.log", _timeline, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Kept after every run: how long the steps took on this machine (the first page load is the slow one).
        await IgnoreFailureAsync(() =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "e2e"));
            return File.WriteAllLinesAsync(Path.Combine(folder.FullName, "last-run.timeline.log"), _timeline);
        });

        // Each step on its own: one that fails must not leave the processes after it running.
        if (_browser is not null)
            await IgnoreFailureAsync(() => _browser.CloseAsync());
        _playwright?.Dispose();
        if (_playground is not null)
            await _playground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
        _browser = null;
        _playwright = null;
        _playground = null;
        _bot = null;
    }

    private async Task OpenPersonalChatAsync(TimeSpan timeout)
    {
        _cardsBeforeLastMessage = 0;
        // Navigation returns once the page is served; the wait that counts is for the chat to be usable.
        await Page.GotoAsync(_playground!.PageAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await MessageBox.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds });
        Mark("personal chat open");
    }

    /// <summary>Notes how long each step took, to tell a slow machine from a stuck step when a wait times out.</summary>
    private void Mark(string step) => _timeline.Enqueue($"{_clock.Elapsed.TotalSeconds,7:0.0} s  {step}");

    private ILocator MessageBox => Page.Locator("[data-lexical-editor=\"true\"]");

    private static async Task IgnoreFailureAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is PlaywrightException or IOException)
        {
            // Cleanup goes on: the browser is already gone, or the artifacts folder cannot be written.
        }
    }
}
