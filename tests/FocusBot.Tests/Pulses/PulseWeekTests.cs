using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Help;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Tests.Pulses;

/// <summary>
/// A whole pulse week against the Connector simulator with a clock the test moves: open → fan-out at each person's local
/// time (Tokyo, Berlin, New York, and London for people Teams has not told us about) → answers → edits → reminders →
/// close, for personal installs and two teams.
/// </summary>
public abstract class PulseWeekTests : IAsyncLifetime
{
    // ISO week 2026-W49: the pulse goes out on Tuesday 1 December at 10:00 local time.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private const string Yuki = "29:yuki-tokyo", Anna = "29:anna-berlin", Eli = "29:eli-newyork";
    private const string Ben = "29:ben-teamA", Chen = "29:chen-teamB", Dana = "29:dana-both";
    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    protected abstract Task<IDictionary<string, string?>> StorageSettingsAsync();

    protected virtual ValueTask DisposeStorageAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = Monday - DateTimeOffset.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        foreach (var user in new[] { Yuki, Anna, Eli })
            _connector.AddConversation(ChatOf(user), TenantId);
        _connector.AddTeam("19:team-a@thread.tacv2", [], [new SimulatedMember(Ben) { Name = "Ben" }, new SimulatedMember(Dana) { Name = "Dana" }, new SimulatedMember(Anna) { Name = "Anna" }]);
        _connector.AddTeam("19:team-b@thread.tacv2", [], [new SimulatedMember(Chen) { Name = "Chen" }, new SimulatedMember(Dana) { Name = "Dana" }]);

        var settings = await StorageSettingsAsync();
        // The test drives each pass itself, after moving the clock.
        settings["Delivery:RunInBackground"] = "false";
        settings["Pulse:RunInBackground"] = "false";
        // A Connector that cannot be reached is retried quickly here: the tests are about what happens after.
        settings["Teams:Connector:BaseDelay"] = "00:00:00.010";
        _host = new FocusBotTestHost("Development", settings, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        await SeedQuestionsAsync();

        await Post(PersonalInstall(_connector.BaseUrl, Yuki, "Yuki", "Asia/Tokyo"));
        await Post(PersonalInstall(_connector.BaseUrl, Anna, "Anna", "Europe/Berlin"));
        await Post(PersonalInstall(_connector.BaseUrl, Eli, "Eli", "America/New_York"));
        await Post(TeamInstall(_connector.BaseUrl, "19:team-a@thread.tacv2", "Team A"));
        await Post(TeamInstall(_connector.BaseUrl, "19:team-b@thread.tacv2", "Team B"));
        _connector.Reset(); // forget the welcome cards
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await DisposeStorageAsync();
    }

