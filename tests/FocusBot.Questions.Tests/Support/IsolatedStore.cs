using FocusBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Questions.Tests.Support;

/// <summary>
/// Points a test host's storage at its own folder. FocusBotTestHost passes Storage:Sqlite:DataDirectory through
/// ConfigureAppConfiguration, which WebApplicationFactory applies only after Program.cs has already read the storage
/// settings, so every host would share the default ~/.local/share/FocusBot/focusbot.db. Registering the SQLite stores
/// again from a configuration naming the folder makes the last registrations, the ones resolved, use it.
/// </summary>
public static class IsolatedStore
{
    public static void Use(IServiceCollection services, string dataDirectory) =>
        Use(services, new Dictionary<string, string?> { ["Storage:Sqlite:DataDirectory"] = dataDirectory });

    /// <summary>Azure Table storage (Azurite in tests), with a table prefix of the test's own.</summary>
    public static void UseAzureTables(IServiceCollection services, string connectionString, string tablePrefix) =>
        Use(services, AzureTables(connectionString, tablePrefix));

    /// <summary>Creates the tables ahead of the hosts, as a deployment does, so hosts starting together do not race to create them.</summary>
    public static async Task CreateAzureTablesAsync(string connectionString, string tablePrefix, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        Use(services, AzureTables(connectionString, tablePrefix));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(cancellationToken);
    }

    private static Dictionary<string, string?> AzureTables(string connectionString, string tablePrefix) => new()
    {
        ["Storage:Provider"] = "AzureTables",
        ["Storage:AzureTables:ConnectionString"] = connectionString,
        ["Storage:AzureTables:TablePrefix"] = tablePrefix,
    };

    private static void Use(IServiceCollection services, Dictionary<string, string?> settings) =>
        services.AddFocusBotStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
