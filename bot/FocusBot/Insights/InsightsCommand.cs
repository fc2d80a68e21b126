using FocusBot.Commands;
using FocusBot.Domain.Insights;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>`insights`: the latest customer insights, for everyone.</summary>
public sealed class InsightsCommand(IInsightStore insights) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Insights;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var latest = await insights.ListLatestAsync(turn.TenantId, InsightListCard.Count, cancellationToken);
        var card = InsightListCard.Create(latest, turn.Activity.From?.AadObjectId);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), InsightListCard.Title), cancellationToken);
    }
}
