using FocusBot.Cards;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Trends.Host;

/// <summary>The trend cards against the Adaptive Card 1.5 schema, Microsoft's renderer and Teams' 28 KB limit.</summary>
public sealed class CardValidationTests
{
    [Fact]
    public async Task TrendCards_AllVariants_PassTheCardValidator()
    {
        await using var world = await TrendWorld.CreateAsync();
        for (var team = 0; team < 14; team++)
            await world.NameTeamAsync("t" + team, $"Team number {team} with a long name");
        for (var week = 0; week < 3; week++)
        {
            var pulse = await world.OpenPulseAsync(week, SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement, SampleQuestions.Advocacy, SampleQuestions.Voice);
            for (var team = 0; team < 14; team++)
            {
                foreach (var question in SampleQuestions.All.Where(q => q.Id != "k2"))
                    await world.CohortAsync(pulse, question, $"w{week}t{team}q{question.Id}-", question.Kind == QuestionKind.FreeText
                        ? ["Faster refunds", "Clearer invoices", "Faster refunds please", "Clearer invoices please", "Faster answers", "Clearer bills"]
                        : ["1", "2", "3", "4", "1", "3"], "t" + team);
            }

            await world.CloseAsync(pulse);
        }

        await world.SealAsync();
        var org = await world.ReportAsync(teamPeriods: 2);
        var team0 = await world.ReportAsync("team:t0");
        await using var emptyWorld = await TrendWorld.CreateAsync();
        var empty = await emptyWorld.ReportAsync();
        var url = new Uri("https://focusbot.example/reports/trends?link=" + new string('x', 400));
        var cards = new Dictionary<string, AdaptiveCard>
        {
            ["TrendCard.Organisation"] = TrendCard.Create(org, null, url, url),
            ["TrendCard.Team"] = TrendCard.Create(team0, null, url, url),
            ["TrendCard.Dimension"] = TrendCard.Create(team0, TrendMeasure.Attitude, url, url),
            ["TrendCard.Digest"] = TrendCard.Create(org, null, url, url, TrendDigest.Title + ": W05 2026"),
            ["TrendCard.Empty"] = TrendCard.Create(empty, null, null, null),
        };

        var report = await CardValidator.ValidateAsync(cards.ToDictionary(c => c.Key, c => c.Value.ToUtf8Bytes()), TestContext.Current.CancellationToken);

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Equal(5, report.CheckedCount);
        Assert.Empty(report.Problems);
    }
}
