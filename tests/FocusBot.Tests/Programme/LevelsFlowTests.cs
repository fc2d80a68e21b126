using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Programme;
using FocusBot.Pulses;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Programme;

/// <summary>
/// Programme levels end to end through POST /api/messages and the report page, on SQLite and on Azurite. The bank is
/// three level-1 items (quiz, behaviour, attitude) and a level-2 quiz; two sealed weeks of answers from six people in
/// Service Desk (level 1 met, level 2 quiz half right) and six in Leadership (level-1 quiz 4 of 6 right).
/// </summary>
public abstract class LevelsFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Question K1 = SampleQuestions.Quiz with { Id = "lv-k1", Text = "Who is our customer?", Level = 1, Tags = [] };
    private static readonly Question B1 = SampleQuestions.Frequency with { Id = "lv-b1", Level = 1, Tags = [] };
    private static readonly Question A1 = SampleQuestions.Agreement with { Id = "lv-a1", Level = 1, Tags = [] };
    private static readonly Question K2 = SampleQuestions.Quiz with { Id = "lv-k2", Text = "What outcome did the customer need?", Level = 2, Tags = [] };

    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    // Three items a pulse: one each of K, B and A, so which level the Knowledge place goes to shows.
    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite, new Dictionary<string, string?> { ["Pulse:Size"] = "3" });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    /// <summary>Right answers to K1 (and K2, 3 of 6 in Leadership) per team of six, each of the two weeks; everyone answers B1 "2-3 times" and A1 "agree".</summary>
    private async Task SeedAsync(int serviceDeskK1 = 5, int serviceDeskK2 = 3, int leadershipK1 = 4)
    {
        await Scenario.Get<IQuestionStore>().ReplaceBankAsync([K1, B1, A1, K2, SampleQuestions.Voice], CancellationToken.None);
        var now = Scenario.Get<TimeProvider>().GetUtcNow();
        var thisWeek = TrendPeriod.WeekOf(DateOnly.FromDateTime(now.UtcDateTime));
        var recorder = Scenario.Get<TrendRecorder>();
        var pulses = new List<Pulse>();
        for (var weeksAgo = 2; weeksAgo >= 1; weeksAgo--)
        {
            var opens = new DateTimeOffset(TrendPeriod.Range(thisWeek, weeksAgo + 1)[0].FirstDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var pulse = await Scenario.Get<IPulseStore>().CreateAsync(new Pulse
            {
                Id = "levels-" + weeksAgo,
                TenantId = BotScenario.TenantId,
                QuestionIds = [K1.Id, B1.Id, A1.Id, K2.Id],
                OpensAt = opens,
                ClosesAt = opens.AddDays(4),
                Status = PulseStatus.Closed,
            }, CancellationToken.None) ?? throw new InvalidOperationException("The pulse exists already.");
            pulses.Add(pulse);
            foreach (var (team, k1, k2) in (IEnumerable<(string, int, int)>)[(BotScenario.ServiceDeskTeam, serviceDeskK1, serviceDeskK2), (BotScenario.LeadershipTeam, leadershipK1, 3)])
            {
                for (var i = 0; i < 6; i++)
                {
                    await recorder.RecordDeliveredAsync(pulse, [team], CancellationToken.None);
                    foreach (var (question, value) in (IEnumerable<(Question, string)>)[(K1, i < k1 ? "1" : "0"), (K2, i < k2 ? "1" : "0"), (B1, "2"), (A1, "4")])
                    {
                        var answer = new Answer
                        {
                            PulseId = pulse.Id,
                            QuestionId = question.Id,
                            RespondentPseudonym = $"levels-{team}-{i}",
                            TenantId = BotScenario.TenantId,
                            Value = value,
                            TeamIds = [team],
                            AnsweredAt = opens,
                        };
                        await Scenario.Get<IAnswerStore>().UpsertAsync(answer, CancellationToken.None);
                        await recorder.RecordAnswerAsync(pulse, question, answer, CancellationToken.None);
                    }
                }
            }
        }

        await Scenario.Get<PrivacyGate>().SealAsync(BotScenario.TenantId, pulses, CancellationToken.None);
    }

    private async Task<string> ProgrammeCardAsync(Person person, string command = "programme")
    {
        await Scenario.SayAsync(person, command);
        return CardJson.AllText(Scenario.LastCardTo(person));
    }

    private async Task GrantMeganServiceDeskAsync()
    {
        await Scenario.SayAsync(Person.Ada, "roles grant manager Megan Bowen " + BotScenario.ServiceDeskTeam);
        Assert.Contains("Megan Bowen now manages Service Desk", CardJson.AllText(Scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_ByHr_ShowsEachTeamsLevelAndWhatStandsBeforeTheNext()
    {
        await SeedAsync();

        var text = await ProgrammeCardAsync(Person.Hassan);

        Assert.Contains(ProgrammeLevelsCard.Title, text, StringComparison.Ordinal);
        Assert.Contains("Service Desk: Level 1 Basic knowledge", text, StringComparison.Ordinal);
        Assert.Contains("Towards 2 Deeper understanding:", text, StringComparison.Ordinal);
        Assert.Contains("\"What outcome did the customer need?\": 50% correct, 30 points short", text, StringComparison.Ordinal);
        Assert.Contains("Leadership: No level yet", text, StringComparison.Ordinal);
        Assert.Contains("\"Who is our customer?\": 66% correct, 14 points short", text, StringComparison.Ordinal);
        Assert.Contains("at least 80% with at least 5 people answering it", text, StringComparison.Ordinal);
        // One team of two at level 1 is not most teams.
        Assert.Contains("Most teams have not reached level 1 yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_BothTeamsAtMastery_SaysPulsesNowAskMoreOfLevelTwo()
    {
        await SeedAsync(leadershipK1: 5);

        var text = await ProgrammeCardAsync(Person.Ruth);

        Assert.Contains("Leadership: Level 1 Basic knowledge", text, StringComparison.Ordinal);
        Assert.Contains("Most teams have reached 1 Basic knowledge: pulses now ask more items of 2 Deeper understanding.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextPulse_OnceMostTeamsReachLevelOne_AsksTheLevelTwoQuizInTheKnowledgePlace()
    {
        await SeedAsync(leadershipK1: 5);

        foreach (var week in (string[])["W2027-01", "W2027-02", "W2027-03", "W2027-04"])
        {
            var chosen = await Scenario.Get<PulseQuestions>().ChooseAsync(BotScenario.TenantId, week, CancellationToken.None);

            Assert.Equal([K2.Id, B1.Id, A1.Id], chosen.Where(id => id != SampleQuestions.Voice.Id));
        }
    }

    [Fact]
    public async Task Programme_BeforeAnyResults_SaysSo()
    {
        var text = await ProgrammeCardAsync(Person.Hassan);

        Assert.Contains("No results yet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Service Desk:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_ByManager_ShowsTheirTeamAlone()
    {
        await SeedAsync();
        await GrantMeganServiceDeskAsync();

        var text = await ProgrammeCardAsync(Person.Megan);

        Assert.Contains("Service Desk: Level 1 Basic knowledge", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leadership", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Most teams", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_ManagerNamingAnotherTeam_IsRefusedWithoutItsLevel()
    {
        await SeedAsync();
        await GrantMeganServiceDeskAsync();

        await Scenario.SayAsync(Person.Megan, "programme Leadership");

        var reply = Scenario.SentTo(Person.Megan.Chat)[^1].Activity.GetProperty("text").GetString() ?? string.Empty;
        Assert.Contains("As a Manager you see the figures of the team you manage (Service Desk)", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("66%", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_ByStaff_IsRefused()
    {
        await SeedAsync();

        await Scenario.SayAsync(Person.Sam, "programme");

        Assert.Equal(RefusalCard.Create(CommandCatalog.Programme).ToJsonElement().GetRawText(), Scenario.LastCardTo(Person.Sam).GetRawText());
    }

    [Fact]
    public async Task ReportPage_FromHrsTrendsLink_HasTheProgrammeLevelsSection()
    {
        await SeedAsync();
        await Scenario.SayAsync(Person.Hassan, "trends");
        var card = Scenario.LastCardTo(Person.Hassan);

        var html = await Scenario.Host.Client.GetStringAsync(ActionUrl(card, "Open full report").PathAndQuery);

        var section = html[html.IndexOf("<section id=\"levels\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<h2>Programme levels</h2>", section, StringComparison.Ordinal);
        Assert.Contains("<td>Service Desk</td><td>Level 1 Basic knowledge</td>", section, StringComparison.Ordinal);
        Assert.Contains("<li>&quot;Who is our customer?&quot;: 66% correct, 14 points short</li>", section, StringComparison.Ordinal);
    }

    private static Uri ActionUrl(JsonElement card, string title) =>
        new(card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == title).GetProperty("url").GetString()!);
}

public sealed class SqliteLevelsFlowTests(AzuriteFixture azurite) : LevelsFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteLevelsFlowTests(AzuriteFixture azurite) : LevelsFlowTests(StorageKind.Azurite, azurite);
