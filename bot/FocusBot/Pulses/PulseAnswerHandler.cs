using System.Globalization;
using System.Text.Json;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Storage;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Privacy;
using FocusBot.Protocol.Activities;
using FocusBot.Telemetry;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// Answers given in the pulse card. Every answer is stored durably before the invoke is acknowledged, under the
/// respondent's pseudonym, with their teams at answer time; the card is replaced with their answers and "change" until the
/// pulse closes. A replayed submit changes nothing; a submit for a closed pulse, an unknown question or an out-of-range value
/// is answered with a clear message and stores nothing. A quiz item counts its first answer only (the card shows the
/// solution once answered): a later different value is ignored with a notice. Answering writes nothing that names the
/// person: the delivery ledger is left alone and an opaque "answered" marker tells reminders to skip them.
/// A person may hold several cards of one pulse (the weekly send, one from `pulse`): a press on a card whose stamp is not
/// the stamp of the answers stored now would undo a newer card's answers, so it saves nothing and the card comes back
/// with what is stored and a notice. A card shown again refreshes to what is stored.
/// The card may also hold a knowledge check from an earlier week (<see cref="PulseReviews"/>, input "r."): only the one
/// this person's card of this pulse shows is accepted, its first answer counts, and it goes to the review items alone.
/// </summary>
public sealed partial class PulseAnswerHandler(
    PulseBank bank,
    IAnswerStore answers,
    IDeliveryStore deliveries,
    IAnsweredMarkStore answeredMarks,
    IRosterStore roster,
    IConversationStore conversations,
    Pseudonyms pseudonyms,
    PulseReviews reviews,
    IEnumerable<IPulseListener> listeners,
    IOptions<PulseOptions> options,
    PrivacyThresholds privacy,
    TimeProvider timeProvider,
    ILogger<PulseAnswerHandler> logger) : ICardActionHandler
{
    public const string OtherCardNotice = "You changed these on another card; here is what we have. Nothing from this card was saved: press Change answers to change them here.";

    public IReadOnlyCollection<string> Verbs { get; } = [PulseCard.AnswerVerb, PulseCard.EditVerb, PulseCard.LaterVerb, PulseCard.RefreshVerb];

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        // Submits are measured (span, latency, answers stored); a card shown again, "change" and "later" are not answers.
        using var measurement = verb == PulseCard.AnswerVerb ? FocusBotTelemetry.MeasureAnswer(timeProvider) : null;
        var pulseId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("pulseId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var pulse = pulseId is null ? null : await bank.GetPulseAsync(pulseId, cancellationToken);
        var userId = turn.Activity.From?.Id;
        if (pulse is null || userId is null || pulse.TenantId != turn.TenantId)
        {
            measurement?.Outcome = FocusBotTelemetry.AnswerOutcomes.UnknownPulse;
            return AdaptiveCardInvokeResponse.Error(400, "UnknownPulse", "This pulse card is not recognised. Type pulse to get your current one.");
        }

        var questions = await bank.QuestionsOfAsync(pulse, cancellationToken);
        var pseudonym = pseudonyms.OfRespondent(pulse.TenantId, turn.Activity.From?.AadObjectId, userId);
        var closed = pulse.Status == PulseStatus.Closed || timeProvider.GetUtcNow() >= pulse.ClosesAt;
        var stored = await bank.AnswersOfAsync(pulse, questions, pseudonym, cancellationToken);
        if (closed)
        {
            measurement?.Outcome = FocusBotTelemetry.AnswerOutcomes.Closed;
            return AdaptiveCardInvokeResponse.Card(PulseCard.Closed(pulse.ClosesAt, stored.Count > 0).ToJsonElement());
        }


        var current = ShownAnswers.Of(questions, stored);
        // Cards sent before stamps carry none: they are taken as current, as they always were.
        var outdated = StampOf(data) is { } shown && shown != current.Stamp;
        var review = verb == PulseCard.LaterVerb ? null : await reviews.ForAsync(pulse, pseudonym, cancellationToken);
        return verb switch
        {
            PulseCard.RefreshVerb => Current(pulse, questions, current, review, null),
            PulseCard.EditVerb => Card(PulseCard.Form(pulse.Id, questions, privacy.MinimumGroupSize, current, outdated ? OtherCardNotice : null, review)),
            PulseCard.LaterVerb => await RemindLaterAsync(turn, pulse, userId, stored.Count > 0, cancellationToken),
            _ => await SaveAsync(new Submission(pulse, questions, pseudonym, userId, stored, review), data, outdated, measurement, cancellationToken),
        };
    }

    /// <summary>One press of Submit: the pulse, the person, what was stored before it and the review their card shows.</summary>
    private sealed record Submission(Pulse Pulse, IReadOnlyList<Question> Questions, string Pseudonym, string UserId,
        IReadOnlyDictionary<string, Answer> Stored, PulseReview? Review);

    private async Task<AdaptiveCardInvokeResponse> SaveAsync(Submission submission, JsonElement data, bool outdated, AnswerMeasurement? measurement,
        CancellationToken cancellationToken)
    {
        var (pulse, questions, pseudonym, userId, stored, review) = submission;
        var mine = PulseBank.ValuesOf(stored);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        string? reviewValue = null;
        foreach (var property in data.EnumerateObject())
        {
            var isReview = property.Name.StartsWith(ReviewSection.InputPrefix, StringComparison.Ordinal);
            if (!isReview && !property.Name.StartsWith(PulseCard.InputPrefix, StringComparison.Ordinal))
                continue;
            var questionId = property.Name[(isReview ? ReviewSection.InputPrefix : PulseCard.InputPrefix).Length..];
            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.Trim() : property.Value.ToString();
            // A review input must be the one this person's card of this pulse shows: any other is refused like an unknown question.
            var question = isReview ? (review?.Question.Id == questionId ? review.Question : null) : questions.FirstOrDefault(q => q.Id == questionId);
            if (question is null)
            {
                return Invalid(measurement, submission, isReview
                    ? "One of the answers is for a knowledge check that is not yours to review in this pulse. Nothing was saved."
                    : "One of the answers is for a question that is not in this pulse. Nothing was saved.");
            }

            if (value.Length == 0)
                continue;
            if (AnswerScales.Validate(question, value) is { } problem)
                return Invalid(measurement, submission, $"\"{Shorten(question.Text)}\": {problem} Nothing was saved.");
            if (isReview)
                reviewValue = value;
            else
                given[questionId] = value;
        }

        if (given.Count == 0 && reviewValue is null)
            return Invalid(measurement, submission, "Please answer at least one question.");

        // An older card would silently undo what a newer one stored. Only a press that repeats what is stored (a double
        // click, Teams repeating the press) goes on, and changes nothing.
        if (outdated && given.Any(g => !mine.TryGetValue(g.Key, out var storedValue) || storedValue != g.Value))
        {
            LogOutdatedCard(logger);
            measurement?.Outcome = FocusBotTelemetry.AnswerOutcomes.OutdatedCard;
            return Current(pulse, questions, ShownAnswers.Of(questions, stored), review, OtherCardNotice);
        }

        var teams = await roster.ListTeamsForUserAsync(pulse.TenantId, userId, cancellationToken);
        // The stores keep the day only (Answer.DayOf), whatever time is given here.
        var now = timeProvider.GetUtcNow();
        var locked = given.Keys.Where(id => IsQuiz(questions, id) && mine.ContainsKey(id) && mine[id] != given[id]).ToList();
        var toStore = given.Where(g => !mine.TryGetValue(g.Key, out var previousValue) || (previousValue != g.Value && !locked.Contains(g.Key))) // a replay changes nothing
            .Select(g => new Answer
            {
                PulseId = pulse.Id,
                QuestionId = g.Key,
                RespondentPseudonym = pseudonym,
                TenantId = pulse.TenantId,
                Value = g.Value,
                TeamIds = teams,
                AnsweredAt = now,
            }).ToList();
        // Each answer is its own row: storing them side by side keeps the invoke well inside Teams' 5 seconds. A first quiz
        // answer is inserted only if none is there, so of two racing first answers exactly one counts.
        var results = await Task.WhenAll(toStore.Select(a => IsQuiz(questions, a.QuestionId)
            ? answers.InsertIfAbsentAsync(a, cancellationToken)
            : answers.UpsertAsync(a, cancellationToken)));
        // What is stored now, as the stores wrote it (each write raised the revision it replaced by one), so the card that
        // comes back carries the stamp a next press will be checked against.
        var nowStored = new Dictionary<string, Answer>(stored, StringComparer.Ordinal);
        var changes = new List<AnswerChange>();
        for (var i = 0; i < toStore.Count; i++)
        {
            var question = questions.First(q => q.Id == toStore[i].QuestionId);
            if (question.Kind == QuestionKind.Quiz && results[i] is { } first)
            {
                nowStored[question.Id] = first; // another submission's first answer won
                if (first.Value != toStore[i].Value)
                    locked.Add(question.Id);
                continue;
            }

            nowStored[question.Id] = toStore[i] with { Revision = (results[i]?.Revision ?? 0) + 1 };
            changes.Add(new AnswerChange(question, results[i], toStore[i]));
        }

        if (changes.Count > 0)
        {
            var unchanged = questions.Where(q => stored.ContainsKey(q.Id) && !changes.Any(c => c.Question.Id == q.Id)).Select(q => (q, stored[q.Id])).ToList();
            foreach (var listener in listeners)
                await listener.OnAnswersAsync(pulse, changes, unchanged, cancellationToken);
        }

        // A review alone is not an answer to the pulse: reminders still come until the pulse itself is answered.
        if (given.Count > 0)
        {
            await answeredMarks.AddAsync(pulse.Id, pseudonyms.AnsweredMarker(pulse.Id, RecipientKeys.For(pulse.TenantId, userId)), cancellationToken);
            LogAnswered(logger, given.Count);
        }

        // The review goes to its own store only: no answer row, no listener, no figure.
        var reviewed = reviewValue is null ? null : await reviews.AnswerAsync(pulse, review!, reviewValue, cancellationToken);
        measurement?.Outcome = changes.Count > 0 ? FocusBotTelemetry.AnswerOutcomes.Saved : FocusBotTelemetry.AnswerOutcomes.Unchanged;
        measurement?.Stored = changes.Count;
        var notice = locked.Count == 0 && reviewed?.Locked != true ? null : "Knowledge check: your first answer counts, so the change to it was not saved; your other answers were.";
        return Card(PulseCard.Answered(pulse.Id, questions, ShownAnswers.Of(questions, nowStored), pulse.ClosesAt, notice, reviewed?.Review ?? review));
    }

    private AdaptiveCardInvokeResponse Current(Pulse pulse, IReadOnlyList<Question> questions, ShownAnswers current, PulseReview? review, string? notice) =>
        Card(PulseCard.AsItStands(pulse.Id, questions, privacy.MinimumGroupSize, current, pulse.ClosesAt, review, notice));

    private static AdaptiveCardInvokeResponse Card(Cards.AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card.ToJsonElement());

    private static string? StampOf(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(ShownAnswers.DataKey, out var stamp) && stamp.ValueKind == JsonValueKind.String ? stamp.GetString() : null;

    private const string NothingToRemind = "Your answers are in already, so there is nothing to remind you of.";

    private static bool IsQuiz(IReadOnlyList<Question> questions, string questionId) =>
        questions.FirstOrDefault(q => q.Id == questionId)?.Kind == QuestionKind.Quiz;

    /// <summary>
    /// Exactly one reminder about Pulse:RemindLaterAfter from now, kept apart from the scheduled reminders so it uses none
    /// of them up and comes even after both were sent. The answer names the local time, or says the pulse closes first.
    /// </summary>
    private async Task<AdaptiveCardInvokeResponse> RemindLaterAsync(TurnContext turn, Pulse pulse, string userId, bool answered,
        CancellationToken cancellationToken)
    {
        // Answering leaves the delivery row alone (see PulseScheduler), so the person's own stored answers tell.
        if (answered)
            return AdaptiveCardInvokeResponse.Message(NothingToRemind);
        var now = timeProvider.GetUtcNow();
        var at = now + options.Value.RemindLaterAfter;
        var zone = await ZoneOfAsync(turn, pulse.TenantId, userId, cancellationToken);
        if (at >= pulse.ClosesAt)
        {
            return AdaptiveCardInvokeResponse.Message(
                $"This pulse closes at {LocalTime(pulse.ClosesAt, now, zone)}, before I could remind you. Answer it here whenever suits you until then.");
        }

        var key = RecipientKeys.For(pulse.TenantId, userId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var delivery = await deliveries.GetAsync(PulseContent.LedgerOf(pulse), key, cancellationToken);
            if (delivery is { Status: DeliveryStatus.Answered })
                return AdaptiveCardInvokeResponse.Message(NothingToRemind); // a row from before answered markers
            if (delivery is not { Status: DeliveryStatus.Sent })
            {
                return AdaptiveCardInvokeResponse.Message(
                    $"I can't set a reminder for this card. Type pulse before {LocalTime(pulse.ClosesAt, now, zone)} to get it again.");
            }

            try
            {
                await deliveries.UpdateAsync(delivery with { RemindLaterAt = at, UpdatedAt = now }, cancellationToken);
                return AdaptiveCardInvokeResponse.Message($"OK, I'll remind you around {LocalTime(at, now, zone)}.");
            }
            catch (ConcurrencyException)
            {
                // a reminder or the sender wrote the row at the same moment: read again
            }
        }

        return AdaptiveCardInvokeResponse.Message("I couldn't set the reminder just now. Please press Remind me later again.");
    }

    private async Task<TimeZoneInfo> ZoneOfAsync(TurnContext turn, string tenantId, string userId, CancellationToken cancellationToken)
    {
        var id = turn.Activity.SenderTimeZone ?? (await conversations.GetPersonalForUserAsync(tenantId, userId, cancellationToken))?.TimeZone;
        return PulseCalendar.FindZone(id) ?? PulseCalendar.FindZone(options.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;
    }

    /// <summary>"15:00", "09:00 tomorrow" or "15:00 on Saturday 5 December", in the person's time zone.</summary>
    private static string LocalTime(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (day == today)
            return time;
        return day == today.AddDays(1) ? time + " tomorrow" : time + " on " + local.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
    }

    private AdaptiveCardInvokeResponse Invalid(AnswerMeasurement? measurement, Submission submission, string problem)
    {
        measurement?.Outcome = FocusBotTelemetry.AnswerOutcomes.Invalid;
        var (pulse, questions, _, _, stored, review) = submission;
        return Card(PulseCard.Form(pulse.Id, questions, privacy.MinimumGroupSize, ShownAnswers.Of(questions, stored), problem, review));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse answers stored ({Count} items)")]
    private static partial void LogAnswered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "A press on an older pulse card changed nothing; the card now shows the stored answers")]
    private static partial void LogOutdatedCard(ILogger logger);
}
