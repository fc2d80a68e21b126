using FocusBot.EndToEnd.Playground;
using FocusBot.TestSupport;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Insights;

/// <summary>
/// FocusBot (its first Admin is the Playground's user, Alex Wilber), the Agents Playground and headless Chromium, for the
/// insight and recognition forms. Its own fixture because FocusBot needs that one setting the shared fixture does not give.
/// </summary>
public sealed class InsightAndRecognitionFixture : IAsyncLifetime
{
    /// <summary>The Playground's default user and tenant (its built-in configuration).</summary>
    public const string AlexAadObjectId = "00000000-0000-0000-0000-0000000000020";

    public const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";

    private DirectoryInfo? _data;
    private FocusBotChildProcess? _bot;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ChildProcess Bot => (_bot ?? throw new InvalidOperationException("FocusBot is not started.")).Process;

    internal AgentsPlaygroundProcess Playground { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    public List<string> BrowserConsole { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            _data = Directory.CreateTempSubdirectory("focusbot-e2e-insights-");
            _bot = await FocusBotChildProcess.StartAsync("FocusBot", new Dictionary<string, string?>
            {
                ["Storage:Sqlite:DataDirectory"] = _data.FullName,
                ["Bot:AdminAadObjectIds"] = AlexAadObjectId,
                // The weekly pulse would arrive in the same chat whenever its schedule says; not what these tests look at.
                ["Pulse:RunInBackground"] = "false",
            }, cancellationToken: cancellationToken);
            Playground = await AgentsPlaygroundProcess.StartAsync(new Uri(_bot.BaseAddress, "/api/messages"), cancellationToken);

            (_playwright, _browser) = await Chromium.LaunchAsync();
            Page = await Chromium.OpenPageAsync(_browser, BrowserConsole.Add);
        }
        catch
        {
            await SaveDiagnosticsAsync("insights-fixture-startup");
            await DisposeAsync();
            throw;
        }
    }

    public Task SaveDiagnosticsAsync(string name) => Diagnostics.SaveAsync(name, _bot?.Process, Playground, BrowserConsole);

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync(_browser, _playwright);
        if (Playground is not null)
            await Playground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
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
