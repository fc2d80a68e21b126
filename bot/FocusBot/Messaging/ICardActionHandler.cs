using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Protocol.Activities;

namespace FocusBot.Messaging;

/// <summary>
/// Answers a card button, whichever way it arrives: an Action.Execute invoke (the answer replaces the card) or the
/// Action.Submit fallback of an older client (a message whose value carries the verb).
/// </summary>
public interface ICardActionHandler
{
    IReadOnlyCollection<string> Verbs { get; }

    /// <summary>The command whose role rules a verb follows; null when anyone who got the card may press it.</summary>
    BotCommand? CommandFor(string verb) => null;

    Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken);
}
