namespace FocusBot.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite backend (configuration section Storage:Sqlite).</summary>
public sealed class SqliteStorageOptions
{
    public const string FileName = "focusbot.db";

    /// <summary>Folder holding focusbot.db; by default the user's local application data folder, outside any source tree.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>How long a statement waits for another process's lock before the store reports the file as locked.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "FocusBot");

    public string FilePath => Path.Combine(Path.GetFullPath(DataDirectory), FileName);
}
