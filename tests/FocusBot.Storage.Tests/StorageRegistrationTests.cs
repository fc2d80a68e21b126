using FocusBot.Domain.Answers;
using FocusBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Storage.Tests;

public sealed class StorageRegistrationTests
{
    [Fact]
    public void AddFocusBotStorage_NoProvider_UsesSqliteUnderTheConfiguredFolder()
    {
        using var provider = Build(new() { ["Storage:Sqlite:DataDirectory"] = "/tmp/focusbot-registration" });

        Assert.Equal(Path.Combine("/tmp/focusbot-registration", "focusbot.db"), provider.GetRequiredService<SqliteStorageOptions>().FilePath);
        Assert.NotNull(provider.GetRequiredService<IAnswerStore>());
    }

    [Fact]
    public void AddFocusBotStorage_UnknownProvider_SaysWhichOnesExist()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:Provider"] = "Cosmos" }));

        Assert.Contains("Sqlite or AzureTables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFocusBotStorage_AzureTablesWithoutConnection_NamesTheMissingSettings()
    {
        using var provider = Build(new() { ["Storage:Provider"] = "AzureTables" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IAnswerStore>());

        Assert.Contains("Storage:AzureTables:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:AzureTables:Endpoint", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddFocusBotStorage(configuration).BuildServiceProvider();
    }
}
