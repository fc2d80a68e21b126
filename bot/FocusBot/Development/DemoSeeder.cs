using System.Globalization;
using FocusBot.Configuration;
using FocusBot.Development;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Privacy;
using FocusBot.Questions;
using Microsoft.Extensions.Options;

namespace FocusBot.Development;

/// <summary>
/// `--seed-demo`: 12 weeks of realistic made-up history (60 people in 5 teams, weekly pulses, answers that drift the
/// way a working programme does, one team sliding) in the Agents Playground's tenant, so a newcomer types `trends` and
/// sees meaningful figures at once; with it the Playground user gets their roles (<see cref="PlaygroundRegistration"/>).
/// Development only (Program refuses it elsewhere); running it again writes no second history.
/// </summary>
public sealed partial class DemoSeeder(
    IQuestionStore questions,
    QuestionBankSeeder defaultBank,
    IPulseStore pulses,
    IDeliveryStore deliveries,
    IAnswerStore answers,
    IConversationStore conversations,
    IRosterStore roster,
    ISettingsStore settings,
    TrendRebuilder rebuilder,
    Pseudonyms pseudonyms,
    IOptions<PlaygroundOptions> playground,
    TimeProvider timeProvider,
    ILogger<DemoSeeder> logger)
{
    public const string Option = DevelopmentSwitches.SeedDemo;

    /// <summary>The tenant and user the Microsoft 365 Agents Playground uses by default.</summary>
    public const string PlaygroundTenantId = PlaygroundDefaults.TenantId;

    public static readonly string PlaygroundUserAadObjectId = PlaygroundDefaults.User.AadObjectId;
    public const int Weeks = 12;
    public const int PeoplePerTeam = 12;
    private const string Marker = "demo:seeded";

    /// <summary>Seeds the history and registers the Playground user when configuration asks for it (`--seed-demo`).</summary>
    public static async Task RunIfRequestedAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue<bool>(ConfigurationKeys.DevToolsSeedDemo))
            return;
        var stopping = app.Lifetime.ApplicationStopping;
        var history = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(stopping);
        var people = await app.Services.GetRequiredService<PlaygroundRegistration>().RegisterAsync(stopping);
        await Console.Out.WriteLineAsync("FocusBot demo data: " + history);
        await Console.Out.WriteLineAsync("FocusBot demo roles: " + people);
    }

    public async Task<string> SeedAsync(CancellationToken cancellationToken)
    {
        const string tenant = PlaygroundTenantId;
        if (await settings.GetAsync(tenant, Marker, cancellationToken) is not null)
            return "already seeded; nothing written.";
        var now = timeProvider.GetUtcNow();
        // The default bank first: it is written only into an empty bank, and the demo questions (inactive, for the
        // history) would otherwise leave a store with nothing a real pulse can ask.
        await defaultBank.SeedIfEmptyAsync(cancellationToken);
        foreach (var question in DemoBank.Questions(now.AddDays(-7 * (Weeks + 1))))
            await questions.UpsertAsync(question, cancellationToken);
        var people = await SeedTeamsAsync(tenant, now, cancellationToken);

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
            var (pulseAnswers, pulseDeliveries) = Answer(pulse, i, people, bank, random, pseudonyms);
            await deliveries.CreateIfMissingAsync(pulseDeliveries, cancellationToken);
            await answers.UpsertManyAsync(pulse.Id, pulseAnswers, cancellationToken);
            answerCount += pulseAnswers.Count;
        }

        var rebuilt = await rebuilder.RebuildAsync(tenant, cancellationToken);
        await settings.SetAsync(tenant, Marker, "1", cancellationToken);
        LogSeeded(logger, answerCount);
        return string.Create(CultureInfo.InvariantCulture,
            $"{people.Count} people in {DemoBank.Teams.Length} teams, {Weeks} weekly pulses, {answerCount} answers. ")
            + (rebuilt.Refused ? $"Trend figures not built yet: {rebuilt.RefusedBecause}; type `trends rebuild` later." : "Type `trends` in the Agents Playground.");
    }

    private async Task<List<(string UserId, string TeamId, double Participation, double Drift)>> SeedTeamsAsync(string tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = new List<(string, string, double, double)>();
        var number = 0;
        foreach (var (teamId, name, participation, drift) in DemoBank.Teams)
        {
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = tenant,
                ConversationId = teamId,
                Kind = ConversationKind.Channel,
                // The Playground's Connector: it accepts any team and person, so a pulse or insight that reaches the demo
                // people goes nowhere visible, instead of failing against an address nobody serves (retried for minutes).
                ServiceUrl = PlaygroundDefaults.ConnectorUrl(playground.Value.Port),
                BotId = PlaygroundDefaults.BotId,
                TeamId = teamId,
                TeamName = name,
                ChannelName = "General",
                InstalledAt = now,
                UpdatedAt = now,
            }, cancellationToken);
            var members = new List<TeamMember>();
            for (var i = 0; i < PeoplePerTeam; i++)
            {
                var userId = string.Create(CultureInfo.InvariantCulture, $"29:demo-person-{++number:D2}");
                members.Add(new TeamMember { TenantId = tenant, TeamId = teamId, UserId = userId, Name = string.Create(CultureInfo.InvariantCulture, $"Demo Person {number:D2}") });
                // Made-up people have no chat to show a pulse in: paused, a pulse opened later skips them rather than
                // sending cards the Playground refuses (and FocusBot retries) for each of them.
                await settings.SetPausedAsync(tenant, userId, true, cancellationToken);
                people.Add((userId, teamId, participation, drift));
            }

            await roster.ReplaceTeamRosterAsync(tenant, teamId, members, cancellationToken);
        }

        return people;
    }

    /// <summary>Answers that improve over the weeks (knowledge most), with each team's own drift.</summary>
    private static (List<Answer> Answers, List<Delivery> Deliveries) Answer(Pulse pulse, int week, List<(string UserId, string TeamId, double Participation, double Drift)> people,
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Answers} answers")]
    private static partial void LogSeeded(ILogger logger, long answers);
}
