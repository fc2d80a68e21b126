using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Support;

/// <summary>
/// Three closed weekly pulses (the three weeks before this one) in a running host's store, written through the
/// answer store and <see cref="TrendRecorder"/>: Alpha (8 people), Bravo (6), Tiny (3, always hidden), and 5 people in
/// no team. Tiny answers every attitude item "1" and every quiz wrong, so any leak of its figures would show as 0%.
/// </summary>
public static class HostTrendSeed
{
    public const string Tenant = TeamsActivities.TenantId;
    public const string HrUser = "29:hr-person";
    public const string StaffUser = "29:staff-person";

    public static readonly (string Id, string Name, int People)[] Teams = [("t-alpha", "Alpha", 8), ("t-bravo", "Bravo", 6), ("t-tiny", "Tiny", 3)];

    public static readonly Question Quiz = SampleQuestions.Quiz with { Id = "host-k1" };
    public static readonly Question Agreement = SampleQuestions.Agreement with { Id = "host-a1" };
    public static readonly Question Frequency = SampleQuestions.Frequency with { Id = "host-b1" };
    public static readonly Question Voice = SampleQuestions.Voice with { Id = "host-v1" };

    public static async Task<IReadOnlyList<Pulse>> SeedAsync(IServiceProvider services, string serviceUrl, string? teamNameOverride = null, bool hrHasChat = true)
    {
        var questions = services.GetRequiredService<IQuestionStore>();
        foreach (var question in (Question[])[Quiz, Agreement, Frequency, Voice])
            await questions.UpsertAsync(question with { Active = false }, CancellationToken.None);
        var conversations = services.GetRequiredService<IConversationStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (id, name, _) in Teams)
        {
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = Tenant,
                ConversationId = "19:" + id + "@thread.tacv2",
                Kind = ConversationKind.Channel,
                ServiceUrl = serviceUrl,
                BotId = TeamsActivities.BotId,
                TeamId = id,
                TeamName = id == "t-bravo" && teamNameOverride is not null ? teamNameOverride : name,
                InstalledAt = now,
                UpdatedAt = now,
            }, CancellationToken.None);
        }

        foreach (var user in hrHasChat ? (string[])[HrUser, StaffUser] : [StaffUser])
            await AddChatAsync(services, serviceUrl, user);

        await services.GetRequiredService<IRoleStore>().GrantAsync(new RoleAssignment
        {
            TenantId = Tenant,
            AadObjectId = TeamsActivities.AadOf(HrUser),
            Role = Role.HR,
            GrantedBy = "test",
            GrantedAt = now,
        }, CancellationToken.None);

        var pulseStore = services.GetRequiredService<IPulseStore>();
        var answers = services.GetRequiredService<IAnswerStore>();
        var recorder = services.GetRequiredService<TrendRecorder>();
        var thisWeek = TrendPeriod.WeekOf(DateOnly.FromDateTime(now.UtcDateTime));
        var pulses = new List<Pulse>();
        for (var weeksAgo = 3; weeksAgo >= 1; weeksAgo--)
        {
            var week = TrendPeriod.Range(thisWeek, weeksAgo + 1)[0];
            var opens = new DateTimeOffset(week.FirstDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var pulse = await pulseStore.CreateAsync(new Pulse
            {
                Id = "host-" + week.Key,
                TenantId = Tenant,
                QuestionIds = [Quiz.Id, Agreement.Id, Frequency.Id, Voice.Id],
                OpensAt = opens,
                ClosesAt = opens.AddDays(4),
                Status = PulseStatus.Closed,
            }, CancellationToken.None) ?? throw new InvalidOperationException("pulse exists");
            pulses.Add(pulse);
            var improving = 3 - weeksAgo;
            List<(string Person, string[] Teams, bool Tiny)> people = [];
            foreach (var (id, _, count) in Teams)
                people.AddRange(Enumerable.Range(0, count).Select(i => ($"{id}-{i}", new[] { id }, id == "t-tiny")));
            people.AddRange(Enumerable.Range(0, 5).Select(i => ($"free-{i}", Array.Empty<string>(), false)));
            var n = 0;
            foreach (var (person, teams, tiny) in people)
            {
                await recorder.RecordDeliveredAsync(pulse, teams, CancellationToken.None);
                n++;
                await AnswerAsync(answers, recorder, pulse, Quiz, person, tiny ? "0" : (n + improving) % 4 == 0 ? "0" : "1", teams);
                await AnswerAsync(answers, recorder, pulse, Agreement, person, tiny ? "1" : (n % 3 == 0 ? "3" : "4"), teams);
                await AnswerAsync(answers, recorder, pulse, Frequency, person, tiny ? "0" : (n % 2 == 0 ? "2" : "1"), teams);
                await AnswerAsync(answers, recorder, pulse, Voice, person, n % 2 == 0 ? "Faster refunds and clearer invoices" : "Clearer invoices please", teams);
            }
        }

        await services.GetRequiredService<PrivacyGate>().SealAsync(Tenant, pulses, CancellationToken.None);
        return pulses;
    }

    /// <summary>The personal chat FocusBot keeps for a user who installed it.</summary>
    public static Task AddChatAsync(IServiceProvider services, string serviceUrl, string user)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return services.GetRequiredService<IConversationStore>().UpsertAsync(new ConversationRecord
        {
            TenantId = Tenant,
            ConversationId = TeamsActivities.ChatOf(user),
            Kind = ConversationKind.Personal,
            ServiceUrl = serviceUrl,
            BotId = TeamsActivities.BotId,
            BotName = "FocusBot",
            UserId = user,
            UserAadObjectId = TeamsActivities.AadOf(user),
            InstalledAt = now,
            UpdatedAt = now,
        }, CancellationToken.None);
    }

    private static async Task AnswerAsync(IAnswerStore answers, TrendRecorder recorder, Pulse pulse, Question question, string person, string value, string[] teams)
    {
        var answer = new Answer
        {
            PulseId = pulse.Id,
            QuestionId = question.Id,
            RespondentPseudonym = "host-" + person,
            TenantId = Tenant,
            Value = value,
            TeamIds = teams,
            AnsweredAt = pulse.OpensAt,
        };
        await answers.UpsertAsync(answer, CancellationToken.None);
        await recorder.RecordAnswerAsync(pulse, question, answer, CancellationToken.None);
    }
}
