using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Tests.Pulses;

/// <summary>
/// Two FocusBot instances over one SQLite store: only the lease holder sends, and when it stops mid-fan-out the other
/// takes over where it stopped. Every recipient gets exactly one pulse.
/// </summary>
public sealed class SenderTakeoverTests : IAsyncLifetime
{
    private const int People = 120;
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ShiftableTimeProvider _clock = new() { Offset = Tuesday - DateTimeOffset.UtcNow };
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("focusbot-takeover-").FullName;
    private ConnectorSimulator.ConnectorSimulator _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        for (var i = 0; i < People; i++)
            _connector.AddConversation(ChatOf(Person(i)), TenantId);
    }

    public async ValueTask DisposeAsync() => await _connector.DisposeAsync();

    private static string Person(int i) => $"29:person-{i:000}";

    private FocusBotTestHost NewInstance() => new("Development", new Dictionary<string, string?>
    {
        ["Storage:Sqlite:DataDirectory"] = _dataDirectory,
        ["Delivery:PollInterval"] = "00:00:00.200",
        ["Delivery:LeaseDuration"] = "00:00:03",
        ["Delivery:Concurrency"] = "4",
        ["Pulse:RunInBackground"] = "false",
        // Slow enough that the first instance is stopped mid-way through the fan-out.
        ["Teams:RateLimits:GlobalRequestsPerSecond"] = "25",
    }, s => s.AddSingleton<TimeProvider>(_clock));

    [Fact]
    public async Task FanOut_FirstSenderStopsMidway_SecondFinishes_EveryoneGetsExactlyOnePulse()
    {
        var first = NewInstance();
        _ = first.Client;
        await SeedAsync(first);
        var second = NewInstance();
        _ = second.Client; // running too: it must not send while the first holds the lease

        await first.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        first.Services.GetRequiredService<FanOut>().Wake();
        await _connector.WaitForSentAsync(30, TimeSpan.FromSeconds(30));
        await first.DisposeAsync(); // graceful stop: in-flight sends finish, the lease is released
        var sentByFirst = _connector.Sent.Count;
        Assert.InRange(sentByFirst, 30, People - 1);

        await _connector.WaitForSentAsync(People, TimeSpan.FromSeconds(60));
        Assert.Single(await second.Services.GetRequiredService<IPulseStore>().ListRecentAsync(5, CancellationToken.None));
        // Settled: no row waits or is being sent, so neither instance has a card left to send; and a stopped instance has
        // had every send it started answered. Only then can the count show that no card went out twice.
        var counts = await PulseLedger.WaitUntilSettledAsync(second.Services, People, TimeSpan.FromSeconds(60));
        await second.DisposeAsync();
        var cards = _connector.Sent.Where(s => s.Operation == SimOperation.Send).ToList();
        Assert.Equal(People, cards.Count);
        Assert.Equal(People, cards.Select(c => c.ConversationId).Distinct().Count());
        Assert.Equal(People, counts[DeliveryStatus.Sent]);
    }

    private async Task SeedAsync(FocusBotTestHost host)
    {
        var questions = host.Services.GetRequiredService<IQuestionStore>();
        if (await questions.CountAsync(CancellationToken.None) == 0)
            await questions.ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        for (var i = 0; i < People; i++)
        {
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = TenantId,
                ConversationId = ChatOf(Person(i)),
                Kind = ConversationKind.Personal,
                ServiceUrl = _connector.BaseUrl,
                BotId = BotId,
                UserId = Person(i),
                TimeZone = "Europe/London",
                InstalledAt = Tuesday,
                UpdatedAt = Tuesday,
            }, CancellationToken.None);
        }
    }
}
