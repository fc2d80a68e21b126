using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;

namespace FocusBot.Help;

/// <summary>`help` and `help &lt;command&gt;`, and the welcome card's "Show commands" button.</summary>
public sealed partial class HelpCommand(CommandAccess access, PrivacyThresholds privacy, ILogger<HelpCommand> logger)
    : ICommandHandler, ICardActionHandler
{
    public const string ShowHelpVerb = "help.show";

    public BotCommand Command => CommandCatalog.Help;

    public IReadOnlyCollection<string> Verbs { get; } = [ShowHelpVerb];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var reader = await access.ForAsync(turn, cancellationToken);
        if (arguments.Length == 0)
        {
            await turn.SendAsync(Activity.CreateCardMessage(HelpCard.Create(reader, privacy.MinimumGroupSize).ToJsonElement(), HelpCard.Title), cancellationToken);
            return;
        }

        if (reader.Find(arguments) is not { } command)
        {
            var suggestions = CommandSuggestions.Closest(arguments, reader.UsableNames);
            LogNoSuchCommand(logger, suggestions.Count);
            var hint = CommandSuggestions.DidYouMean([.. suggestions.Select(s => "help " + s)]);
            await turn.SendAsync(Activity.CreateTextMessage($"FocusBot has no command by that name. {(hint is null ? "" : hint + " ")}" +
                "Type help to see the commands you can use."), cancellationToken);
            return;
        }

        // The same answer as typing the command: help must not describe what the reader's roles keep from them.
        var card = reader.MayUse(command) ? CommandHelpCard.Create(command, reader) : RefusalCard.Create(command);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), card.FallbackText), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        AdaptiveCardInvokeResponse.Card(HelpCard.Create(await access.ForAsync(turn, cancellationToken), privacy.MinimumGroupSize).ToJsonElement());

    [LoggerMessage(Level = LogLevel.Information, Message = "help for no known command; {Suggestions} suggestion(s) offered")]
    private static partial void LogNoSuchCommand(ILogger logger, int suggestions);
}
