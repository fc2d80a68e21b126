using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Pulses;

/// <summary>
/// The trust faults of the answer path, through the real handler: a quiz answer turned right after seeing the solution,
/// a person counted twice by concurrent part-submissions, and a store that links answers to people without the secret.
/// </summary>
public abstract class PulseTrustTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private const string TeamA = "19:team-a@thread.tacv2", TeamB = "19:team-b@thread.tacv2", TeamC = "19:team-c@thread.tacv2";
    private static readonly string[] People = [.. Enumerable.Range(0, 8).Select(i => $"29:person-{i}")];
    private static readonly string[] QuestionIds = ["k-quiz-1", "b-freq-1", "a-agree-1", "a-advocacy"];
    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    protected abstract Task<IDictionary<string, string?>> StorageSettingsAsync();

    protected virtual ValueTask DisposeStorageAsync() => ValueTask.CompletedTask;

    /// <summary>Every raw row of a table, as an attacker holding the storage (not the secret) reads it, one string per row.</summary>
    protected abstract Task<IReadOnlyList<string>> RawRowsAsync(string table);

    protected FocusBotTestHost Host => _host;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = Monday - DateTimeOffset.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        foreach (var user in People)
            _connector.AddConversation(ChatOf(user), TenantId);
        // Each person's team set; person-7 alone is in all three teams (a unique combination an attacker would look for).
        _connector.AddTeam(TeamA, [], [.. People[..4].Select(p => new SimulatedMember(p) { Name = p }), new SimulatedMember(People[7]) { Name = "Seven" }]);
        _connector.AddTeam(TeamB, [], [.. People[4..8].Select(p => new SimulatedMember(p) { Name = p })]);
        _connector.AddTeam(TeamC, [], [new SimulatedMember(People[7]) { Name = "Seven" }]);

        var settings = await StorageSettingsAsync();
        settings["Delivery:RunInBackground"] = "false";
        settings["Pulse:RunInBackground"] = "false";
        _host = new FocusBotTestHost("Development", settings, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        await Store<IQuestionStore>().ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        foreach (var user in People)
            await Post(PersonalInstall(_connector.BaseUrl, user, user, "Europe/London"));
        await Post(TeamInstall(_connector.BaseUrl, TeamA, "Team A"));
        await Post(TeamInstall(_connector.BaseUrl, TeamB, "Team B"));
        await Post(TeamInstall(_connector.BaseUrl, TeamC, "Team C"));
        _connector.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await DisposeStorageAsync();
    }

    [Fact]
    public async Task Quiz_FirstAnswerCounts_AChangeAfterSeeingTheSolutionIsIgnored_OtherAnswersStillSave()
    {
        var pulse = await OpenAndSendAsync();
        var person = People[0];

        var first = await AnswerAsync(person, pulse.Id, new() { ["k-quiz-1"] = "1", ["a-agree-1"] = "2" }); // wrong: 0 is right
        Assert.Contains("Not quite", first.GetRawText(), StringComparison.Ordinal); // the solution is shown
        var edit = await InvokeAsync(person, PulseCard.EditVerb, new JsonObject { ["pulseId"] = pulse.Id });
        var gamed = await AnswerAsync(person, pulse.Id, new() { ["k-quiz-1"] = "0", ["a-agree-1"] = "5" });

        Assert.DoesNotContain("\"id\":\"q.k-quiz-1\"", edit.GetRawText(), StringComparison.Ordinal); // shown as locked, not as an input
        Assert.Contains("first answer counts", gamed.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var stored = await Store<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync();
        Assert.Equal("1", stored.Single(a => a.QuestionId == "k-quiz-1").Value);
        Assert.Equal("5", stored.Single(a => a.QuestionId == "a-agree-1").Value);
    }

    [Fact]
    public async Task Quiz_TheCardSaysBeforeSubmitting_ThatTheFirstAnswerCounts()
    {
        var pulse = await OpenAndSendAsync();

        var card = _connector.Sent.First(s => s.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal)).Activity.GetRawText();

        Assert.Contains("first answer counts", card, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await Store<IPulseStore>().ListRecentAsync(10, CancellationToken.None), p => p.Id == pulse.Id);
    }

    [Fact]
    public async Task Quiz_TwoConcurrentFirstAnswers_KeepExactlyOne_AndBothRepliesShowIt()
    {
        var pulse = await OpenAndSendAsync();
        for (var round = 0; round < 4; round++)
        {
            var person = People[round];
            var replies = await Task.WhenAll(
                AnswerAsync(person, pulse.Id, new() { ["k-quiz-1"] = "0" }),
                AnswerAsync(person, pulse.Id, new() { ["k-quiz-1"] = "1" }),
                AnswerAsync(person, pulse.Id, new() { ["k-quiz-1"] = "2" }));

            var stored = (await Store<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync())
                .Where(a => a.QuestionId == "k-quiz-1").Select(a => a.Value).ToList();
            Assert.Equal(round + 1, stored.Count);
            var right = stored.Count(v => v == "0");
            // Every reply shows the one answer that counts: "Correct" in all three or in none.
            var correct = replies.Count(r => r.GetRawText().Contains("\"Correct\"", StringComparison.Ordinal));
            Assert.True(correct is 0 or 3, $"round {round}: {correct} of 3 replies said Correct");
            Assert.True(right <= round + 1);
        }
    }

    [Fact]
    public async Task Participation_ConcurrentPartSubmissions_CountEachPersonOnce()
    {
        var pulse = await OpenAndSendAsync();
        var values = new Dictionary<string, string> { ["k-quiz-1"] = "1", ["b-freq-1"] = "2", ["a-agree-1"] = "4", ["a-advocacy"] = "9" };

        // Four part-submissions per person, one question each, all at once; then the whole set again (a replay) at once.
        await Task.WhenAll(People.SelectMany(p => QuestionIds.Select(q => AnswerAsync(p, pulse.Id, new() { [q] = values[q] }))));
        await Task.WhenAll(People.SelectMany(p => QuestionIds.Select(q => AnswerAsync(p, pulse.Id, new() { [q] = values[q], ["a-agree-1"] = "5" }))));

        var week = TrendPeriod.AllFor(pulse.OpensAt).First(p => p.Kind == PeriodKind.Week).Key;
        var org = await Store<IAggregateStore>().ListAsync(TenantId, TrendSlices.Org, week, week, CancellationToken.None);
        long Cell(string key, string bucket) => org.Where(c => c.Key == key && c.Bucket == bucket).Sum(c => c.Count);
        Assert.Equal(People.Length, Cell(TrendMeasure.Participation, TrendBuckets.Answered));
        Assert.Equal(People.Length, Cell(TrendMeasure.Participation, TrendBuckets.Delivered));
        Assert.All(new[] { TrendMeasure.Knowledge, TrendMeasure.Behaviour, TrendMeasure.Attitude, TrendMeasure.Advocacy },
            measure => Assert.Equal(People.Length, Cell(measure, TrendBuckets.People)));
        var teamB = await Store<IAggregateStore>().ListAsync(TenantId, TrendSlices.Team(TeamB), week, week, CancellationToken.None);
        Assert.Equal(4, teamB.Where(c => c.Key == TrendMeasure.Participation && c.Bucket == TrendBuckets.Answered).Sum(c => c.Count));
    }

    [Fact]
    public async Task Linkage_AnAttackerWithTheStoreButNotTheSecret_CannotTieAnswersToPeople()
    {
        var pulse = await OpenAndSendAsync();
        var deliveriesBefore = await RawRowsAsync("deliveries");

        foreach (var (person, i) in People.Select((p, i) => (p, i)))
        {
            _clock.Offset += TimeSpan.FromMinutes(7); // answers spread over the day, one person at a time
            await AnswerAsync(person, pulse.Id, new() { ["k-quiz-1"] = "1", ["a-agree-1"] = (1 + (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        // 1. Time proximity: answering changes no delivery row (status, time, version or server timestamp).
        Assert.Equal(deliveriesBefore, await RawRowsAsync("deliveries"));
        // 2. Answer times: nothing finer than the day.
        var answers = await Store<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync();
        Assert.Equal(People.Length * 2, answers.Count);
        Assert.All(answers, a => Assert.Equal(TimeSpan.Zero, a.AnsweredAt.UtcDateTime.TimeOfDay));
        // 3. Team sets: no roster team id appears in any raw answer row, and equal team sets do not look equal.
        var rawAnswers = await RawRowsAsync("answers");
        Assert.Equal(People.Length * 2, rawAnswers.Count);
        foreach (var team in new[] { TeamA, TeamB, TeamC })
            Assert.DoesNotContain(rawAnswers, row => row.Contains(team, StringComparison.Ordinal) || row.Contains("team-a", StringComparison.Ordinal));
        Assert.Equal(rawAnswers.Count, rawAnswers.Distinct(StringComparer.Ordinal).Count());
        // The bot itself still reads the teams back.
        Assert.Contains(answers, a => a.TeamIds.Count == 3 && a.TeamIds.Contains(TeamC));
    }

    [Fact]
    public async Task Reminders_StillSkipThoseWhoAnswered_WithoutTheLedgerSayingWho()
    {
        var pulse = await OpenAndSendAsync();
        await AnswerAsync(People[0], pulse.Id, new() { ["a-agree-1"] = "4" });
        _connector.Reset();

        await PassAsync(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero));

        var reminded = _connector.Sent.Where(s => s.Text?.Contains("reminder", StringComparison.OrdinalIgnoreCase) == true).Select(s => s.ConversationId).ToHashSet();
        Assert.Equal(People.Length - 1, reminded.Count);
        Assert.DoesNotContain(ChatOf(People[0]), reminded);
        var rows = await Store<IDeliveryStore>().ListAsync(PulseContent.LedgerOf(pulse), null, CancellationToken.None).ToListAsync();
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Single(rows.Select(r => r.RemindersSent).Distinct()); // the answerer's row moves with everyone else's

        _connector.Reset();
        await PassAsync(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var closed = _connector.Sent.Where(s => s.Operation == ConnectorSimulator.ConnectorOperation.Update).Select(s => s.Activity.GetRawText()).ToList();
        Assert.Equal(People.Length, closed.Count);
        Assert.Single(closed, c => c.Contains("Your answers were counted", StringComparison.Ordinal));
    }

    // Opens the pulse at Tuesday 10:30 London and sends it to everyone, with four fixed questions (one quiz).
    private async Task<Pulse> OpenAndSendAsync()
    {
        await PassAsync(new DateTimeOffset(2026, 11, 30, 19, 30, 0, TimeSpan.Zero));
        var pulses = Store<IPulseStore>();
        var pulse = Assert.Single(await pulses.ListRecentAsync(10, CancellationToken.None));
        pulse = await pulses.UpdateAsync(pulse with { QuestionIds = QuestionIds }, CancellationToken.None);
        await PassAsync(new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero));
        Assert.Equal(People.Length, _connector.Sent.Count(s => s.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal)));
        return pulse;
    }

    private async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    private async Task Post(string json) => Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(json)).StatusCode);

    private Task<JsonElement> AnswerAsync(string userId, string pulseId, Dictionary<string, string> values)
    {
        var data = new JsonObject { ["pulseId"] = pulseId };
        foreach (var (questionId, value) in values)
            data[PulseCard.InputPrefix + questionId] = value;
        return InvokeAsync(userId, PulseCard.AnswerVerb, data);
    }

    private Task<JsonElement> InvokeAsync(string userId, string verb, JsonObject data) => _host.InvokeInChatAsync(_connector.BaseUrl, userId, verb, data);

    protected T Store<T>() where T : notnull => _host.Services.GetRequiredService<T>();
}

public sealed class PulseTrustOnSqliteTests : PulseTrustTests
{
    protected override Task<IDictionary<string, string?>> StorageSettingsAsync() => Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>());

    protected override async Task<IReadOnlyList<string>> RawRowsAsync(string table)
    {
        // The attacker's view: the file itself, every column of every row, in the order SQLite returns them.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(Host.DataDirectory, "focusbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = table == "deliveries" ? "SELECT * FROM deliveries ORDER BY pulse_id, recipient_key;" : "SELECT * FROM answers;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}

public sealed class PulseTrustOnAzuriteTests : PulseTrustTests
{
    private AzuriteServer? _azurite;
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task<IDictionary<string, string?>> StorageSettingsAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = _prefix,
        };
    }

    protected override Task<IReadOnlyList<string>> RawRowsAsync(string table) =>
        AzuriteRawRows.ListAsync(_azurite!.ConnectionString, _prefix + (table == "deliveries" ? "Deliveries" : "Answers"));

    protected override ValueTask DisposeStorageAsync() => _azurite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
