using Xunit;

namespace FocusBot.TestSupport;

/// <summary>
/// One Azurite for a test assembly (<c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>); each test keeps to its
/// own tables through a table prefix of its own.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite is not started.");

    public string ConnectionString => Server.ConnectionString;

    public Uri TableEndpoint => Server.TableEndpoint;

    /// <summary>A table prefix no other test uses, so tests sharing this Azurite never see each other's rows.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public async ValueTask InitializeAsync() => _server = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
