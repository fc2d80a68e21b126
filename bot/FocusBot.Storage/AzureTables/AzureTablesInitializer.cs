namespace FocusBot.Storage.AzureTables;

/// <summary>Creates every table FocusBot uses (idempotent) before the bot serves traffic.</summary>
internal sealed class AzureTablesInitializer(TableClient client, AzureTableNames tables) : IStorageInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var table in tables.All)
        {
            await client.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
