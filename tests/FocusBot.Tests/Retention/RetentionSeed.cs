using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Retention;

/// <summary>
/// A closed week of a tenant written the way the host writes it: the pulse, a delivery row and "answered" marker per
/// person, their attitude answer and "one thing" answer through the answer store and <see cref="TrendRecorder"/> (so
/// counted records and figures exist), and "one thing" comments typed that week, then sealed.
/// </summary>
internal static class RetentionSeed
{
    public static async Task<Pulse> WeekAsync(IServiceProvider services, string tenantId, DateTimeOffset opens, int people, string comment)
    {
        var recorder = services.GetRequiredService<TrendRecorder>();
        var answers = services.GetRequiredService<IAnswerStore>();
        // The host's own bank (seeded at start): rebuilds and comments look questions up there.
        var bank = await services.GetRequiredService<IQuestionStore>().ListAsync(includeInactive: true, CancellationToken.None);
        var attitude = bank.First(q => q.Kind == QuestionKind.Agreement);
        var voice = bank.First(q => q.Kind == QuestionKind.FreeText);
        var week = TrendPeriod.WeekOf(DateOnly.FromDateTime(opens.UtcDateTime));
        var pulse = (await services.GetRequiredService<IPulseStore>().CreateAsync(new Pulse
        {
            Id = PulseIds.Weekly(week.Key, tenantId),
            TenantId = tenantId,
            QuestionIds = [attitude.Id, voice.Id],
            OpensAt = opens,
            ClosesAt = opens.AddDays(4),
            Status = PulseStatus.Closed,
        }, CancellationToken.None))!;
        var typed = VoicePulses.For(tenantId, voice.Id, week);
        for (var i = 0; i < people; i++)
        {
            var person = Person(tenantId, i);
            await services.GetRequiredService<IDeliveryStore>().CreateIfMissingAsync(
            [
                new Delivery
                {
                    LedgerId = LedgerIds.Of(pulse), RecipientKey = RecipientKeys.For(tenantId, person), TenantId = tenantId, UserId = person,
                    Status = DeliveryStatus.Sent, SendAfter = opens, UpdatedAt = opens,
                },
            ], CancellationToken.None);
            await recorder.RecordDeliveredAsync(pulse, [], CancellationToken.None);
            await services.GetRequiredService<IAnsweredMarkStore>().AddAsync(pulse.Id, "marker-" + person, CancellationToken.None);
            foreach (var (question, set, value) in new[] { (attitude, pulse, (4 + (i % 2)).ToString(CultureInfo.InvariantCulture)), (voice, pulse, Comment(comment, i)), (voice, typed, Comment(comment, i) + ", typed") })
            {
                var answer = new Answer
                {
                    PulseId = set.Id,
                    QuestionId = question.Id,
                    RespondentPseudonym = Pseudonym(tenantId, i),
                    TenantId = tenantId,
                    Value = value,
                    AnsweredAt = opens,
                };
                await answers.UpsertAsync(answer, CancellationToken.None);
                await recorder.RecordAnswerAsync(set, question, answer, CancellationToken.None);
            }
        }

        await services.GetRequiredService<PrivacyGate>().SealAsync(tenantId, await services.GetRequiredService<IPulseStore>().ListRecentAsync(100, CancellationToken.None),
            CancellationToken.None);
        return pulse;
    }

    public static string Person(string tenantId, int i) => $"29:{tenantId[..4]}-person-{i}";

    public static string Pseudonym(string tenantId, int i) => $"pseudonym-{tenantId[..4]}-{i}";

    public static string Comment(string comment, int i) => $"{comment} number {i}";

    /// <summary>Rows still filed under the pulse, its week's typed comments, and its delivery ledger.</summary>
    public static async Task<int> RawRowsAsync(IServiceProvider services, Pulse pulse)
    {
        var answers = services.GetRequiredService<IAnswerStore>();
        var week = TrendPeriod.WeekOf(DateOnly.FromDateTime(pulse.OpensAt.UtcDateTime));
        var rows = await answers.ListByPulseAsync(pulse.Id, CancellationToken.None).CountAsync()
            + await answers.ListByPulseAsync(PulseIds.Voice(week.Key, pulse.TenantId), CancellationToken.None).CountAsync()
            + (await services.GetRequiredService<IAnsweredMarkStore>().ListAsync(pulse.Id, CancellationToken.None)).Count
            + await services.GetRequiredService<IDeliveryStore>().ListAsync(LedgerIds.Of(pulse), null, CancellationToken.None).CountAsync();
        for (var i = 0; i < 100; i++)
        {
            if (await services.GetRequiredService<ICountedAnswersStore>().GetAsync(pulse.Id, Pseudonym(pulse.TenantId, i), CancellationToken.None) is not null)
                rows++;
        }

        return rows;
    }
}
