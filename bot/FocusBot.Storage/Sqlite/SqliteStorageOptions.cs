namespace FocusBot.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite backend (configuration section Storage:Sqlite).</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage:Sqlite";

    public const string FileName = "focusbot.db";

    /// <summary>Folder holding focusbot.db; by default the user's local application data folder, outside any source tree.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>How long a statement waits for another process's lock before the store reports the file as locked.</summary>
    public double BusyTimeoutSeconds { get; set; } = 5;

    public TimeSpan BusyTimeout => TimeSpan.FromSeconds(BusyTimeoutSeconds);

    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "FocusBot");

    public string FilePath => Path.Combine(Path.GetFullPath(DataDirectory), FileName);
}
