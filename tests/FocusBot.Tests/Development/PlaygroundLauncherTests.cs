using FocusBot.Development;
using FocusBot.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Development;

/// <summary>
/// The launcher `dotnet run` starts in Development, run in a throwaway copy of the repository's layout: it installs the
/// Agents Playground alone (from dev-tools/playground, never the test tools under tests/), and when npm fails it shows
/// what npm said. These run the real npm and node.
/// </summary>
public sealed class PlaygroundLauncherTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("focusbot-launcher-");
    private readonly LogCapture _log = new();
    private readonly ILoggerFactory _loggers;

    public PlaygroundLauncherTests() => _loggers = LoggerFactory.Create(builder => builder.AddProvider(_log));

    [Fact]
    public async Task BrokenPackageFolder_ReportsWhatNpmSaid()
    {
        // A package.json cut short: npm refuses it before fetching anything. Both folders, so that whichever the launcher
        // installs from, npm's error is what it has to show.
        foreach (var folder in (string[])[PlaygroundInstaller.RelativeFolder, "tests"])
        {
            var path = Directory.CreateDirectory(Path.Combine(_repository.FullName, folder)).FullName;
            await File.WriteAllTextAsync(Path.Combine(path, "package.json"), """{ "name": "broken", "dependencies": { """, TestContext.Current.CancellationToken);
            File.Copy(Path.Combine(RealPlaygroundFolder, "package-lock.json"), Path.Combine(path, "package-lock.json"));
        }

        var launcher = await StartLauncherAsync();
        await launcher.ExecuteTask!.WaitAsync(Wait, TestContext.Current.CancellationToken);
        await launcher.StopAsync(CancellationToken.None);

        var said = string.Join("\n", _log.Entries.Select(e => e.Message));
        Assert.Contains("npm ci failed with exit code 1", said, StringComparison.Ordinal);
        Assert.Contains("EJSONPARSE", said, StringComparison.Ordinal);
        Assert.DoesNotContain("is Node.js", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Chat with FocusBot", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshClone_InstallsOnlyThePlayground_AndStartsIt()
    {
        var playground = Directory.CreateDirectory(Path.Combine(_repository.FullName, PlaygroundInstaller.RelativeFolder)).FullName;
        foreach (var file in (string[])["package.json", "package-lock.json"])
            File.Copy(Path.Combine(RealPlaygroundFolder, file), Path.Combine(playground, file));
        var tests = Directory.CreateDirectory(Path.Combine(_repository.FullName, "tests")).FullName;
        foreach (var file in (string[])["package.json", "package-lock.json"])
            File.Copy(Path.Combine(RepositoryPaths.Root, "tests", file), Path.Combine(tests, file));

        var launcher = await StartLauncherAsync();
        try
        {
            var page = await launcher.Listening.WaitAsync(Wait, TestContext.Current.CancellationToken);

            Assert.True(page is not null, string.Join("\n", _log.Entries.Select(e => e.Message)));
            // npm's own .bin and .package-lock.json aside, one scope holding one package.
            Assert.Equal(["@microsoft"], Directory.GetDirectories(Path.Combine(playground, "node_modules")).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')));
            Assert.Equal(["m365agentsplayground"], Directory.GetDirectories(Path.Combine(playground, "node_modules", "@microsoft")).Select(Path.GetFileName));
            Assert.True(File.Exists(PlaygroundInstaller.CliPath(playground)));
            Assert.False(Directory.Exists(Path.Combine(tests, "node_modules")), "The test tools were installed too.");
            Assert.Contains(_log.Entries, e => e.Message.StartsWith("Agents Playground installed in", StringComparison.Ordinal));
            Assert.Contains(_log.Entries, e => e.Message == $"Chat with FocusBot in the Microsoft 365 Agents Playground: {page.ToString().TrimEnd('/')}");
        }
        finally
        {
            await launcher.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _loggers.Dispose();
        _log.Dispose();
        try
        {
            _repository.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string RealPlaygroundFolder => Path.Combine(RepositoryPaths.Root, PlaygroundInstaller.RelativeFolder);

    /// <summary>The launcher in a fake repository (FocusBot.sln at its root), as if FocusBot had just started listening.</summary>
    private async Task<PlaygroundLauncher> StartLauncherAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_repository.FullName, "FocusBot.sln"), string.Empty, TestContext.Current.CancellationToken);
        var contentRoot = Directory.CreateDirectory(Path.Combine(_repository.FullName, "bot", "FocusBot")).FullName;
        var launcher = new PlaygroundLauncher(
            Options.Create(new PlaygroundOptions { Port = FreePort() }),
            new ListeningServer("http://127.0.0.1:9"),
            new StartedLifetime(),
            new ContentRoot(contentRoot),
            _loggers.CreateLogger<PlaygroundLauncher>());
        await launcher.StartAsync(TestContext.Current.CancellationToken);
        return launcher;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A server that says where FocusBot listens, which is all the launcher asks of it.</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted { get; } = new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    private sealed class ContentRoot(string path) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = path;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "FocusBot";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = path;

        public string EnvironmentName { get; set; } = "Development";
    }
}
