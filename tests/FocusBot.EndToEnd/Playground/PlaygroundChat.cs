using System.Collections.Concurrent;
using FocusBot.Help;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// The Agents Playground pointed at a <see cref="RestartableFocusBot"/>, and headless Chromium with the Playground's page
/// open on its user's personal chat, which stays open while FocusBot restarts (the Playground forgets a chat on every page
/// load). Both are in one time zone: the Playground reports its own process's zone as the user's, and messages typed in
/// the page report the browser's.
/// </summary>
internal sealed class PlaygroundChat : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _browserConsole = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public AgentsPlaygroundProcess? Playground { get; private set; }

    public IPage Page => _page ?? throw new InvalidOperationException("The Playground's page is not open.");

    /// <summary>Every card shown in the chat, oldest first (not the cards nested in an Action.ShowCard).</summary>
    public ILocator Cards => Page.Locator(Chromium.TopLevelCards);

    public IEnumerable<string> BrowserConsole => _browserConsole;

    /// <summary>
    /// Starts the Playground and Chromium in <paramref name="timeZone"/> and loads the page (its first load, the slow one),
    /// which installs FocusBot in the user's personal chat; returns once FocusBot has remembered the install and its welcome
    /// card is shown.
    /// </summary>
    public async Task OpenAsync(RestartableFocusBot bot, string timeZone, int height, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        Playground = await AgentsPlaygroundProcess.StartAsync(bot.MessagesEndpoint, timeZone, cancellationToken);
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _page = await Chromium.OpenPageAsync(_browser, _browserConsole.Enqueue, height, timeZone);
        await PlaygroundPage.LoadAsync(_page, Playground.PageAddress, Waits.FirstPageLoad);
        await bot.Process.WaitForOutputAsync(line => line.Contains("Installation remembered (Personal)", StringComparison.Ordinal), Waits.Max, cancellationToken);
        await WaitForCardAsync(WelcomeCard.Title, 0);
    }

    /// <summary>Waits for a card containing <paramref name="text"/> after the first <paramref name="after"/> cards.</summary>
    public Task<ILocator> WaitForCardAsync(string text, int after) => Chromium.WaitForCardAsync(Page, text, after);

    /// <summary>Types <paramref name="text"/> in the chat and sends it with Enter, as a person would.</summary>
    public Task SendAsync(string text) => PlaygroundPage.SendAsync(Page, text);

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync(_browser, _playwright);
        if (Playground is not null)
            await Playground.DisposeAsync();
        (_browser, _playwright, _page, Playground) = (null, null, null, null);
    }
}
