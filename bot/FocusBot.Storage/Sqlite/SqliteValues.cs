using FocusBot.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>How values map to SQLite columns: times as UTC ticks (exact round-trip and ordered), enums by name.</summary>
internal static class SqliteValues
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, DateTimeOffset value) => command.With(name, (object)value.UtcTicks);

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetNullableInt32(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static TEnum GetEnum<TEnum>(this SqliteDataReader reader, int ordinal)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(reader.GetString(ordinal));

    /// <summary>SQLite stores an optimistic-concurrency version number; the ETag is its text.</summary>
    public static long ParseVersion(string? etag, string entity)
    {
        if (etag is null || !long.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new ConcurrencyException($"The {entity} carries no ETag from this store; read it again before updating.");
        }

        return version;
    }

    public static string FormatVersion(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