    [Fact]
    public async Task Week_OpenSendAnswerEditRemindClose_EachPersonAtTheirLocalTime()
    {
        // Monday noon UTC: too early for anyone.
        await PassAsync(Monday);
        Assert.Empty(Pulses());

        // Monday 19:30 UTC: an hour before Tuesday 10:00 reaches the first time zone, the pulse opens with six recipients.
        await PassAsync(At(11, 30, 19, 30));
        var pulse = Assert.Single(Pulses());
        Assert.Equal(PulseStatus.Sending, pulse.Status);
        // Pulse:Size items, then the Voice question (Pulse:VoiceEvery is 1 by default).
        Assert.Equal(5, pulse.QuestionIds.Count);
        Assert.Equal("v-one-thing", pulse.QuestionIds[^1]);
        Assert.Empty(PulseCards());

        // Tuesday 01:30 UTC = 10:30 in Tokyo: only Yuki.
        await PassAsync(At(12, 1, 1, 30));
        Assert.Equal([ChatOf(Yuki)], PulseCards().Select(s => s.ConversationId));

        // 09:30 UTC = 10:30 in Berlin: Anna. 10:30 UTC: the London default for team members Teams gave no time zone for.
        await PassAsync(At(12, 1, 9, 30));
        Assert.Contains(ChatOf(Anna), PulseCards().Select(s => s.ConversationId));
        Assert.Equal(2, PulseCards().Count);
        await PassAsync(At(12, 1, 10, 30));
        Assert.Equal(5, PulseCards().Count);
        Assert.Equal(3, _connector.CreatedConversations.Select(c => c.UserId).Distinct().Count()); // Ben, Chen, Dana had no chat yet

        // 15:30 UTC = 10:30 in New York: Eli. Everyone has exactly one card.
        await PassAsync(At(12, 1, 15, 30));
        var cards = PulseCards();
        Assert.Equal(6, cards.Count);
        Assert.Equal(6, cards.Select(c => c.ConversationId).Distinct().Count());
        Assert.Equal(0, _connector.ThrottledCount);

        // Anna answers in the card, then changes one answer; the card comes back with her answers.
        var questions = await QuestionsAsync(pulse);
        var answers = questions.ToDictionary(q => q.Id, FirstChoice);
        var answered = await AnswerAsync(Anna, pulse.Id, answers);
        Assert.Contains("your answers are in", answered.GetRawText(), StringComparison.Ordinal);
        var agreement = questions.First(q => q.Kind == QuestionKind.Agreement);
        answers[agreement.Id] = "5";
        var edited = await AnswerAsync(Anna, pulse.Id, answers);
        Assert.Contains("Strongly agree", edited.GetRawText(), StringComparison.Ordinal);
        await AnswerAsync(Anna, pulse.Id, answers); // a replay changes nothing
        var stored = await Store<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync();
        Assert.Equal(questions.Count, stored.Count);
        Assert.All(stored, a => Assert.DoesNotContain("anna", a.RespondentPseudonym, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("5", stored.Single(a => a.QuestionId == agreement.Id).Value);
        Assert.Equal(2, stored.Single(a => a.QuestionId == agreement.Id).Revision);

        // Wednesday 10:45 UTC: a day after their send time, everyone but Anna (answered) and Eli (not yet a day) is reminded.
        _connector.Reset();
        await PassAsync(At(12, 2, 10, 45));
        var reminded = _connector.Sent.Where(s => s.Text?.Contains("reminder", StringComparison.OrdinalIgnoreCase) == true).Select(s => s.ConversationId).ToHashSet();
        Assert.Equal(4, reminded.Count);
        Assert.DoesNotContain(ChatOf(Anna), reminded);
        Assert.DoesNotContain(ChatOf(Eli), reminded);
        await PassAsync(At(12, 2, 10, 50));
        Assert.Equal(4, _connector.Sent.Count(s => s.Text?.Contains("reminder", StringComparison.OrdinalIgnoreCase) == true)); // not twice

        // Sunday: closed. Every delivered card is turned to "closed"; a late answer stores nothing.
        _connector.Reset();
        await PassAsync(At(12, 6, 12, 0));
        Assert.Equal(PulseStatus.Closed, Assert.Single(Pulses()).Status);
        var updates = _connector.Sent.Where(s => s.Operation == SimOperation.Update).ToList();
        Assert.Equal(6, updates.Count);
        Assert.All(updates, u => Assert.Contains("This pulse has closed", u.Activity.GetRawText(), StringComparison.Ordinal));
        var late = await AnswerAsync(Yuki, pulse.Id, answers);
        Assert.Contains("This pulse has closed", late.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(questions.Count, (await Store<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync()).Count);
    }

    [Fact]
    public async Task Answer_OutOfRangeOrUnknownQuestion_ExplainsAndStoresNothing()
    {
        await PassAsync(At(11, 30, 19, 30));
        await PassAsync(At(12, 1, 9, 30));
        var pulse = Assert.Single(Pulses());
        var question = (await QuestionsAsync(pulse)).First(q => q.Kind == QuestionKind.Agreement);

        var outOfRange = await AnswerAsync(Anna, pulse.Id, new Dictionary<string, string> { [question.Id] = "9" });
        var unknown = await AnswerAsync(Anna, pulse.Id, new Dictionary<string, string> { ["not-in-this-pulse"] = "1" });

        Assert.Contains("not one of the choices", outOfRange.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("not in this pulse", unknown.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await Store<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task PausedPerson_GetsNoPulse_UntilResumed()
    {
        await Post(Message(_connector.BaseUrl, Anna, "pause"));
        await PassAsync(At(11, 30, 19, 30));

        await PassAsync(At(12, 1, 16, 0));

        Assert.DoesNotContain(ChatOf(Anna), PulseCards().Select(c => c.ConversationId));
        var pulse = Assert.Single(Pulses());
        var rows = await Store<IDeliveryStore>().ListAsync(PulseContent.LedgerOf(pulse), null, CancellationToken.None).ToListAsync();
        Assert.True(5 == PulseCards().Count, string.Join("; ", rows.Select(r => $"{r.UserId} {r.Status} {r.SendAfter:O} {r.FailureReason}")));
    }

    [Fact]
    public async Task PersonInstallingWhileThePulseIsOpen_GetsItAtTheirSendTime_OnceOnly()
    {
        const string Fern = "29:fern-london";
        await PassAsync(At(12, 1, 11, 0)); // open; Tokyo and Berlin have had theirs, London's 10:00 has passed too
        _connector.AddConversation(ChatOf(Fern), TenantId);

        await Post(PersonalInstall(_connector.BaseUrl, Fern, "Fern", "Europe/London"));
        await Post(PersonalInstall(_connector.BaseUrl, Fern, "Fern", "Europe/London")); // Teams can repeat the event
        await PassAsync(At(12, 1, 11, 1));

        var toFern = _connector.SentTo(ChatOf(Fern));
        Assert.Contains(WelcomeCard.Title, toFern[0].Activity.GetRawText(), StringComparison.Ordinal);
        Assert.Single(PulseCards(), c => c.ConversationId == ChatOf(Fern));
    }

    [Fact]
    public async Task TeamTeamsCannotList_KeepsItsRoster_AndHoldsUpNobodysPulse()
    {
        // One team installed through a Connector that no longer answers (connection refused), one Teams lists with nobody.
        const string Unreachable = "19:team-unreachable@thread.tacv2", Empty = "19:team-empty@thread.tacv2";
        await Post(TeamInstall(LoopbackPorts.Refusing(), Unreachable, "Team Unreachable"));
        _connector.AddTeam(Empty, [], []);
        await Post(TeamInstall(_connector.BaseUrl, Empty, "Team Empty"));
        var rosters = Store<IRosterStore>();
        await rosters.ReplaceTeamRosterAsync(TenantId, Unreachable, [new TeamMember { TenantId = TenantId, TeamId = Unreachable, UserId = "29:gwen", Name = "Gwen" }], CancellationToken.None);
        await rosters.ReplaceTeamRosterAsync(TenantId, Empty, [new TeamMember { TenantId = TenantId, TeamId = Empty, UserId = "29:hugo", Name = "Hugo" }], CancellationToken.None);

        await PassAsync(At(11, 30, 19, 30));

        var pulse = Assert.Single(Pulses());
        var recipients = await Store<IDeliveryStore>().ListAsync(PulseContent.LedgerOf(pulse), null, CancellationToken.None).Select(d => d.UserId).ToListAsync();
        Assert.Equal([Anna, Ben, Chen, Dana, Eli, "29:gwen", "29:hugo", Yuki], recipients.Order(StringComparer.Ordinal));
        Assert.Equal(["Gwen"], (await rosters.SearchByNameAsync(TenantId, "Gwen", 5, CancellationToken.None)).Select(p => p.Name));
        Assert.Equal(["Hugo"], (await rosters.SearchByNameAsync(TenantId, "Hugo", 5, CancellationToken.None)).Select(p => p.Name));
    }

    [Fact]
    public async Task PersonWhoseChatCannotBeReached_HoldsUpNoOneElsesReminderOrClosedCard()
    {
        await PassAsync(At(11, 30, 19, 30));
        await PassAsync(At(12, 1, 15, 30));
        Assert.Equal(6, PulseCards().Count);
        // Yuki's chat now sits behind a Connector that refuses connections (a Teams region down).
        var conversations = Store<IConversationStore>();
        var chat = await conversations.GetPersonalForUserAsync(TenantId, Yuki, CancellationToken.None);
        await conversations.UpsertAsync(chat! with { ServiceUrl = LoopbackPorts.Refusing() }, CancellationToken.None);

        _connector.Reset();
        await PassAsync(At(12, 2, 16, 0)); // a day after everyone's card: reminders
        var reminded = _connector.Sent.Where(s => s.Text?.Contains("reminder", StringComparison.OrdinalIgnoreCase) == true).Select(s => s.ConversationId).ToList();
        Assert.Equal(5, reminded.Distinct().Count());
        Assert.DoesNotContain(ChatOf(Yuki), reminded);

        _connector.Reset();
        await PassAsync(At(12, 6, 12, 0));
        Assert.Equal(PulseStatus.Closed, Assert.Single(Pulses()).Status);
        var closedCards = _connector.Sent.Where(s => s.Operation == SimOperation.Update).Select(s => s.ConversationId).ToList();
        Assert.Equal(5, closedCards.Distinct().Count());
        Assert.DoesNotContain(ChatOf(Yuki), closedCards);
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    private async Task Post(string json) => Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(json)).StatusCode);

    private async Task<JsonElement> AnswerAsync(string userId, string pulseId, IReadOnlyDictionary<string, string> values)
    {
        var data = new JsonObject { ["pulseId"] = pulseId };
        foreach (var (questionId, value) in values)
            data[PulseCard.InputPrefix + questionId] = value;
        var response = await _host.PostActivityAsync(Execute(_connector.BaseUrl, userId, ChatOf(userId), PulseCard.AnswerVerb, data));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    private List<SentActivity> PulseCards() =>
        [.. _connector.Sent.Where(s => s.Operation == SimOperation.Send && s.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal))];

    private List<Pulse> Pulses() => [.. Store<IPulseStore>().ListRecentAsync(10, CancellationToken.None).GetAwaiter().GetResult()];

    private async Task<IReadOnlyList<Question>> QuestionsAsync(Pulse pulse) =>
        await _host.Services.GetRequiredService<PulseBank>().QuestionsOfAsync(pulse, CancellationToken.None);

    private static string FirstChoice(Question question) => AnswerScales.ChoicesFor(question) is { Count: > 0 } choices ? choices[0].Value : "More chats with customers";

    private T Store<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private async Task SeedQuestionsAsync()
    {
        var store = Store<IQuestionStore>();
        if (await store.CountAsync(CancellationToken.None) > 0)
            return;
        await store.ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
    }
}

public sealed class PulseWeekOnSqliteTests : PulseWeekTests
{
    protected override Task<IDictionary<string, string?>> StorageSettingsAsync() => Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>());
}

public sealed class PulseWeekOnAzuriteTests : PulseWeekTests
{
    private AzuriteServer? _azurite;

    protected override async Task<IDictionary<string, string?>> StorageSettingsAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = "w" + Guid.NewGuid().ToString("N")[..8],
        };
    }

    protected override ValueTask DisposeStorageAsync() => _azurite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
