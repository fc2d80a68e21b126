namespace FocusBot.Storage.Tests.Infrastructure;

/// <summary>One Azurite for the whole test assembly; each test gets its own tables through a random table prefix.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => Azurite.ConnectionString;

    public Uri TableEndpoint => Azurite.TableEndpoint;

    private AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public async ValueTask InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
