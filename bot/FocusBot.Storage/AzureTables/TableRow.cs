using System.Globalization;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// One table entity as the stores see it: keys, ETag and typed properties. Values are string, bool, int (Edm.Int32), long (Edm.Int64),
/// double, DateTimeOffset (Edm.DateTime), Guid or byte[] (Edm.Binary). A null property is not stored.
/// </summary>
internal sealed class TableRow
{
    public TableRow(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    public string? ETag { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => Properties.GetValueOrDefault(name);
        set => Properties[name] = value;
    }

    public string? GetString(string name) => this[name] as string;

    public string GetRequiredString(string name) => GetString(name) ?? throw Missing(name);

    public bool GetBoolean(string name) => this[name] is bool value && value;

    public int? GetInt32(string name) => this[name] switch
    {
        int value => value,
        long value => checked((int)value),
        double value => checked((int)value),
        _ => null,
    };

    public long? GetInt64(string name) => this[name] switch
    {
        long value => value,
        int value => value,
        double value => checked((long)value),
        _ => null,
    };

    public DateTimeOffset? GetDateTime(string name) => this[name] switch
    {
        DateTimeOffset value => value,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => null,
    };

    public DateTimeOffset GetRequiredDateTime(string name) => GetDateTime(name) ?? throw Missing(name);

    private static InvalidOperationException Missing(string name) =>
        new($"The stored entity has no '{name}' property; it was not written by this FocusBot version.");
}
