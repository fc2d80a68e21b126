using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Recognitions;

/// <summary>
/// `kudos`: any member of staff recognises a colleague of their team. Typed in a team's channel, the form posts there;
/// typed in the personal chat, it offers the channels of the person's own teams. Open to everyone, so the router checks
/// no role; the form checks the team, the person and the weekly limit.
/// </summary>
public sealed class KudosCommand(RecognitionFormFlow flow, TeamChannels channels) : ICommandHandler, ICardActionHandler
{
    public const string PostVerb = "kudos.post";
    public const string SearchVerb = "kudos.search";

    public BotCommand Command => CommandCatalog.Kudos;

    public IReadOnlyCollection<string> Verbs { get; } = [PostVerb, SearchVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Kudos;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var personal = PersonalChatOnly.IsPersonal(turn.Activity);
        var channel = personal ? null : await channels.OfActivityAsync(turn.Activity, cancellationToken);
        if (!personal && channel is null)
        {
            await turn.SendAsync(Activity.CreateTextMessage("A colleague is recognised in a team's channel: type kudos in a channel of your team, " +
                "or in your personal chat with FocusBot."), cancellationToken);
            return;
        }

        var card = await flow.FormAsync(turn, RecognitionFormMode.Peer, channel, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), card.FallbackText), cancellationToken);
    }

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        verb == SearchVerb
            ? flow.SearchAsync(turn, RecognitionFormMode.Peer, data, cancellationToken)
            : flow.PostAsync(turn, RecognitionFormMode.Peer, data, cancellationToken);
}
