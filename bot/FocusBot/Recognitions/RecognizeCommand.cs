using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roster;
using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Recognitions;

/// <summary>`recognize` (or `recognise`): the form, its people search, and posting. The router checks the Executive role first.</summary>
public sealed partial class RecognizeCommand(
    TeamChannels channels,
    PeoplePicker people,
    RecognitionPublisher publisher,
    IOptionsMonitor<RecognitionOptions> options,
    ILogger<RecognizeCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string PostVerb = "recognition.post";
    public const string SearchVerb = "recognition.search";
    public const string PostedTitle = "Recognition posted";

    private const int SearchResults = 25;

    private static readonly string PartialListNote =
        $"Showing the first {PeoplePicker.MaxChoices} people by name. Search to find someone else.";

    public BotCommand Command => CommandCatalog.Recognize;

    public IReadOnlyCollection<string> Verbs { get; } = [PostVerb, SearchVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Recognize;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.Activity.Conversation?.ConversationType != ConversationTypes.Personal)
        {
            await turn.SendAsync(Activity.CreateTextMessage("Recognition is written in your personal chat with FocusBot: open it and type recognize."),
                cancellationToken);
            return;
        }

        var available = await channels.ListAsync(turn.TenantId, cancellationToken);
        if (available.Count == 0)
        {
            await turn.SendAsync(Activity.CreateCardMessage(RecognitionFormCard.NoTeam().ToJsonElement(), RecognitionFormCard.NoTeamTitle), cancellationToken);
            return;
        }

        var (listed, more) = await ListOthersAsync(turn, cancellationToken);
        var card = RecognitionFormCard.Create(listed, more ? PartialListNote : null, Behaviours, available);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), RecognitionFormCard.Title), cancellationToken);
    }

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        verb == SearchVerb ? SearchAsync(turn, data, cancellationToken) : PostAsync(turn, data, cancellationToken);

    private IReadOnlyList<string> Behaviours => options.CurrentValue.EffectiveBehaviours;

    private async Task<AdaptiveCardInvokeResponse> SearchAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var available = await channels.ListAsync(turn.TenantId, cancellationToken);
        var term = CardText.Plain(new FormValues(data).Raw(RecognitionForm.SearchId), RecognitionForm.MaxSearch);
        if (term.Length == 0)
        {
            var (listed, more) = await ListOthersAsync(turn, cancellationToken);
            return Form(RecognitionFormCard.Create(listed, more ? PartialListNote : null, Behaviours, available, data));
        }

        var found = (await people.SearchAsync(turn.TenantId, term, SearchResults + 1, cancellationToken)).Where(p => !IsSender(turn, p)).Take(SearchResults).ToList();
        var note = found.Count == 0
            ? $"No one FocusBot knows has a name starting with \"{term}\"."
            : string.Create(CultureInfo.InvariantCulture, $"{found.Count} {(found.Count == 1 ? "person" : "people")} found for \"{term}\".");
        // A single match is chosen for them; otherwise whoever they had chosen stays chosen if still listed.
        var previous = found.Count == 1 ? WithPerson(data, PeoplePicker.ValueOf(found[0])) : data;
        return Form(RecognitionFormCard.Create(found, note, Behaviours, available, previous));
    }

    private async Task<AdaptiveCardInvokeResponse> PostAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var available = await channels.ListAsync(turn.TenantId, cancellationToken);
        var (draft, problems) = await RecognitionForm.ReadAsync(data, turn.TenantId, turn.Activity.From, available, Behaviours, people, cancellationToken);
        if (draft is null)
        {
            LogRefusedForm(logger, problems.Count);
            var (listed, _) = await ListOthersAsync(turn, cancellationToken);
            return Form(RecognitionFormCard.Create(listed, null, Behaviours, available, data, problems));
        }

        var recognition = await publisher.PublishAsync(draft, turn.TenantId, turn.Activity.From ?? new ChannelAccount(), turn.Connector, cancellationToken);
        if (recognition is null)
        {
            var (listed, _) = await ListOthersAsync(turn, cancellationToken);
            return Form(RecognitionFormCard.Create(listed, null, Behaviours, available, data,
                ["Teams did not accept the post in that channel, so nothing was posted. Try again, or choose another channel."]));
        }

        return AdaptiveCardInvokeResponse.Card(PostedCard(recognition, TeamChannels.TitleOf(draft.Channel)).ToJsonElement());
    }

    // Recognising yourself is refused, so the form does not offer you.
    private async Task<(IReadOnlyList<RosterPerson> People, bool More)> ListOthersAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var (listed, more) = await people.ListAsync(turn.TenantId, PeoplePicker.MaxChoices + 1, cancellationToken);
        var others = listed.Where(p => !IsSender(turn, p)).ToList();
        return ([.. others.Take(PeoplePicker.MaxChoices)], more || others.Count > PeoplePicker.MaxChoices);
    }

    private static bool IsSender(TurnContext turn, RosterPerson person) =>
        person.UserId == turn.Activity.From?.Id
        || (person.AadObjectId is not null && string.Equals(person.AadObjectId, turn.Activity.From?.AadObjectId, StringComparison.OrdinalIgnoreCase));

    public static AdaptiveCard PostedCard(Recognition recognition, string channelTitle) => new()
    {
        FallbackText = PostedTitle,
        Body =
        [
            new TextBlock(PostedTitle) { Size = "Medium", Weight = "Bolder", Color = "Good" },
            new TextBlock($"{CardText.Markdown(recognition.RecipientName, 80)} is recognised for **{CardText.Markdown(recognition.Behaviour, 80)}** " +
                $"in {CardText.Markdown(channelTitle, 170)}. They get a personal message from FocusBot too."),
            new Container([new TextBlock(CardText.Markdown(recognition.Story, RecognitionForm.MaxStory))]) { Style = "emphasis" },
        ],
    };

    private static AdaptiveCardInvokeResponse Form(AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card.ToJsonElement());

    private static JsonElement WithPerson(JsonElement data, string personValue)
    {
        var node = data.ValueKind == JsonValueKind.Object ? System.Text.Json.Nodes.JsonObject.Create(data) ?? [] : [];
        node[RecognitionForm.PersonId] = personValue;
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition form refused with {Count} problem(s); nothing stored")]
    private static partial void LogRefusedForm(ILogger logger, int count);
}
