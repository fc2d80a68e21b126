using System.Globalization;
using FocusBot.Storage.AzureTables;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Tests.Pulses;

/// <summary>
/// A table as someone holding the storage account key sees it: every entity with every property, its ETag and the
/// server's Timestamp, one string per entity, sorted by key.
/// </summary>
public static class AzuriteRawRows
{
    public static async Task<IReadOnlyList<string>> ListAsync(string connectionString, string table)
    {
        using var client = TableClientFactory.Create(new AzureTablesOptions { ConnectionString = connectionString }, NullLogger.Instance);
        var rows = new List<string>();
        await foreach (var entity in client.QueryAsync(table, null, null, CancellationToken.None))
        {
            var properties = entity.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}");
            rows.Add(string.Join("|", [entity.PartitionKey, entity.RowKey, entity.ETag ?? "", entity.Timestamp?.ToString("O", CultureInfo.InvariantCulture) ?? "", .. properties]));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
