using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Support;

/// <summary>Weekly quiz history for a <see cref="BotScenario"/>, written and sealed the way the pulse and the trends pass do.</summary>
public static class QuizWeeks
{
    public const int PeoplePerTeam = 12;

    /// <summary>The Monday <paramref name="weeksAgo"/> weeks before this week's (by the scenario's clock).</summary>
    public static DateOnly MondayWeeksAgo(BotScenario scenario, int weeksAgo)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var today = DateOnly.FromDateTime(scenario.Get<TimeProvider>().GetUtcNow().UtcDateTime);
        return TrendPeriod.WeekOf(today).FirstDay.AddDays(-7 * weeksAgo);
    }

    /// <summary>
    /// Closed and sealed weekly quizzes, one a week, the last one last week, answered by 12 people in Service Desk and 12
    /// in Leadership: <paramref name="correctOfTwelve"/>[i] of each team right in week i (oldest first).
    /// </summary>
    public static async Task SeedAsync(BotScenario scenario, string prefix, IReadOnlyList<int> correctOfTwelve)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(correctOfTwelve);
        var quiz = SampleQuestions.Quiz with { Id = prefix + "-k1" };
        await scenario.Get<IQuestionStore>().UpsertAsync(quiz with { Active = false }, CancellationToken.None);
        var recorder = scenario.Get<TrendRecorder>();
        var pulses = new List<Pulse>();
        for (var week = 0; week < correctOfTwelve.Count; week++)
        {
            var weeksAgo = correctOfTwelve.Count - week;
            var opens = new DateTimeOffset(MondayWeeksAgo(scenario, weeksAgo).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var pulse = await scenario.Get<IPulseStore>().CreateAsync(new Pulse
            {
                Id = $"{prefix}-seed-{weeksAgo}",
                TenantId = BotScenario.TenantId,
                QuestionIds = [quiz.Id],
                OpensAt = opens,
                ClosesAt = opens.AddDays(4),
                Status = PulseStatus.Closed,
            }, CancellationToken.None) ?? throw new InvalidOperationException("The pulse exists already.");
            pulses.Add(pulse);
            foreach (var team in (string[])[BotScenario.ServiceDeskTeam, BotScenario.LeadershipTeam])
            {
                for (var i = 0; i < PeoplePerTeam; i++)
                {
                    var answer = new Answer
                    {
                        PulseId = pulse.Id,
                        QuestionId = quiz.Id,
                        RespondentPseudonym = $"seed-{team}-{i}",
                        TenantId = BotScenario.TenantId,
                        Value = i < correctOfTwelve[week] ? "1" : "0",
                        TeamIds = [team],
                        AnsweredAt = opens,
                    };
                    await recorder.RecordDeliveredAsync(pulse, [team], CancellationToken.None);
                    await scenario.Get<IAnswerStore>().UpsertAsync(answer, CancellationToken.None);
                    await recorder.RecordAnswerAsync(pulse, quiz, answer, CancellationToken.None);
                }
            }
        }

        await scenario.Get<PrivacyGate>().SealAsync(BotScenario.TenantId, pulses, CancellationToken.None);
    }
}
