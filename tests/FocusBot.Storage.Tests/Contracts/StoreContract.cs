using FocusBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Storage.Tests.Contracts;

/// <summary>
/// Base of every contract suite: each test gets its own fresh storage (new temp file, or new table prefix in Azurite)
/// opened through AddFocusBotStorage, and can reopen it to check what survives a restart.
/// </summary>
public abstract class StoreContract(Func<StorageBackend> createBackend) : IAsyncLifetime
{
    private StorageBackend? _backend;
    private StorageScope? _scope;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    protected StorageScope Stores => _scope ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The storage under test, for a suite that writes rows as an older FocusBot did.</summary>
    protected StorageBackend Backend => _backend ?? throw new InvalidOperationException("Not initialized.");

    public virtual async ValueTask InitializeAsync()
    {
        _backend = createBackend();
        _scope = await _backend.OpenAsync(Clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_scope is not null)
        {
            await _scope.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the stores and opens the same storage anew, as a process restart would.</summary>
    protected async Task RestartAsync()
    {
        await Stores.DisposeAsync();
        _scope = await _backend!.OpenAsync(Clock);
    }
}
