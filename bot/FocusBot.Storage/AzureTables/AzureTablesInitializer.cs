namespace FocusBot.Storage.AzureTables;

/// <summary>Creates every table FocusBot uses (idempotent, side by side) before the bot serves traffic.</summary>
internal sealed class AzureTablesInitializer(FocusTableClient client, AzureTableNames tables) : IStorageInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        TableClientExtensions.ForEachAsync(tables.All, (table, token) => new ValueTask(client.CreateTableIfNotExistsAsync(table, token)), cancellationToken);
}
