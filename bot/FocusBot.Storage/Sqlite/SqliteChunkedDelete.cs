namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Deletes every row of a pulse id (or ledger id) a chunk at a time, each chunk a write of its own: it joins the
/// writer's queue like any answer, so answers keep being stored between chunks and no write waits long behind it.
/// </summary>
internal static class SqliteChunkedDelete
{
    /// <summary>Rows per write: a few milliseconds of the single writer, about a busy group commit of answers.</summary>
    public const int ChunkRows = 500;

    /// <param name="keys">The primary key's columns after pulse_id, which pick a chunk of rows.</param>
    public static async Task<int> ByPulseIdAsync(SqliteDatabase database, string table, string keys, string id, CancellationToken cancellationToken)
    {
        var sql = $"DELETE FROM {table} WHERE pulse_id = $id AND ({keys}) IN (SELECT {keys} FROM {table} WHERE pulse_id = $id LIMIT {ChunkRows});";
        var total = 0;
        int deleted;
        do
        {
            deleted = await database.WriteAsync(writer => writer.Command(sql).With("$id", id).ExecuteNonQuery(), cancellationToken);
            total += deleted;
        }
        while (deleted == ChunkRows);
        return total;
    }
}
