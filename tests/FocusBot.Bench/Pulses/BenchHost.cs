using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FocusBot.Bench.Pulses;

/// <summary>
/// The real FocusBot host on a loopback Kestrel port with a fresh SQLite store: Development without an app id, so inbound
/// requests from loopback need no token and outbound calls go to the simulator with none. Given a data directory, it uses
/// that one and leaves it behind (the cold-start scenario seeds a store this way for another process to open).
/// </summary>
internal sealed class BenchHost(IReadOnlyDictionary<string, string?> settings, string? dataDirectory = null) : WebApplicationFactory<Program>
{
    private readonly bool _ownsDataDirectory = dataDirectory is null;

    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("focusbot-bench-").FullName;

    /// <summary>Starts the host and returns its base address.</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The host's project folder is not beside the bench's output; it needs no files from it.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("Storage:Sqlite:DataDirectory", DataDirectory);
        builder.UseSetting("DevTools:Playground:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDataDirectory)
            return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans temp folders.
        }
    }
}
