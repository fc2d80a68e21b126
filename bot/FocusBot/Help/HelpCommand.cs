using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Trends;
using Microsoft.Extensions.Options;

namespace FocusBot.Help;

/// <summary>`help`, and the welcome card's "Show commands" button.</summary>
public sealed class HelpCommand(IOptions<TrendPrivacyOptions> privacy) : ICommandHandler, ICardActionHandler
{
    public const string ShowHelpVerb = "help.show";

    public BotCommand Command => CommandCatalog.Help;

    public IReadOnlyCollection<string> Verbs { get; } = [ShowHelpVerb];

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        turn.SendAsync(Activity.CreateCardMessage(CreateCard(turn).ToJsonElement(), HelpCard.Title), cancellationToken);

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardInvokeResponse.Card(CreateCard(turn).ToJsonElement()));

    private Cards.AdaptiveCard CreateCard(TurnContext turn)
    {
        var scope = turn.Activity.Conversation?.ConversationType == ConversationTypes.Personal ? BotCommandScope.Personal : BotCommandScope.Team;
        return HelpCard.Create(CommandCatalog.All.Where(c => c.Scopes.HasFlag(scope)), privacy.Value.MinimumGroupSize);
    }
}
