using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// "One per person" counters (Got it on an insight, applause on a recognition): a marker table keyed by (item, person)
/// beside a count column on the item. Markers and count change in the same write, so the count always equals the
/// markers and a second click by the same person changes nothing.
/// </summary>
internal sealed class SqliteCountedMarks
{
    public static readonly SqliteCountedMarks GotIt = new("insights", "got_it_count", "insight_got_it", "insight_id");
    public static readonly SqliteCountedMarks Applause = new("recognitions", "applause_count", "recognition_applause", "recognition_id");

    private readonly string _itemTable;
    private readonly string _countColumn;
    private readonly string _markTable;
    private readonly string _itemColumn;
    private readonly string _exists;
    private readonly string _insert;
    private readonly string _increment;

    // Table and column names are constants of this class; values always travel as parameters.
    private SqliteCountedMarks(string itemTable, string countColumn, string markTable, string itemColumn)
    {
        _itemTable = itemTable;
        _countColumn = countColumn;
        _markTable = markTable;
        _itemColumn = itemColumn;
        _exists = $"SELECT COUNT(*) FROM {itemTable} WHERE id = $id;";
        _insert = $"INSERT INTO {markTable} ({itemColumn}, user_key) VALUES ($id, $user) ON CONFLICT DO NOTHING;";
        _increment = $"UPDATE {itemTable} SET {countColumn} = {countColumn} + 1 WHERE id = $id;";
    }

    /// <summary>The marker rows <paramref name="condition"/> selects ("table WHERE condition"), for counting or removing.</summary>
    public string Rows(string condition) => $"{_markTable} WHERE {condition}";

    /// <summary>The person's mark on the item: false when they had made it already or the item does not exist.</summary>
    public bool Add(SqliteWriter writer, string itemId, string userKey)
    {
        if (writer.Command(_exists).With("$id", itemId).ExecuteScalar() is not (long count and > 0))
        {
            return false;
        }

        var marked = writer.Command(_insert).With("$id", itemId).With("$user", userKey).ExecuteNonQuery() == 1;
        if (marked)
        {
            writer.Command(_increment).With("$id", itemId).ExecuteNonQuery();
        }

        return marked;
    }

    /// <summary>
    /// Takes back the marks that <paramref name="rows"/> (from <see cref="Rows"/>) selects, each item's count dropping
    /// with its marker; <paramref name="bind"/> gives the condition's parameters. Returns how many marks went.
    /// </summary>
    public int Remove(SqliteWriter writer, string rows, Func<SqliteCommand, SqliteCommand> bind)
    {
        bind(writer.Command($"UPDATE {_itemTable} SET {_countColumn} = {_countColumn} - 1 WHERE id IN (SELECT {_itemColumn} FROM {rows});")).ExecuteNonQuery();
        return bind(writer.Command($"DELETE FROM {rows};")).ExecuteNonQuery();
    }
}
