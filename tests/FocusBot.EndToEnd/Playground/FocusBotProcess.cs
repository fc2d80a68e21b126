using System.Net;
using FocusBot.TestSupport;

namespace FocusBot.EndToEnd.Playground;

/// <summary>FocusBot started as a real process from the FocusBot.dll beside the tests, in Development with a temp SQLite store.</summary>
internal sealed class FocusBotProcess : IAsyncDisposable
{
    private readonly DirectoryInfo _dataDirectory;

    private FocusBotProcess(ChildProcess process, Uri baseAddress, DirectoryInfo dataDirectory)
    {
        Process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public ChildProcess Process { get; }

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public static async Task<FocusBotProcess> StartAsync(CancellationToken cancellationToken)
    {
        var binFolder = AppContext.BaseDirectory;
        var dll = Path.Combine(binFolder, "FocusBot.dll");
        if (!File.Exists(dll) || !File.Exists(Path.Combine(binFolder, "FocusBot.runtimeconfig.json")))
            throw new FileNotFoundException($"FocusBot.dll and its runtimeconfig must be in {binFolder}: build this test project (it references bot/FocusBot).", dll);

        var port = LoopbackPort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var dataDirectory = Directory.CreateTempSubdirectory("focusbot-e2e-data-");
        var process = ChildProcess.Start(
            "dotnet",
            [dll, "--urls", baseAddress.ToString().TrimEnd('/')],
            workingDirectory: binFolder,
            environment: new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DevTools__Playground__Enabled"] = "false",
                ["Storage__Sqlite__DataDirectory"] = dataDirectory.FullName,
                // Development mode (no auth, loopback only) needs no app id; never inherit one from the machine.
                ["MicrosoftAppId"] = null,
                ["MicrosoftAppPassword"] = null,
                ["ASPNETCORE_URLS"] = null,
            });
        var bot = new FocusBotProcess(process, baseAddress, dataDirectory);
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

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Waits.Max);
        string lastAnswer = "no answer";
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
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"FocusBot's /healthz did not answer 200 within {Waits.Max.TotalSeconds:0} s (last: {lastAnswer}). Output:\n{Process.Log}");
            }
        }

        await Process.WaitForExitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        throw new InvalidOperationException($"FocusBot exited before it was healthy. Output:\n{Process.Log}");
    }
}
