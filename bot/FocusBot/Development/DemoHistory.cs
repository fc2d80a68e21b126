using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Privacy;

namespace FocusBot.Development;

/// <summary>
/// The demo's past: its questions (stored inactive, so a real pulse never draws them) and <see cref="Weeks"/> closed
/// weekly pulses with their delivery rows and answers (<see cref="DemoAnswers"/>). A pulse already there is left as it is.
/// </summary>
public sealed class DemoHistory(IQuestionStore questions, IPulseStore pulses, IDeliveryStore deliveries, IAnswerStore answers, Pseudonyms pseudonyms)
{
    public const int Weeks = 12;

    public async Task AddQuestionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var question in DemoBank.Questions(now.AddDays(-7 * (Weeks + 1))))
            await questions.UpsertAsync(question, cancellationToken);
    }

    /// <returns>How many answers were written.</returns>
    public async Task<long> AddPulsesAsync(string tenant, IReadOnlyList<DemoPerson> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var bank = DemoBank.Questions(now).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var thisWeek = TrendPeriod.WeekOf(DateOnly.FromDateTime(now.UtcDateTime));
        long answerCount = 0;
        for (var i = 0; i < Weeks; i++)
        {
            var week = TrendPeriod.Range(thisWeek.Previous(), Weeks)[i];
            var opens = new DateTimeOffset(week.FirstDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            List<string> ids = [$"demo-k{(i % 6) + 1}", $"demo-b{(i % 4) + 1}", $"demo-a{(i % 4) + 1}", "demo-voice"];
            if (i % 4 == 3)
                ids.Add("demo-adv");
            var pulse = new Pulse
            {
                Id = "demo-" + week.Key,
                TenantId = tenant,
                QuestionIds = ids,
                OpensAt = opens,
                ClosesAt = opens.AddDays(4).AddHours(8),
                Status = PulseStatus.Closed,
            };
            if (await pulses.CreateAsync(pulse, cancellationToken) is null)
                continue;
            var (pulseAnswers, pulseDeliveries) = DemoAnswers.ForWeek(pulse, i, people, bank, random, pseudonyms);
            await deliveries.CreateIfMissingAsync(pulseDeliveries, cancellationToken);
            await answers.UpsertManyAsync(pulse.Id, pulseAnswers, cancellationToken);
            answerCount += pulseAnswers.Count;
        }

        return answerCount;
    }
}
