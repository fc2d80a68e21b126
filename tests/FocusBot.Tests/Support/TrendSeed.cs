using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Trends;

namespace FocusBot.Tests.Support;

/// <summary>
/// Three closed, sealed weekly pulses of a scenario's questions, answered by two teams of 8 and 6 and five people in no
/// team, written the way the host writes them (answer store, <see cref="TrendRecorder"/>, privacy gate), so `trends` and
/// the HR digest have figures and team rows to show.
/// </summary>
public static class TrendSeed
{
    public static async Task SeedAsync(BotScenario scenario, IReadOnlyList<Question> questions, IReadOnlyList<string> teamIds, string comment)
    {
        var pulseStore = scenario.Get<IPulseStore>();
        var answers = scenario.Get<IAnswerStore>();
        var recorder = scenario.Get<TrendRecorder>();
        var now = scenario.Get<TimeProvider>().GetUtcNow();
        var thisWeek = TrendPeriod.WeekOf(DateOnly.FromDateTime(now.UtcDateTime));
        List<(string Person, string[] Teams)> people = [];
        for (var t = 0; t < teamIds.Count; t++)
            people.AddRange(Enumerable.Range(0, t == 0 ? 8 : 6).Select(i => ($"{t}-{i}", new[] { teamIds[t] })));
        people.AddRange(Enumerable.Range(0, 5).Select(i => ($"free-{i}", Array.Empty<string>())));

        var pulses = new List<Pulse>();
        for (var weeksAgo = 3; weeksAgo >= 1; weeksAgo--)
        {
            var week = TrendPeriod.Range(thisWeek, weeksAgo + 1)[0];
            var opens = new DateTimeOffset(week.FirstDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var pulse = await pulseStore.CreateAsync(new Pulse
            {
                Id = "seed-" + week.Key,
                TenantId = BotScenario.TenantId,
                QuestionIds = [.. questions.Select(q => q.Id)],
                OpensAt = opens,
                ClosesAt = opens.AddDays(4),
                Status = PulseStatus.Closed,
            }, CancellationToken.None) ?? throw new InvalidOperationException("The pulse exists already.");
            pulses.Add(pulse);
            var n = 0;
            foreach (var (person, teams) in people)
            {
                await recorder.RecordDeliveredAsync(pulse, teams, CancellationToken.None);
                n++;
                foreach (var question in questions)
                    await AnswerAsync(answers, recorder, pulse, question, person, ValueFor(question, n, comment), teams);
            }
        }

        await scenario.Get<PrivacyGate>().SealAsync(BotScenario.TenantId, pulses, CancellationToken.None);
    }

    private static string ValueFor(Question question, int n, string comment) => question.Kind switch
    {
        QuestionKind.Quiz => n % 4 == 0 ? "1" : "0",
        QuestionKind.Agreement => n % 3 == 0 ? "3" : "4",
        QuestionKind.Frequency => n % 2 == 0 ? "2" : "1",
        QuestionKind.Advocacy => "9",
        _ => comment,
    };

    private static async Task AnswerAsync(IAnswerStore answers, TrendRecorder recorder, Pulse pulse, Question question, string person, string value, string[] teams)
    {
        var answer = new Answer
        {
            PulseId = pulse.Id,
            QuestionId = question.Id,
            RespondentPseudonym = "seed-" + person,
            TenantId = BotScenario.TenantId,
            Value = value,
            TeamIds = teams,
            AnsweredAt = pulse.OpensAt,
        };
        await answers.UpsertAsync(answer, CancellationToken.None);
        await recorder.RecordAnswerAsync(pulse, question, answer, CancellationToken.None);
    }
}
