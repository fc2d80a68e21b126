using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// The single write connection inside one transaction. Commands are cached by SQL text so hot statements (answer
/// upserts) stay prepared across calls instead of being parsed again each time.
/// </summary>
internal sealed class SqliteWriter(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, SqliteCommand> commands)
{
    public SqliteCommand Command(string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // Every statement is a constant in a store; values always travel as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }
}
