using FocusBot.TestSupport;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// Debian's headless Chromium driven by Playwright, the one way every end-to-end test opens a page, plus what the tests
/// do with the Playground's chat: find a card, take a screenshot.
/// </summary>
internal static class Chromium
{
    /// <summary>Cards in the chat, not the cards nested inside them.</summary>
    public const string TopLevelCards = ".ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)";

    private static readonly string[] s_args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Chromium is Debian's; Playwright must never fetch one of its own (there is no internet here).
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = s_args, Timeout = Waits.MaxMilliseconds });
        return (playwright, browser);
    }

    /// <summary>Closes the browser (it may already be gone with a crashed page) and releases Playwright.</summary>
    public static async Task CloseAsync(IBrowser? browser, IPlaywright? playwright)
    {
        if (browser is not null)
        {
            try
            {
                await browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // already gone
            }
        }

        playwright?.Dispose();
    }

    /// <summary>A page that may reach loopback only, with the tests' wait bound, writing its console to <paramref name="console"/>.</summary>
    public static async Task<IPage> OpenPageAsync(IBrowser browser, Action<string> console, int height = 1400, string? timeZone = null)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = height }, TimezoneId = timeZone });
        // The Playground asks the internet for fonts and telemetry; tests talk to loopback only, so refuse those at once.
        await page.Context.RouteAsync(url => !IsLoopback(url), route => route.AbortAsync("blockedbyclient"));
        page.SetDefaultTimeout(Waits.MaxMilliseconds);
        page.Console += (_, message) => console($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => console($"[pageerror] {error}");
        Assertions.SetDefaultExpectTimeout(Waits.MaxMilliseconds);
        return page;
    }

    /// <summary>
    /// Waits for a card containing <paramref name="text"/> among the cards after the first <paramref name="after"/> and
    /// returns it: a locator by position, so it still finds the card after FocusBot replaces it in place.
    /// </summary>
    public static async Task<ILocator> WaitForCardAsync(IPage page, string text, int after)
    {
        // Teams' renderer puts word joiners (U+2060) into some text; they are not what a reader sees.
        const string findCard = """
            ([selector, text, from]) => {
              const cards = [...document.querySelectorAll(selector)];
              for (let i = from; i < cards.length; i++) {
                if (cards[i].innerText.replaceAll('\u2060', '').includes(text)) return i + 1;
              }
              return 0;
            }
            """;
        var cards = page.Locator(TopLevelCards);
        try
        {
            var found = await page.WaitForFunctionAsync(findCard, new object[] { TopLevelCards, text, after }, new() { Timeout = Waits.MaxMilliseconds, PollingInterval = 100 });
            return cards.Nth(await found.JsonValueAsync<int>() - 1);
        }
        catch (TimeoutException)
        {
            var shown = await cards.AllInnerTextsAsync();
            throw new TimeoutException($"No card containing \"{text}\" within {Waits.Max.TotalSeconds:0} s. Cards shown ({shown.Count}):\n" + string.Join("\n---\n", shown));
        }
    }

    /// <summary>Saves a full-page screenshot to artifacts/screenshots/<paramref name="name"/>.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(RepositoryPaths.Artifacts, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Timeout = Waits.MaxMilliseconds });
        return path;
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Scheme is "data" or "blob" or "about");
}
