using FocusBot.EndToEnd.Playground;
using FocusBot.TestSupport;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Insights;

/// <summary>
/// FocusBot (its first Admin is the Playground's user, Alex Wilber), the Agents Playground and headless Chromium, for the
/// insight and recognition forms. Its own fixture because FocusBot needs that one setting the shared fixture does not give.
/// </summary>
public sealed class Issue5PlaygroundFixture : IAsyncLifetime
{
    /// <summary>The Playground's default user and tenant (its built-in configuration).</summary>
    public const string AlexAadObjectId = "00000000-0000-0000-0000-0000000000020";

    public const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";

    private DirectoryInfo? _data;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ChildProcess Bot { get; private set; } = null!;

    public Uri BotAddress { get; private set; } = null!;

    internal AgentsPlaygroundProcess Playground { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    public List<string> BrowserConsole { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            _data = Directory.CreateTempSubdirectory("focusbot-e2e-issue5-");
            BotAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
            Bot = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "FocusBot.dll"), "--urls", BotAddress.ToString().TrimEnd('/')],
                AppContext.BaseDirectory, new Dictionary<string, string?>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["DevTools__Playground__Enabled"] = "false",
                    ["Storage__Sqlite__DataDirectory"] = _data.FullName,
                    ["Bot__AdminAadObjectIds"] = AlexAadObjectId,
                    // The weekly pulse would arrive in the same chat whenever its schedule says; not what these tests look at.
                    ["Pulse__RunInBackground"] = "false",
                    ["MicrosoftAppId"] = null,
                    ["MicrosoftAppPassword"] = null,
                    ["ASPNETCORE_URLS"] = null,
                });
            await Bot.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Waits.FirstPageLoad, cancellationToken);
            Playground = await AgentsPlaygroundProcess.StartAsync(new Uri(BotAddress, "/api/messages"), cancellationToken);

            (_playwright, _browser) = await Chromium.LaunchAsync();
            Page = await Chromium.OpenPageAsync(_browser, BrowserConsole.Add);
        }
        catch
        {
            await SaveDiagnosticsAsync("issue5-fixture-startup");
            await DisposeAsync();
            throw;
        }
    }

    public Task SaveDiagnosticsAsync(string name) => Diagnostics.SaveAsync(name, Bot, Playground, BrowserConsole);

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync(_browser, _playwright);
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
            // a temp folder left behind is harmless
        }
    }
}
