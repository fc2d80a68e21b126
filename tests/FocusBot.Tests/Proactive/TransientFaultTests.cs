using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Questions;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// A fan-out where about one send in twenty meets a transient fault: 412, 502, 504, no answer at all, a 502 after the
/// card was delivered, and a delivered card whose answer comes after the client's attempt timeout. Every one is retried
/// with backoff, so nobody is lost; a second card may reach only a chat where the first had really been delivered.
/// </summary>
[Collection(DeliveryRunsAlone.Name)]
public sealed class TransientFaultTests : IAsyncLifetime
{
    private const int People = 1_000;
    private const double FaultShare = 0.05;
    private const int RequestsPerSecond = 200;

    // The host's Connector attempt timeout (FocusBotTestHost sets it): a delivered card answered later than this is a
    // card the client believes lost.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly InjectedFault[] Mix =
    [
        InjectedFault.Status(412),
        InjectedFault.Status(502),
        InjectedFault.Status(504),
        InjectedFault.Timeout(),
        InjectedFault.DeliveredThenStatus(502),
        InjectedFault.DeliveredThenSlowResponse(AttemptTimeout + TimeSpan.FromSeconds(3)),
    ];

    private readonly ShiftableTimeProvider _clock = new() { Offset = Tuesday - DateTimeOffset.UtcNow };
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;
    private List<string> _chats = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions
        {
            DefaultTenantId = TenantId,
            RateLimits = RateLimitTable.Teams with { GlobalPerTenant = [new RateLimitWindow(RequestsPerSecond, TimeSpan.FromSeconds(1))] },
        });
        var people = Enumerable.Range(0, People).Select(i => $"29:flaky-{i:0000}").ToList();
        _chats = [.. people.Select(ChatOf)];
        foreach (var chat in _chats)
            _connector.AddConversation(chat, TenantId);
        _host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Pulse:RunInBackground"] = "false",
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Teams:RateLimits:GlobalRequestsPerSecond"] = RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Teams:Connector:AttemptTimeout"] = AttemptTimeout.ToString(),
        }, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        await SeedAsync(people);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task FanOut_FivePercentTransientFaults_NobodyLost_DuplicatesOnlyWhereTheCardHadArrived()
    {
        for (var i = 0; i < Mix.Length; i++)
            _connector.Faults.EnqueueRandom(Mix[i] with { Operation = SimOperation.Send }, FaultShare / Mix.Length, seed: 1_000 + i);

        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        var ledger = await PulseLedger.WaitUntilSettledAsync(_host.Services, People, TimeSpan.FromSeconds(120));

        var applied = _connector.Faults.Applied;
        Assert.All(Mix, kind => Assert.Contains(applied, a => a.Fault.Kind == kind.Kind && a.Fault.StatusCode == kind.StatusCode));
        var tally = new PulseCardTally(_connector, _chats).Update();
        var faultsByKind = string.Join(", ", applied.GroupBy(a => a.Fault.StatusCode == 0 ? $"{a.Fault.Kind}" : $"{a.Fault.Kind} {a.Fault.StatusCode}").Select(g => $"{g.Key} ×{g.Count()}"));
        Assert.True(tally.Lost.Count == 0,
            $"Transient faults ({faultsByKind}) must not lose anyone. {tally.Describe()}. Ledger: {PulseLedger.Describe(ledger)}");
        var delivered = applied.Where(a => a.Fault.Delivers).GroupBy(a => a.ConversationId!).ToDictionary(g => g.Key, g => g.Count());
        var unexplained = tally.CardsByChat.Where(c => c.Value > 1 + delivered.GetValueOrDefault(c.Key)).Select(c => $"{c.Key}×{c.Value}").ToList();
        Assert.True(unexplained.Count == 0,
            $"A second card may only follow one that was really delivered; these chats got more: {string.Join(", ", unexplained)}. {tally.Describe()}");
    }

    private async Task SeedAsync(IReadOnlyList<string> people)
    {
        await _host.Services.GetRequiredService<IQuestionStore>().ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        var conversations = _host.Services.GetRequiredService<IConversationStore>();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, cancellationToken) =>
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = TenantId,
                ConversationId = ChatOf(user),
                Kind = ConversationKind.Personal,
                ServiceUrl = _connector.BaseUrl,
                BotId = BotId,
                UserId = user,
                TimeZone = "Europe/London",
                InstalledAt = Tuesday,
                UpdatedAt = Tuesday,
            }, cancellationToken));
    }
}
