using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FocusBot.Commands;
using FocusBot.EndToEnd.Playground;
using FocusBot.Help;
using FocusBot.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.FirstRun;

/// <summary>
/// The README's first command, as a newcomer runs it: a fresh clone of this repository (no bin/, obj/ or node_modules/),
/// `dotnet run --project bot/FocusBot`, the Playground address it prints opened in Chromium, and `help` typed there.
/// Only ports and the store's folder are chosen by the test, so it cannot collide with anything else on the machine.
/// How long each step took is written to artifacts/e2e/first-run.timeline.log.
/// </summary>
public sealed partial class FreshCloneTests : IAsyncLifetime
{
    /// <summary>Restore and first build of five projects, then npm ci: about 3 minutes on a busy 2-core machine.</summary>
    private static readonly TimeSpan FirstStartLimit = TimeSpan.FromMinutes(10);

    private readonly DirectoryInfo _clone = Directory.CreateTempSubdirectory("focusbot-e2e-clone-");
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("focusbot-e2e-clone-data-");
    private readonly List<string> _timeline = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _browserConsole = [];
    private ChildProcess? _run;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task FirstCommand_FromAFreshClone_PrintsThePlaygroundAddressWhereHelpWorks()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clone = await ChildProcess.RunAsync("git", ["clone", "--quiet", RepositoryPaths.Root, _clone.FullName], Waits.FirstPageLoad, cancellationToken: cancellationToken);
        Assert.True(clone.ExitCode == 0, "git clone failed:\n" + clone.Log);
        Assert.False(Directory.Exists(Path.Combine(_clone.FullName, "dev-tools", "playground", "node_modules")));
        Mark("cloned");

        _run = ChildProcess.Start("dotnet", ["run", "--project", "bot/FocusBot", "--", "--urls", $"http://127.0.0.1:{LoopbackPorts.Free()}"], _clone.FullName, Environment());
        await _run.WaitForOutputAsync(line => line.Contains("Now listening on", StringComparison.Ordinal), FirstStartLimit, cancellationToken);
        Mark("built and listening (dotnet run's restore and build)");
        var ready = await _run.WaitForOutputAsync(line => ReadyLine().IsMatch(line), FirstStartLimit - _clock.Elapsed, cancellationToken);
        Mark("Playground installed and listening");
        Assert.Contains(_run.StandardOutput, line => line.Contains("Installing the Agents Playground", StringComparison.Ordinal));
        Assert.Contains(_run.StandardOutput, line => line.Contains("Agents Playground installed in", StringComparison.Ordinal));
        Assert.DoesNotContain(_run.Log.Split('\n'), line => line.Contains("EBADENGINE", StringComparison.Ordinal));

        (_playwright, _browser) = await Chromium.LaunchAsync();
        _page = await Chromium.OpenPageAsync(_browser, _browserConsole.Add, height: 1300);
        await _page.GotoAsync(ReadyLine().Match(ready).Groups["url"].Value, new() { WaitUntil = WaitUntilState.Commit });
        var messageBox = _page.Locator("[data-lexical-editor=\"true\"]");
        await messageBox.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Waits.FirstPageLoad.TotalMilliseconds });
        await Chromium.WaitForCardAsync(_page, WelcomeCard.Title, 0);
        Mark("welcome card shown");

        var before = await _page.Locator(Chromium.TopLevelCards).CountAsync();
        await messageBox.ClickAsync();
        await _page.Keyboard.TypeAsync("help");
        await _page.Keyboard.PressAsync("Enter");
        var help = await Chromium.WaitForCardAsync(_page, HelpCard.Title, before);
        foreach (var command in CommandCatalog.All.Where(c => c.Scopes.HasFlag(BotCommandScope.Personal) && c.AllowedRoles.Count == 0))
            await Expect(help.GetByText(command.Name, new() { Exact = true })).ToBeVisibleAsync();
        Mark("help card shown");
        await help.ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(_page, "first-run-help");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", _timeline));
    }

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result is not TestResult.Passed;
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "e2e")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(folder, "first-run.timeline.log"), _timeline);
        if (failed)
        {
            if (_page is not null)
                await Chromium.ScreenshotAsync(_page, "first-run.failed");
            if (_run is not null)
                await _run.SaveLogAsync(Path.Combine(folder, "first-run.dotnet-run.log"));
            await File.WriteAllLinesAsync(Path.Combine(folder, "first-run.browser-console.log"), _browserConsole);
        }

        await Chromium.CloseAsync(_browser, _playwright);
        // dotnet run, FocusBot under it and the Playground under that: the whole tree goes.
        if (_run is not null)
            await _run.DisposeAsync();
        foreach (var folderToDelete in (DirectoryInfo[])[_clone, _data])
        {
            try
            {
                folderToDelete.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>
    /// The machine's environment (the test run's own build variables are never passed on, see <see cref="ChildProcess"/>),
    /// less what would aim FocusBot elsewhere, with its store and the Playground's port kept apart from anything else here.
    /// </summary>
    private Dictionary<string, string?> Environment() => new(StringComparer.Ordinal)
    {
        ["DOTNET_HOST_PATH"] = null,
        ["ASPNETCORE_ENVIRONMENT"] = null,
        ["ASPNETCORE_URLS"] = null,
        ["MicrosoftAppId"] = null,
        ["MicrosoftAppPassword"] = null,
        ["Storage__Sqlite__DataDirectory"] = _data.FullName,
        ["DevTools__Playground__Port"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
    };

    private void Mark(string step) => _timeline.Add($"{_clock.Elapsed.TotalSeconds,7:0.0} s  {step}");

    [GeneratedRegex(@"Chat with FocusBot in the Microsoft 365 Agents Playground: (?<url>http://\S+)")]
    private static partial Regex ReadyLine();
}
