using FocusBot.Tests.Support;

[assembly: AssemblyFixture(typeof(FocusBot.Insights.Tests.Support.AzuriteFixture))]

namespace FocusBot.Insights.Tests.Support;

/// <summary>One Azurite for the test assembly; each host gets its own tables through a random table prefix.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => (_server ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async ValueTask InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
