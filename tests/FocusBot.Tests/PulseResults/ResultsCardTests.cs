using FocusBot.Cards;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Trends;
using FocusBot.PulseResults;
using FocusBot.Tests.Cards;
using FocusBot.Tests.Support;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.PulseResults;

/// <summary>
/// The results card from real sealed figures (a trends world on SQLite): at its largest, with a team the gate hides, and
/// for a first week, through the card validator (the Adaptive Card 1.5 schema, Microsoft's renderer, Teams' 28 KB), and
/// which actions it lists.
/// </summary>
public sealed class ResultsCardTests
{
    private const string Comment = "Faster refunds, clearer invoices, shorter queues, friendlier staff, simpler forms, quicker callbacks";

    private static readonly string[] Teams = ["t0", "t1", "t2", "t3", "t4"];

    [Fact]
    public async Task ResultsCard_LargestHiddenTeamAndFirstWeek_PassTheCardValidator()
    {
        await using var world = await WorldAsync();
        var reader = Reader(world);
        var week0 = TrendPeriod.AllFor(world.Pulses[0].OpensAt)[0];
        var week1 = TrendPeriod.AllFor(world.Pulses[1].OpensAt)[0];
        var firstWeek = await reader.ReadAsync(TrendWorld.Tenant, week0, [], CancellationToken.None);
        await AddActionsAsync(world, ActionStatus.InProgress, ActionStatus.Planned, ActionStatus.Done);
        var largest = await reader.ReadAsync(TrendWorld.Tenant, week1, Teams, CancellationToken.None);
        var silentTeam = await reader.ReadAsync(TrendWorld.Tenant, week1, ["silent"], CancellationToken.None);
        var url = new Uri("https://focusbot.example/reports/trends?link=" + new string('x', 400));
        var cards = new Dictionary<string, AdaptiveCard>
        {
            ["ResultsCard.Largest"] = ResultsCard.Create(largest!, url),
            ["ResultsCard.HiddenTeam"] = ResultsCard.Create(silentTeam!, null),
            ["ResultsCard.FirstWeek"] = ResultsCard.Create(firstWeek!, null),
        };

        var report = await CardValidator.ValidateAsync(cards.ToDictionary(c => c.Key, c => c.Value.ToUtf8Bytes()), TestContext.Current.CancellationToken);

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Equal(cards.Count, report.CheckedCount);
        Assert.Empty(report.Problems);
        // The largest card holds what it was meant to: three teams of five, five themes, three actions.
        Assert.Equal(3, largest!.Teams.Count);
        Assert.Equal(2, largest.OtherTeams);
        Assert.Equal(ResultsReader.MaxThemes, largest.Themes.Count);
        Assert.Equal(ResultsReader.MaxActions, largest.Actions.Count);
        var lines = ShownText.LinesOf(cards["ResultsCard.Largest"].ToJsonElement());
        Assert.Contains("You are in 2 more teams; this card shows your first 3 by name.", lines);
        Assert.Contains("Knowledge: not asked this week", ShownText.LinesOf(cards["ResultsCard.FirstWeek"].ToJsonElement()));
        Assert.Contains(ResultsCard.TeamHidden("Team silent"), CardJson.Texts(cards["ResultsCard.HiddenTeam"].ToJsonElement()));
        // Team names (from Teams) and actions (typed by HR) are full of markup: none of it works on the card.
        foreach (var text in cards.Values.SelectMany(card => CardJson.Texts(card.ToJsonElement())))
        {
            Assert.False(text.Contains("[link](", StringComparison.Ordinal), text);
            Assert.False(text.Contains("**Bold**", StringComparison.Ordinal), text);
            Assert.False(text.Contains("<at>Megan</at>", StringComparison.Ordinal), text);
            Assert.False(text.Contains("https://", StringComparison.Ordinal), text);
        }
    }

    [Fact]
    public async Task Actions_OpenAndRecentlyDone_MostRecentlyChangedFirst_LongDoneOnesLeftOut()
    {
        await using var world = await WorldAsync();
        var now = world.Clock.GetUtcNow();
        var store = world.Get<IActionStore>();
        await store.CreateAsync(Action("done long ago", ActionStatus.Done, now.AddDays(-40)), CancellationToken.None);
        await store.CreateAsync(Action("done lately", ActionStatus.Done, now.AddDays(-10)), CancellationToken.None);
        await store.CreateAsync(Action("planned long ago", ActionStatus.Planned, now.AddDays(-90)), CancellationToken.None);
        await store.CreateAsync(Action("in progress", ActionStatus.InProgress, now.AddDays(-2)), CancellationToken.None);

        var results = await Reader(world).ReadAsync(TrendWorld.Tenant, TrendPeriod.AllFor(world.Pulses[1].OpensAt)[0], [], CancellationToken.None);

        Assert.Equal(["in progress", "done lately", "planned long ago"], results!.Actions.Select(a => a.Change));
    }

    [Fact]
    public async Task Read_WeekNotSealed_GivesNothingToSend()
    {
        await using var world = await WorldAsync();
        var open = await world.OpenPulseAsync(2, SampleQuestions.Agreement);
        await world.CohortAsync(open, SampleQuestions.Agreement, "late-", ["4", "5", "4", "5", "4", "5"], "t0");

        var results = await Reader(world).ReadAsync(TrendWorld.Tenant, TrendPeriod.AllFor(open.OpensAt)[0], [], CancellationToken.None);

        Assert.Null(results);
    }

    private static ResultsReader Reader(TrendWorld world) => new(world.Gate, world.Get<IActionStore>(), world.Clock);

    /// <summary>
    /// Two sealed weeks: five teams of six with hostile names, answering the behaviour and attitude questions both weeks,
    /// the quiz and a comment naming six things to do better in the second.
    /// </summary>
    private static async Task<TrendWorld> WorldAsync()
    {
        var world = await TrendWorld.CreateAsync();
        foreach (var team in Teams)
            await world.NameTeamAsync(team, $"Team {team} " + WorstCaseCards.Fill(60));
        for (var week = 0; week < 2; week++)
        {
            var pulse = week == 0
                ? await world.OpenPulseAsync(week, SampleQuestions.Frequency, SampleQuestions.Agreement)
                : await world.OpenPulseAsync(week, SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement, SampleQuestions.Voice);
            foreach (var team in Teams)
            {
                foreach (var question in pulse.QuestionIds.Select(id => SampleQuestions.All.Single(q => q.Id == id)))
                {
                    string[] values = question == SampleQuestions.Voice ? [.. Enumerable.Repeat(Comment, 6)] : ["1", "2", "3", "1", "2", "3"];
                    await world.CohortAsync(pulse, question, $"w{week}{team}{question.Id}-", values, team);
                }
            }

            await world.CloseAsync(pulse);
        }

        await world.SealAsync();
        return world;
    }

    private static async Task AddActionsAsync(TrendWorld world, params ActionStatus[] statuses)
    {
        var now = world.Clock.GetUtcNow();
        foreach (var status in statuses)
            await world.Get<IActionStore>().CreateAsync(Action(WorstCaseCards.Fill(300), status, now.AddMinutes(-statuses.Length)), CancellationToken.None);
    }

    private static ProgrammeAction Action(string change, ActionStatus status, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        TenantId = TrendWorld.Tenant,
        Change = change,
        Owner = WorstCaseCards.Fill(80),
        DueDate = DateOnly.FromDateTime(at.UtcDateTime).AddDays(60),
        Status = status,
        RecordedByAadObjectId = "hr",
        Sponsor = ActionSponsor.Hr,
        AllStaff = true,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
