namespace FocusBot.Storage.AzureTables;

/// <summary>OData $filter pieces with correctly quoted literals (a ' inside a string literal is doubled).</summary>
internal static class TableFilter
{
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Equal(string property, string value) => $"{property} eq {Quote(value)}";

    public static string PartitionIs(string partitionKey) => Equal("PartitionKey", partitionKey);

    /// <summary>Keys of <paramref name="property"/> that start with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string property, string prefix) =>
        $"{property} ge {Quote(prefix)} and {property} lt {Quote(StoreArguments.PrefixEnd(prefix))}";

    public static string And(params ReadOnlySpan<string> clauses) => string.Join(" and ", clauses.ToArray());
}
