using System.Net;

namespace FocusBot.TestSupport;

/// <summary>
/// FocusBot as a real process (<c>dotnet FocusBot.dll</c> from the test's bin folder) on a free loopback port, so a test
/// can do to it what happens to a server: crash it (SIGKILL, no shutdown code runs) or stop it as a host does (SIGTERM),
/// and start another over the same store. Settings are passed as command-line <c>--Key=value</c>, which override
/// appsettings and the environment.
/// </summary>
public sealed class FocusBotChildProcess : IAsyncDisposable
{
    /// <summary>Generous: two cores shared with other builds can make a cold start slow.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private FocusBotChildProcess(string name, ChildProcess process, Uri baseAddress)
    {
        Name = name;
        Process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>What the test calls this instance in messages and log file names.</summary>
    public string Name { get; }

    public ChildProcess Process { get; }

    public Uri BaseAddress { get; }

    public int Id => Process.Id;

    public bool HasExited => Process.HasExited;

    /// <summary>
    /// Starts FocusBot in <paramref name="environment"/> (Development accepts loopback callers without a token) and returns
    /// once GET /healthz answers 200; throws with the process's output when it exits or does not get there in time.
    /// </summary>
    public static async Task<FocusBotChildProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> settings,
        string environment = "Development", CancellationToken cancellationToken = default)
    {
        var binFolder = AppContext.BaseDirectory;
        var dll = Path.Combine(binFolder, "FocusBot.dll");
        if (!File.Exists(dll) || !File.Exists(Path.Combine(binFolder, "FocusBot.runtimeconfig.json")))
            throw new FileNotFoundException($"FocusBot.dll and its runtimeconfig must be in {binFolder}: the test project must reference bot/FocusBot.", dll);

        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        List<string> arguments = [dll, "--urls", baseAddress.ToString().TrimEnd('/'), "--DevTools:Playground:Enabled=false"];
        arguments.AddRange(settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}"));
        var process = ChildProcess.Start("dotnet", arguments, binFolder, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["DOTNET_ENVIRONMENT"] = null,
            // Never inherit an identity or an address from the machine the tests run on.
            ["MicrosoftAppId"] = null,
            ["MicrosoftAppPassword"] = null,
            ["MicrosoftAppTenantId"] = null,
            ["ASPNETCORE_URLS"] = null,
        });
        var bot = new FocusBotChildProcess(name, process, baseAddress);
        try
        {
            await bot.WaitUntilHealthyAsync(cancellationToken);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>Crashes it: SIGKILL to the process and anything it started; returns once it is gone.</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) => Process.KillAsync(TimeSpan.FromSeconds(15), cancellationToken);

    /// <summary>Stops it as a host would (SIGTERM: in-flight work finishes, leases are released); returns once it has exited.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => Process.TerminateAsync(TimeSpan.FromSeconds(45), cancellationToken);

    /// <summary>Writes its output to <c>{folder}/{Name}.log</c>.</summary>
    public Task SaveLogAsync(string folder, CancellationToken cancellationToken = default) =>
        Process.SaveLogAsync(Path.Combine(folder, Name + ".log"), cancellationToken);

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        var lastAnswer = "no answer";
        while (!Process.HasExited)
        {
            try
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), deadline.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                        return;
                    lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(deadline.Token)}";
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !deadline.IsCancellationRequested))
                {
                    // Not listening yet, or too busy starting to answer within the request's own timeout.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"{Name}: /healthz did not answer 200 within {StartTimeout.TotalSeconds:0} s (last: {lastAnswer}). Output:\n{Process.Log}");
            }
        }

        await Process.WaitForExitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        throw new InvalidOperationException($"{Name} exited with code {Process.ExitCode} before it was healthy. Output:\n{Process.Log}");
    }
}
