using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Privacy;

namespace FocusBot.Development;

/// <summary>
/// One demo week's made-up answers: they improve over the weeks (knowledge most), each team with its own drift, and
/// not everyone answers. Drawn from the caller's seeded random, so every seeding writes the same history.
/// </summary>
internal static class DemoAnswers
{
    /// <returns>The answers, and the delivery rows of everyone the pulse went to (answered or not).</returns>
    public static (List<Answer> Answers, List<Delivery> Deliveries) ForWeek(Pulse pulse, int week, IReadOnlyList<DemoPerson> people,
        Dictionary<string, Question> bank, Random random, Pseudonyms pseudonyms)
    {
        var list = new List<Answer>();
        var sent = new List<Delivery>();
        foreach (var (userId, teamId, participation, drift) in people)
        {
            var answered = random.NextDouble() < participation;
            sent.Add(new Delivery
            {
                LedgerId = LedgerIds.Of(pulse),
                RecipientKey = RecipientKeys.For(pulse.TenantId, userId),
                TenantId = pulse.TenantId,
                UserId = userId,
                Status = answered ? DeliveryStatus.Answered : DeliveryStatus.Sent,
                SendAfter = pulse.OpensAt,
                UpdatedAt = pulse.OpensAt,
                Attempts = 1,
            });
            if (!answered)
                continue;
            foreach (var id in pulse.QuestionIds)
            {
                if (Value(bank[id], week, drift, random) is not { } value)
                    continue;
                list.Add(new Answer
                {
                    PulseId = pulse.Id,
                    QuestionId = id,
                    RespondentPseudonym = pseudonyms.For(pulse.TenantId, userId),
                    TenantId = pulse.TenantId,
                    Value = value,
                    TeamIds = [teamId],
                    AnsweredAt = pulse.OpensAt.AddHours(2 + random.Next(60)),
                });
            }
        }

        return (list, sent);
    }

    private static string? Value(Question question, int week, double drift, Random random)
    {
        if (random.NextDouble() < 0.04)
            return null;
        var roll = random.NextDouble();
        return question.Kind switch
        {
            QuestionKind.Quiz => roll < Math.Clamp(0.52 + (0.028 * week) + (drift * week), 0.05, 0.95)
                ? Number(question.CorrectOption ?? 0)
                : Number((question.CorrectOption ?? 0) == 0 ? 1 + random.Next(question.Options.Count - 1) : 0),
            QuestionKind.Frequency => roll < Math.Clamp(0.30 + (0.012 * week) + (drift * week), 0.05, 0.95)
                ? Number(random.NextDouble() < 0.35 ? 3 : 2)
                : Number(random.NextDouble() < 0.6 ? 1 : 0),
            QuestionKind.Agreement => roll < Math.Clamp(0.58 + (0.01 * week) + (drift * week), 0.05, 0.95)
                ? Number(random.NextDouble() < 0.4 ? 5 : 4)
                : roll < 0.88 ? "3" : Number(random.NextDouble() < 0.3 ? 1 : 2),
            QuestionKind.Advocacy => roll < 0.38 + (drift * week) ? Number(9 + random.Next(2)) : roll < 0.72 ? Number(7 + random.Next(2)) : Number(random.Next(7)),
            QuestionKind.FreeText => random.NextDouble() < 0.55 ? DemoBank.Comments[random.Next(DemoBank.Comments.Length)] : null,
            _ => null,
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
