using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FocusBot.TestSupport;

/// <summary>
/// A real Azurite Table service (npm `azurite`, installed in tests/node_modules from the committed lockfile) on a free
/// loopback port, in memory; disposing kills it with everything it started.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's account name and published, well-known key; they open nothing but a local emulator.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Generous: node loading Azurite on two cores shared with other builds.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ChildProcess _process;

    private AzuriteServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The node process serving the tables (benchmarks read its processor time).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The table service's account address, without a trailing slash.</summary>
    public Uri TableEndpoint => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/{AccountName}"));

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>Starts Azurite and returns once its port accepts connections; throws with its output when it does not.</summary>
    public static Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(debugLog: null, cancellationToken);

    /// <summary>
    /// Starts Azurite as <see cref="StartAsync(CancellationToken)"/> does; given <paramref name="debugLog"/>, Azurite writes
    /// its debug log there: a line per request with its method and address (benchmarks count requests with it; it slows
    /// Azurite down).
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(string? debugLog, CancellationToken cancellationToken = default)
    {
        var script = RepositoryPaths.NodePackageFile("azurite", Path.Combine("dist", "src", "table", "main.js"));
        var port = LoopbackPorts.Free();
        // --silent: no access log, which would keep a line per request in memory for the whole test run.
        string[] arguments = [script, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence",
            "--skipApiVersionCheck", "--disableTelemetry", "--silent"];
        var process = ChildProcess.Start("node", debugLog is null ? arguments : [.. arguments, "--debug", debugLog], Path.GetTempPath());
        var server = new AzuriteServer(process, port);
        try
        {
            await server.WaitUntilListeningAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops it at once, as an outage would; calling it again does nothing.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // Azurite says nothing when it listens (--silent), so its port is asked.
    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        while (!_process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        throw _process.HasExited
            ? new InvalidOperationException($"Azurite exited with code {_process.ExitCode} at start. Output:\n{_process.Log}")
            : new TimeoutException($"Azurite did not open port {Port} within {StartTimeout.TotalSeconds:0} s. Output:\n{_process.Log}");
    }
}
