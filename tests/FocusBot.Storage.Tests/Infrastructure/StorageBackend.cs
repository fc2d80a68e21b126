using FocusBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Storage.Tests.Infrastructure;

/// <summary>
/// One storage location (a temp SQLite file, or a set of Azurite tables) that can be opened several times, each time
/// as a fresh service provider built by AddFocusBotStorage: opening it again is a restart.
/// </summary>
public abstract class StorageBackend : IAsyncDisposable
{
    public abstract string Name { get; }

    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public async Task<StorageScope> OpenAsync(TimeProvider timeProvider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddFocusBotStorage(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        return new StorageScope(provider);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

public sealed class StorageScope(ServiceProvider provider) : IAsyncDisposable
{
    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}

public sealed class SqliteBackend : StorageBackend
{
    public SqliteBackend(int busyTimeoutSeconds = 5)
    {
        Directory = Path.Combine(Path.GetTempPath(), "focusbot-tests", Guid.NewGuid().ToString("N"));
        Settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:DataDirectory"] = Directory,
            ["Storage:Sqlite:BusyTimeoutSeconds"] = busyTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, "focusbot.db");

    public override string Name => "SQLite";

    protected override IReadOnlyDictionary<string, string?> Settings { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

public sealed class AzureTablesBackend(string connectionString, int maxAttempts = 4, int retryDelayMilliseconds = 200) : StorageBackend
{
    public string TablePrefix { get; } = AzuriteFixture.NewTablePrefix();

    public override string Name => "Azure Tables (Azurite)";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureTables",
        ["Storage:AzureTables:ConnectionString"] = connectionString,
        ["Storage:AzureTables:TablePrefix"] = TablePrefix,
        ["Storage:AzureTables:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Storage:AzureTables:RetryDelayMilliseconds"] = retryDelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Storage:AzureTables:RequestTimeoutSeconds"] = "10",
    };
}
