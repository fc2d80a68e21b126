using FocusBot.Commands;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>`insights`: the latest customer insights, for everyone; Executives and HR also see those scheduled for later.</summary>
public sealed class InsightsCommand(IInsightStore insights, CommandAccess access, PrivacyThresholds privacy) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Insights;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = await InsightCommand.ListCardAsync(turn, insights, access, privacy, null, false, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), InsightListCard.Title), cancellationToken);
    }
}
