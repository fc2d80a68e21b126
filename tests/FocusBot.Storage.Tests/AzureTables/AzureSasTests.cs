using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using FocusBot.Domain.Pulses;
using FocusBot.Storage.Tests.Contracts;
using FocusBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>Storage:AzureTables:Endpoint with a SasToken: an account SAS signed with Azurite's well-known key.</summary>
public sealed class AzureSasTests(AzuriteFixture azurite)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_EndpointAndAccountSas_StoresAndReadsThePulse()
    {
        await using var provider = Open(Sas(TableAccountSasPermissions.All));
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(Token);
        var pulses = provider.GetRequiredService<IPulseStore>();

        await pulses.CreateAsync(TestData.Pulse("2026-W49", TestData.Monday), Token);

        Assert.Equal("2026-W49", (await pulses.GetAsync("2026-W49", Token))?.Id);
    }

    [Fact]
    public async Task InitializeAsync_ReadOnlySas_IsRefusedByTheService()
    {
        await using var provider = Open(Sas(TableAccountSasPermissions.Read | TableAccountSasPermissions.List));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => provider.GetRequiredService<IStorageInitializer>().InitializeAsync(Token));

        Assert.Equal(403, error.Status);
    }

    private string Sas(TableAccountSasPermissions permissions)
    {
        var keyed = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(AzuriteServer.AccountName, AzuriteServer.AccountKey));
        return keyed.GenerateSasUri(permissions, TableAccountSasResourceTypes.All, DateTimeOffset.UtcNow.AddHours(1)).Query;
    }

    private ServiceProvider Open(string sasToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:Endpoint"] = azurite.TableEndpoint.AbsoluteUri,
            ["Storage:AzureTables:SasToken"] = sasToken,
            ["Storage:AzureTables:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Storage:AzureTables:MaxAttempts"] = "2",
        }).Build();
        return new ServiceCollection().AddFocusBotStorage(configuration).BuildServiceProvider();
    }
}
