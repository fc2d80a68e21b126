using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Questions;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Support;

/// <summary>
/// A store that FocusBot processes share (a SQLite folder, or Azure Tables in Azurite), with an in-process FocusBot over it
/// whose scheduler and sender are off, so it never sends or takes a lease: the test seeds people and questions through it
/// before the processes start, and reads the delivery ledger through it while they run.
/// </summary>
public sealed class SharedStore : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly FocusBotTestHost _host;

    private SharedStore(Dictionary<string, string?> settings, string? sqliteDirectory)
    {
        Settings = settings;
        _sqliteDirectory = sqliteDirectory;
        _host = new FocusBotTestHost("Development", new Dictionary<string, string?>(settings)
        {
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
        });
    }

    /// <summary>What a FocusBot process needs to use this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static SharedStore Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("focusbot-shared-").FullName;
        return new SharedStore(new Dictionary<string, string?> { ["Storage:Sqlite:DataDirectory"] = folder }, folder);
    }

    /// <summary>Tables with a fresh prefix in <paramref name="azurite"/>, so runs never see each other's rows.</summary>
    public static SharedStore AzureTables(AzuriteServer azurite) => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureTables",
        ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
        ["Storage:AzureTables:TablePrefix"] = "d" + Guid.NewGuid().ToString("N")[..8],
    }, null);

    /// <summary>Personal chats for <paramref name="users"/> (as <see cref="TeamsActivities.ChatOf"/>) and the test question bank.</summary>
    public async Task SeedAsync(IReadOnlyList<string> users, string serviceUrl, string timeZone)
    {
        var questions = Store<IQuestionStore>();
        await questions.ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        var conversations = Store<IConversationStore>();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, cancellationToken) =>
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = TeamsActivities.TenantId,
                ConversationId = TeamsActivities.ChatOf(user),
                Kind = ConversationKind.Personal,
                ServiceUrl = serviceUrl,
                BotId = TeamsActivities.BotId,
                UserId = user,
                UserAadObjectId = TeamsActivities.AadOf(user),
                TimeZone = timeZone,
                InstalledAt = now,
                UpdatedAt = now,
            }, cancellationToken));
    }

    /// <summary>The latest pulse's ledger rows by status; empty before a pulse has opened.</summary>
    public Task<IReadOnlyDictionary<DeliveryStatus, int>> LedgerAsync() => PulseLedger.CountsAsync(_host.Services);

    /// <summary>The possible duplicates FocusBot counted; see <see cref="PulseLedger.PossibleDuplicatesAsync"/>.</summary>
    public Task<int> PossibleDuplicatesAsync() => PulseLedger.PossibleDuplicatesAsync(_host.Services);

    /// <summary>Waits until the fan-out has done all it will do; see <see cref="PulseLedger.WaitUntilSettledAsync"/>.</summary>
    public Task<IReadOnlyDictionary<DeliveryStatus, int>> WaitUntilSettledAsync(int rows, TimeSpan timeout) =>
        PulseLedger.WaitUntilSettledAsync(_host.Services, rows, timeout);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_sqliteDirectory is null)
            return;
        try
        {
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process may hold the file a moment longer; the OS cleans temp folders.
        }
    }

    private T Store<T>() where T : notnull => _host.Services.GetRequiredService<T>();
}
