using System.Globalization;
using FocusBot.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Versioned schema scripts, applied in order at start-up. A released script never changes: a schema change is a new
/// script at the end, so every existing focusbot.db can be brought forward. Numbers may leave gaps while changes are
/// made side by side (each takes a number of its own); a script is applied when its number is not yet recorded, so
/// one numbered below a script a file already has is still applied.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly (int Version, string Sql)[] Scripts =
    [
        (1, SqliteSchemaV1.Sql),
        (2, SqliteSchemaV2.Sql),
        (3, SqliteSchemaV3.Sql),
        (4, SqliteSchemaV4.Sql),
        (5, SqliteSchemaV5.Sql),
        (6, SqliteSchemaV6.Sql),
        (7, SqliteSchemaV7.Sql),
        (8, SqliteSchemaV8.Sql),
        (9, SqliteSchemaV9.Sql),
        (10, SqliteSchemaV10.Sql),
        (11, SqliteSchemaV11.Sql),
        (12, SqliteSchemaV12.Sql),
        (13, SqliteSchemaV13.Sql),
        (14, SqliteSchemaV14.Sql),
    ];

    /// <summary>Every version a file brought up to date has recorded, in order.</summary>
    public static IReadOnlyList<int> Versions => [.. Scripts.Select(script => script.Version)];

    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>Applies the scripts the file has not seen yet; returns how many were applied.</summary>
    public static int Apply(SqliteConnection connection, string path, TimeProvider timeProvider)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
        var current = Convert.ToInt32(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;"), CultureInfo.InvariantCulture);
        if (current > LatestVersion)
        {
            throw new StorageUnavailableException(
                $"FocusBot storage file '{path}' is unavailable: it has schema version {current}, newer than this FocusBot knows ({LatestVersion}); run the newer FocusBot or restore a backup.");
        }

        var recorded = new HashSet<int>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_version;";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                recorded.Add(reader.GetInt32(0));
            }
        }

        var applied = 0;
        foreach (var (version, sql) in Scripts)
        {
            if (recorded.Contains(version))
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            Execute(connection, transaction, sql);
            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $at);";
                record.Parameters.AddWithValue("$version", version);
                record.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            applied++;
        }

        return applied;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Migration scripts are constants in this assembly.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant statement.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }
}
