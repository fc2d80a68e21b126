using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Privacy;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>`pulse`: show me my open pulse (or my answers to it).</summary>
public sealed class ShowPulseCommand(PulseBank bank, PulseReviews reviews, Pseudonyms pseudonyms, IOptions<PulseOptions> options,
    PrivacyThresholds privacy, TimeProvider timeProvider) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Pulse;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var open = await bank.OpenPulseAsync(turn.TenantId, now, cancellationToken);
        if (open is null)
        {
            var next = new PulseCalendar(options.Value.ToSchedule()).CycleAt(now.AddDays(7)).SendDate;
            await turn.SendAsync(Activity.CreateTextMessage($"No pulse is open right now. The next one is due around {next:dddd d MMMM}."), cancellationToken);
            return;
        }

        var questions = await bank.QuestionsOfAsync(open, cancellationToken);
        var pseudonym = pseudonyms.OfRespondent(open.TenantId, turn.Activity.From?.AadObjectId, turn.Activity.From?.Id ?? string.Empty);
        var mine = ShownAnswers.Of(questions, await bank.AnswersOfAsync(open, questions, pseudonym, cancellationToken));
        var review = await reviews.ForAsync(open, pseudonym, cancellationToken);
        var card = PulseCard.AsItStands(open.Id, questions, privacy.MinimumGroupSize, mine, open.ClosesAt, review);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), PulseCard.Summary(questions.Count)), cancellationToken);
    }
}

/// <summary>`pause` and `resume`: stop or restart my pulses.</summary>
public sealed class PauseCommand(ISettingsStore settings, bool pause) : ICommandHandler
{
    public BotCommand Command => pause ? CommandCatalog.Pause : CommandCatalog.Resume;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        await settings.SetPausedAsync(turn.TenantId, turn.Activity.From?.Id ?? string.Empty, pause, cancellationToken);
        await turn.SendAsync(Activity.CreateTextMessage(pause
            ? "Paused: you will not get pulses or reminders until you type resume."
            : "Welcome back: you will get the next pulse."), cancellationToken);
    }
}

/// <summary>
/// `one thing`: "What one thing could we do better for our customers?", answered at any time. One answer per person per
/// week (a later one replaces it), filed like a pulse answer under the person's pseudonym, with their teams so team
/// themes can be counted, in the week still open for figures (<see cref="VoicePulses"/>).
/// </summary>
public sealed class OneThingCommand(IQuestionStore questions, IAnswerStore answers, IRosterStore roster, Pseudonyms pseudonyms, PrivacyGate gate,
    IEnumerable<IPulseListener> listeners, TimeProvider timeProvider) : ICommandHandler, ICardActionHandler
{
    public const string SubmitVerb = "voice.submit";
    private const string InputId = "oneThing";

    public BotCommand Command => CommandCatalog.OneThing;

    public IReadOnlyCollection<string> Verbs { get; } = [SubmitVerb];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            await turn.SendAsync(Activity.CreateCardMessage(FormCard((await VoiceQuestionAsync(cancellationToken)).Text, null).ToJsonElement()), cancellationToken);
            return;
        }

        await turn.SendAsync(Activity.CreateTextMessage(await SaveAsync(turn, arguments, cancellationToken)), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var text = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(InputId, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : string.Empty;
        if (text.Length == 0)
            return AdaptiveCardInvokeResponse.Card(FormCard((await VoiceQuestionAsync(cancellationToken)).Text, "Please write your suggestion first.").ToJsonElement());
        return AdaptiveCardInvokeResponse.Card(new AdaptiveCard { Body = [new TextBlock(await SaveAsync(turn, text, cancellationToken))] }.ToJsonElement());
    }

    private async Task<string> SaveAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (text.Length > Answer.FreeTextMaxLength)
            return $"That is {text.Length} characters; please keep it under {Answer.FreeTextMaxLength}. Nothing was saved.";
        var now = timeProvider.GetUtcNow();
        var question = await VoiceQuestionAsync(cancellationToken);
        var pulse = VoicePulses.For(turn.TenantId, question.Id, await gate.OpenWeekAsync(turn.TenantId, now, cancellationToken));
        var userId = turn.Activity.From?.Id ?? string.Empty;
        var teams = userId.Length == 0 ? [] : await roster.ListTeamsForUserAsync(turn.TenantId, userId, cancellationToken);
        var answer = new Answer
        {
            PulseId = pulse.Id,
            QuestionId = question.Id,
            RespondentPseudonym = pseudonyms.OfRespondent(turn.TenantId, turn.Activity.From?.AadObjectId, turn.Activity.From?.Id ?? string.Empty),
            TenantId = turn.TenantId,
            Value = text,
            TeamIds = teams,
            AnsweredAt = now,
        };
        var previous = await answers.UpsertAsync(answer, cancellationToken);
        foreach (var listener in listeners)
            await listener.OnAnswersAsync(pulse, [new AnswerChange(question, previous, answer)], [], cancellationToken); // a Voice pulse has one question
        return "Thank you. Your suggestion is in, filed without your name; HR sees the themes across everyone's suggestions.";
    }

    private async Task<Question> VoiceQuestionAsync(CancellationToken cancellationToken) =>
        (await questions.ListAsync(includeInactive: false, cancellationToken)).FirstOrDefault(q => q.Dimension == QuestionDimension.Voice) ?? VoicePulses.FallbackQuestion;

    private static AdaptiveCard FormCard(string question, string? problem) => new()
    {
        FallbackText = question,
        Body =
        [
            new TextBlock(CardText.Escape(question)) { Size = "Medium", Weight = "Bolder" },
            .. problem is null ? Array.Empty<CardElement>() : [new TextBlock(problem) { Color = "Attention" }],
            new TextInput { Id = InputId, IsMultiline = true, MaxLength = Answer.FreeTextMaxLength, Placeholder = "One thing we could do better..." },
            new ActionSet([ExecuteAction.WithSubmitFallback("Send", SubmitVerb, new JsonObject())]),
        ],
    };
}
