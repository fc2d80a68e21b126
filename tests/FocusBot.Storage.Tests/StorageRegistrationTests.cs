using FocusBot.Domain.Answers;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAnswerStore>());

        Assert.Contains("Storage:AzureTables:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:AzureTables:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:AzureTables:Endpoint", "table.example", "Storage:AzureTables:Endpoint 'table.example' is not an absolute URL.")]
    [InlineData("Storage:AzureTables:MaxAttempts", "0", "Storage:AzureTables:MaxAttempts must be a positive number, not '0'.")]
    [InlineData("Storage:AzureTables:ConnectionString", "AccountName=focusbot", "Storage:AzureTables:ConnectionString is not a usable storage connection string")]
    public void AddFocusBotStorage_AzureTablesSettingThatCannotWork_NamesTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { ["Storage:Provider"] = "AzureTables", ["Storage:AzureTables:Endpoint"] = "https://account.table.core.windows.net", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAnswerStore>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFocusBotStorage_AzureTablesSettings_AreBoundUnderTheirKeys()
    {
        using var provider = Build(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:Endpoint"] = "https://account.table.core.windows.net",
            ["Storage:AzureTables:SasToken"] = "sv=2019-02-02&sig=x",
            ["Storage:AzureTables:MaxAttempts"] = "3",
            ["Storage:AzureTables:RetryDelayMilliseconds"] = "20",
            ["Storage:AzureTables:RequestTimeoutSeconds"] = "10",
        });

        var options = provider.GetRequiredService<IOptions<AzureTablesOptions>>().Value;

        Assert.Equal(new Uri("https://account.table.core.windows.net"), options.Endpoint);
        Assert.Equal("sv=2019-02-02&sig=x", options.SasToken);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddFocusBotStorage(configuration).BuildServiceProvider();
    }
}
