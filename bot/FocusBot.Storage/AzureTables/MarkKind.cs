using FocusBot.Domain.Insights;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// A kind of "one per person" mark (<see cref="CountedMarks"/>): the table of its items, the item's row and the count
/// the marks feed. <see cref="Name"/> is both the marker rows' prefix in an item's partition ("got|person") and the kind
/// in the person's PersonMarks row ("got|insight id"); both are stored, so the names never change.
/// </summary>
internal sealed class MarkKind
{
    public static readonly MarkKind GotIt = new("got", tables => tables.Insights, AzureInsightStore.ItemRow, nameof(Insight.GotItCount));
    public static readonly MarkKind Applause = new("applause", tables => tables.Recognitions, AzureRecognitionStore.ItemRow, nameof(Recognition.ApplauseCount));

    private MarkKind(string name, Func<AzureTableNames, string> table, string itemRow, string countProperty)
    {
        Name = name;
        Table = table;
        ItemRow = itemRow;
        CountProperty = countProperty;
    }

    public string Name { get; }

    public Func<AzureTableNames, string> Table { get; }

    /// <summary>The RowKey of the item itself in its partition.</summary>
    public string ItemRow { get; }

    public string CountProperty { get; }

    /// <summary>The kind a PersonMarks row names; null for a name this version does not know.</summary>
    public static MarkKind? Named(string name) => name == GotIt.Name ? GotIt : name == Applause.Name ? Applause : null;

    public string MarkerRow(string userKey) => TableKeys.Compose(Name, userKey);

    /// <summary>The person whose marker <paramref name="rowKey"/> is; null for the item row.</summary>
    public string? MarkerOwner(string rowKey) => TableKeys.Split(rowKey) is [var prefix, var person] && prefix == Name ? person : null;
}
