using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;

namespace FocusBot.Bench.Trends;

/// <summary>
/// 52 weekly pulses for 200 teams of 25 people, each answering 4 questions (quiz, frequency, agreement, then advocacy
/// every fourth week or a Voice comment): 1,040,000 answers, deterministic. One person in five is also in a second team.
/// </summary>
internal static class TrendsBenchData
{
    public const string Tenant = "bench-tenant";
    public const int Teams = 200;
    public const int PeoplePerTeam = 25;
    public const int Weeks = 52;

    /// <summary>Monday of the first pulse week (W2025-01 starts 30 Dec 2024).</summary>
    public static readonly DateTimeOffset FirstPulse = new(2024, 12, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>"Now" for the reports: the Wednesday after the last pulse week.</summary>
    public static readonly DateTimeOffset Now = FirstPulse.AddDays((7 * Weeks) + 2);

    public static string TeamId(int team) => "team-" + team.ToString("D3", CultureInfo.InvariantCulture);

    public static IReadOnlyList<Question> Questions { get; } = BuildQuestions();

    public static Pulse Pulse(int week)
    {
        var opens = FirstPulse.AddDays(7 * week);
        List<string> ids = [$"k{week % 4}", $"b{week % 3}", $"a{week % 2}", week % 4 == 3 ? "adv" : "v"];
        return new Pulse
        {
            Id = "bench-" + TrendPeriod.WeekOf(DateOnly.FromDateTime(opens.UtcDateTime)).Key,
            TenantId = Tenant,
            QuestionIds = ids,
            OpensAt = opens,
            ClosesAt = opens.AddDays(4),
            Status = PulseStatus.Closed,
        };
    }

    /// <summary>Share of people who are also in a second team, picked at random.</summary>
    public const double InTwoTeams = 0.2;

    /// <summary>Everyone with their home team first; one in five is also in another team chosen at random.</summary>
    public static IEnumerable<(string UserId, string Pseudonym, string TeamId, IReadOnlyList<string> TeamIds)> People()
    {
        var random = new Random(42);
        for (var team = 0; team < Teams; team++)
        {
            for (var person = 0; person < PeoplePerTeam; person++)
            {
                var user = string.Create(CultureInfo.InvariantCulture, $"29:bench-{team:D3}-{person:D2}");
                var second = random.NextDouble() < InTwoTeams ? (team + 1 + random.Next(Teams - 1)) % Teams : -1;
                yield return (user, "ps-" + user[3..], TeamId(team), second < 0 ? [TeamId(team)] : [TeamId(team), TeamId(second)]);
            }
        }
    }

    /// <summary>Each team with its members: its own people and those who joined it as their second team.</summary>
    public static IEnumerable<IGrouping<string, string>> Rosters() =>
        People().SelectMany(p => p.TeamIds.Select(team => (Team: team, p.UserId))).GroupBy(m => m.Team, m => m.UserId).OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>Every answer of one pulse; values drift upwards through the year, each team a little differently.</summary>
    public static List<Answer> Answers(Pulse pulse, int week)
    {
        var random = new Random(1000 + week);
        var bank = Questions.ToDictionary(q => q.Id);
        var answers = new List<Answer>(Teams * PeoplePerTeam * 4);
        foreach (var (_, pseudonym, team, teams) in People())
        {
            var teamShift = (int.Parse(team.AsSpan(team.Length - 3), CultureInfo.InvariantCulture) * 37 % 100 / 100.0 * 0.2) - 0.1;
            foreach (var id in pulse.QuestionIds)
            {
                var question = bank[id];
                var p = Math.Clamp(0.45 + (0.006 * week) + teamShift, 0.05, 0.95);
                var value = question.Kind switch
                {
                    QuestionKind.Quiz => random.NextDouble() < p ? "1" : "0",
                    QuestionKind.Frequency => (random.NextDouble() < p ? 2 + random.Next(2) : random.Next(2)).ToString(CultureInfo.InvariantCulture),
                    QuestionKind.Agreement => (random.NextDouble() < p ? 4 + random.Next(2) : 1 + random.Next(3)).ToString(CultureInfo.InvariantCulture),
                    QuestionKind.Advocacy => random.Next(11).ToString(CultureInfo.InvariantCulture),
                    _ => s_comments[random.Next(s_comments.Length)],
                };
                answers.Add(new Answer
                {
                    PulseId = pulse.Id,
                    QuestionId = id,
                    RespondentPseudonym = pseudonym,
                    TenantId = Tenant,
                    Value = value,
                    TeamIds = teams,
                    AnsweredAt = pulse.OpensAt.AddHours(3),
                });
            }
        }

        return answers;
    }

    public static List<Delivery> Deliveries(Pulse pulse) =>
        [.. People().Select(p => new Delivery
        {
            LedgerId = LedgerIds.Of(pulse), RecipientKey = RecipientKeys.For(Tenant, p.UserId), TenantId = Tenant, UserId = p.UserId, Status = DeliveryStatus.Answered,
            SendAfter = pulse.OpensAt, UpdatedAt = pulse.OpensAt, Attempts = 1,
        })];

    private static readonly string[] s_comments =
    [
        "Faster response times on support tickets", "Clearer invoices", "Better onboarding for new customers", "Call customers back when promised",
        "Share customer feedback with every team", "Fewer handoffs between teams", "Proactive updates during outages", "Simpler billing",
    ];

    private static List<Question> BuildQuestions()
    {
        var created = FirstPulse.AddDays(-30);
        var list = new List<Question>();
        for (var i = 0; i < 4; i++)
        {
            list.Add(new Question
            {
                Id = "k" + i,
                Text = "Quiz " + i,
                Dimension = QuestionDimension.Knowledge,
                Level = 1 + (i % 3),
                Kind = QuestionKind.Quiz,
                Options = ["a", "b", "c"],
                CorrectOption = 1,
                Tags = ["topic" + (i % 2)],
                CreatedAt = created,
            });
        }

        for (var i = 0; i < 3; i++)
            list.Add(new Question { Id = "b" + i, Text = "Behaviour " + i, Dimension = QuestionDimension.Behaviour, Level = 1 + i, Kind = QuestionKind.Frequency, Tags = ["topic" + i], CreatedAt = created });
        for (var i = 0; i < 2; i++)
            list.Add(new Question { Id = "a" + i, Text = "Attitude " + i, Dimension = QuestionDimension.Attitude, Level = 1 + i, Kind = QuestionKind.Agreement, CreatedAt = created });
        list.Add(new Question { Id = "adv", Text = "Recommend", Dimension = QuestionDimension.Attitude, Level = 1, Kind = QuestionKind.Advocacy, CreatedAt = created });
        list.Add(new Question { Id = "v", Text = "One thing", Dimension = QuestionDimension.Voice, Level = 1, Kind = QuestionKind.FreeText, CreatedAt = created });
        return list;
    }
}

/// <summary>A clock stopped at one moment, so reports pick the same periods on every run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
