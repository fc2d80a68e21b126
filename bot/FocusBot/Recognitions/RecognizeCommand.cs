using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Recognitions;

/// <summary>
/// `recognize` (or `recognise`): an Executive's recognition, the form, its people search, and posting. The router checks
/// the Executive role first, for the command and for each button.
/// </summary>
public sealed class RecognizeCommand(RecognitionFormFlow flow) : ICommandHandler, ICardActionHandler
{
    public const string PostVerb = "recognition.post";
    public const string SearchVerb = "recognition.search";

    public BotCommand Command => CommandCatalog.Recognize;

    public IReadOnlyCollection<string> Verbs { get; } = [PostVerb, SearchVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Recognize;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = await flow.FormAsync(turn, RecognitionFormMode.Executive, channel: null, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), card.FallbackText), cancellationToken);
    }

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        verb == SearchVerb
            ? flow.SearchAsync(turn, RecognitionFormMode.Executive, data, cancellationToken)
            : flow.PostAsync(turn, RecognitionFormMode.Executive, data, cancellationToken);
}
