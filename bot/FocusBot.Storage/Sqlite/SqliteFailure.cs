using FocusBot.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>Turns SQLite's error codes into the one-sentence message an operator can act on.</summary>
internal static class SqliteFailure
{
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static bool IsUnavailable(SqliteException exception) => exception.SqliteErrorCode is Perm or Busy or Locked or ReadOnly or IoError or Corrupt or Full or CantOpen or NotADatabase;

    public static StorageUnavailableException Unavailable(string path, SqliteException exception)
    {
        var cause = exception.SqliteErrorCode switch
        {
            Busy or Locked => "it is locked by another process",
            ReadOnly or Perm => "it is read-only or its folder is not writable",
            Full => "the disk is full",
            CantOpen => "it cannot be opened (check that the folder exists and is writable)",
            NotADatabase or Corrupt => "it is not a valid SQLite database",
            IoError => "the disk reported an I/O error",
            _ => "SQLite reported an error",
        };
        return new StorageUnavailableException($"FocusBot storage file '{path}' is unavailable: {cause} (SQLite error {exception.SqliteErrorCode}).", exception);
    }
}
