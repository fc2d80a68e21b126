using System.Collections.Concurrent;
using System.Security.Cryptography;
using FocusBot.Development;
using FocusBot.Domain.Trends;
using FocusBot.EndToEnd.Playground;
using FocusBot.Help;
using FocusBot.Pulses;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Journeys;

/// <summary>
/// FocusBot started the way the README's first ten minutes start it, `--seed-demo --pulse-now` before any other setting
/// (demo history; the Playground's user Admin, HR and Executive; a pulse as soon as the chat opens), with the Agents
/// Playground and headless Chromium. The first opening of the chat happens here, so the pulse it brings is checked
/// once, by <see cref="PulseNowTests"/>; each journey then opens the chat afresh.
/// </summary>
public sealed class DemoPlaygroundFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _browserConsole = new();
    private DirectoryInfo? _data;
    private IPlaywright? _playwright;

    /// <summary>The key report links are signed with, so tests can sign links of their own.</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    public ChildProcess Bot { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    internal AgentsPlaygroundProcess Playground { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What the pulse card said when the chat was first opened, or null with <see cref="PulseNowProblem"/>.</summary>
    public string? PulseCardOnFirstOpening { get; private set; }

    public string? PulseNowProblem { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            _data = Directory.CreateTempSubdirectory("focusbot-e2e-demo-");
            BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
            // FocusBot records the Playground's team at the Playground's Connector: it has to know that port before it starts.
            var playgroundPort = LoopbackPorts.Free();
            Bot = ChildProcess.Start("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "FocusBot.dll"), DemoSeeder.Option, "--pulse-now", "--urls", BaseAddress.ToString().TrimEnd('/')],
                AppContext.BaseDirectory, new Dictionary<string, string?>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["DevTools__Playground__Enabled"] = "false",
                    ["DevTools__Playground__Port"] = playgroundPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Storage__Sqlite__DataDirectory"] = _data.FullName,
                    ["Reports__SigningKey"] = Convert.ToBase64String(SigningKey),
                    ["MicrosoftAppId"] = null,
                    ["MicrosoftAppPassword"] = null,
                    ["ASPNETCORE_URLS"] = null,
                });
            await Bot.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Waits.FirstPageLoad, cancellationToken);
            Playground = await AgentsPlaygroundProcess.StartAsync(new Uri(BaseAddress, "/api/messages"), null, playgroundPort, cancellationToken);
            Assert.True(Playground.PageAddress.Port == playgroundPort, $"The Playground took port {Playground.PageAddress.Port}, not {playgroundPort} as FocusBot was told.");
            (_playwright, Browser) = await Chromium.LaunchAsync();
            await OpenTheChatForTheFirstTimeAsync();
        }
        catch
        {
            await SaveDiagnosticsAsync("demo-fixture-startup");
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new page on the Playground's personal chat, its welcome card shown.</summary>
    public async Task<IPage> OpenPersonalChatAsync(int height = 1100)
    {
        var page = await Chromium.OpenPageAsync(Browser, _browserConsole.Enqueue, height);
        await PlaygroundPage.LoadAsync(page, Playground.PageAddress, Waits.FirstPageLoad);
        await Chromium.WaitForCardAsync(page, WelcomeCard.Title, 0);
        return page;
    }

    /// <summary>Types <paramref name="text"/> in the chat and sends it with Enter, as a person would.</summary>
    public static Task SendAsync(IPage page, string text) => PlaygroundPage.SendAsync(page, text);

    /// <summary>A report link for the Playground's user, who holds HR in the demo.</summary>
    public string ReportAddress(string slice = TrendSlices.Org)
    {
        var signer = new ReportLinkSigner(ReportSigningKey.From(Convert.ToBase64String(SigningKey), null, isDevelopment: true), TimeProvider.System);
        var link = new ReportLink(DemoSeeder.PlaygroundTenantId, DemoSeeder.PlaygroundUserAadObjectId, "user-id-0", slice, PeriodKind.Week, 12, DateTimeOffset.UtcNow.AddHours(1));
        return new Uri(BaseAddress, ReportUrls.Relative(ReportUrls.PagePath, signer.Sign(link))).ToString();
    }

    public Task SaveDiagnosticsAsync(string name) => Diagnostics.SaveAsync(name, Bot, Playground, _browserConsole);

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync(Browser, _playwright);
        if (Playground is not null)
            await Playground.DisposeAsync();
        if (Bot is not null)
            await Bot.DisposeAsync();
        try
        {
            _data?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// Opening the chat is an install, which `--pulse-now` waits for: the pulse card should follow the welcome. What came
    /// is kept for <see cref="PulseNowTests"/> rather than failing here, so the journeys still run when it did not come.
    /// </summary>
    private async Task OpenTheChatForTheFirstTimeAsync()
    {
        var page = await OpenPersonalChatAsync(height: 1400);
        try
        {
            var card = await Chromium.WaitForCardAsync(page, PulseCard.Title, 0);
            PulseCardOnFirstOpening = (await card.InnerTextAsync()).Replace("\u2060", string.Empty, StringComparison.Ordinal);
            await card.ScrollIntoViewIfNeededAsync();
            await Chromium.ScreenshotAsync(page, "pulse-now-first-chat");
        }
        catch (TimeoutException ex)
        {
            PulseNowProblem = ex.Message;
            await Chromium.ScreenshotAsync(page, "pulse-now-first-chat.failed");
            await SaveDiagnosticsAsync("pulse-now-first-chat");
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}

/// <summary>One FocusBot (with the demo), Playground and browser for the journeys and the report page.</summary>
[CollectionDefinition(Name)]
public sealed class DemoPlaygroundCollectionDefinition : ICollectionFixture<DemoPlaygroundFixture>
{
    public const string Name = "Agents Playground: the README's demo";
}
