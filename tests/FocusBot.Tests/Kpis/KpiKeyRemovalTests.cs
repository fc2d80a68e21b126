using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Kpis;
using FocusBot.Proactive;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Tests.Kpis;

/// <summary>
/// A KPI import key does not stay in the chat: ten minutes after `kpis key` the message that showed it is replaced by
/// one saying where it went, also after a second key, and nothing else in the chat is touched. On SQLite and Azurite.
/// </summary>
public abstract class KpiKeyRemovalTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ShiftableTimeProvider _clock = new();
    private BotScenario _scenario = null!;

    public async ValueTask InitializeAsync() =>
        _scenario = await BotScenario.StartAsync(storage, azurite, new Dictionary<string, string?> { ["Delivery:RunInBackground"] = "false" },
            configureServices: services => services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task KeyMessage_IsReplacedTenMinutesLater_AlsoTheSecondKeys()
    {
        var first = await NewKeyAsync();
        Assert.Contains("takes it out of this chat in 10 minutes", first.Text, StringComparison.Ordinal);

        await PassAsync(TimeSpan.FromMinutes(9));
        Assert.Empty(Updates());

        await PassAsync(TimeSpan.FromMinutes(2));
        var removed = Assert.Single(Updates());
        Assert.Equal((first.ActivityId, KpiKeyMessages.RemovedText), (removed.ActivityId, removed.Text));

        // A second key: its own message goes ten minutes after it, and the first is not touched again.
        var second = await NewKeyAsync();
        Assert.NotEqual(KeyIn(first), KeyIn(second));
        await PassAsync(TimeSpan.FromMinutes(11));
        removed = Assert.Single(Updates());
        Assert.Equal((second.ActivityId, KpiKeyMessages.RemovedText), (removed.ActivityId, removed.Text));
    }

    private async Task<SentActivity> NewKeyAsync()
    {
        _scenario.Connector.Reset();
        await _scenario.SayAsync(Person.Hassan, "kpis key");
        return Assert.Single(_scenario.SentTo(Person.Hassan.Chat));
    }

    private static string KeyIn(SentActivity message) =>
        message.Text!.Split('\n').Single(line => line.StartsWith(KpiApiKeys.Prefix, StringComparison.Ordinal));

    private async Task PassAsync(TimeSpan later)
    {
        _scenario.Connector.Reset();
        _clock.Offset += later;
        await _scenario.Get<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    private List<SentActivity> Updates() =>
        [.. _scenario.SentTo(Person.Hassan.Chat).Where(s => s.Operation == SimOperation.Update)];
}

public sealed class SqliteKpiKeyRemovalTests(AzuriteFixture azurite) : KpiKeyRemovalTests(StorageKind.Sqlite, azurite);

public sealed class AzureKpiKeyRemovalTests(AzuriteFixture azurite) : KpiKeyRemovalTests(StorageKind.Azurite, azurite);
