using FocusBot.TestSupport;

namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// FocusBot started as a real process (<see cref="FocusBotChildProcess"/>, from the FocusBot.dll beside the tests) in
/// Development with a SQLite store in a temp folder of its own, deleted with it.
/// </summary>
internal sealed class FocusBotProcess : IAsyncDisposable
{
    private readonly FocusBotChildProcess _bot;
    private readonly DirectoryInfo _dataDirectory;

    private FocusBotProcess(FocusBotChildProcess bot, DirectoryInfo dataDirectory)
    {
        _bot = bot;
        _dataDirectory = dataDirectory;
    }

    public ChildProcess Process => _bot.Process;

    public Uri MessagesEndpoint => new(_bot.BaseAddress, "/api/messages");

    public static async Task<FocusBotProcess> StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("focusbot-e2e-data-");
        try
        {
            var bot = await FocusBotChildProcess.StartAsync("FocusBot",
                new Dictionary<string, string?> { ["Storage:Sqlite:DataDirectory"] = dataDirectory.FullName }, cancellationToken: cancellationToken);
            return new FocusBotProcess(bot, dataDirectory);
        }
        catch
        {
            Delete(dataDirectory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        Delete(_dataDirectory);
    }

    private static void Delete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
