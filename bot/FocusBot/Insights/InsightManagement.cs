using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>
/// An insight after it was posted: its reach ("Check reach"), "Edit" and "Save changes", "Recall" (asked first) and, before
/// its time, "Cancel it". Each button follows the insight command's roles (Executive, HR; the router checks them), so
/// the author and anyone who may share insights can manage it, in the author's tenant only.
/// </summary>
public sealed partial class InsightManagement(
    IInsightStore insights,
    InsightChanges changes,
    InsightReachReader reach,
    PrivacyThresholds privacy,
    TimeProvider timeProvider,
    ILogger<InsightManagement> logger) : ICardActionHandler
{
    public const string ReachVerb = "insight.reach";
    public const string EditVerb = "insight.edit";
    public const string SaveVerb = "insight.save";
    public const string RecallVerb = "insight.recall";
    public const string CancelVerb = "insight.cancel";

    private const string Gone = "That insight no longer exists.";

    public IReadOnlyCollection<string> Verbs { get; } = [ReachVerb, EditVerb, SaveVerb, RecallVerb, CancelVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Insight;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        if (await FindAsync(insights, turn, data, cancellationToken) is not { } insight)
            return AdaptiveCardInvokeResponse.Message(Gone);
        return verb switch
        {
            EditVerb => Edit(insight),
            SaveVerb => await SaveAsync(insight, data, cancellationToken),
            RecallVerb => await RecallAsync(insight, data, cancellationToken),
            CancelVerb => await CancelAsync(insight, cancellationToken),
            _ => await ReachAsync(insight, null, cancellationToken),
        };
    }

    /// <summary>The insight a button names, if it exists in the presser's tenant.</summary>
    public static async Task<Insight?> FindAsync(IInsightStore insights, TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(turn);
        return new FormValues(data).Raw("insightId") is { Length: > 0 and <= 64 } id && await insights.GetAsync(id, cancellationToken) is { } insight
            && insight.TenantId == turn.TenantId
                ? insight
                : null;
    }

    private async Task<AdaptiveCardInvokeResponse> ReachAsync(Insight insight, string? notice, CancellationToken cancellationToken)
    {
        var figures = await reach.ReadAsync(insight, cancellationToken);
        var gotIt = InsightCard.GotItCount(insight.GotItCount, privacy.MinimumGroupSize);
        return AdaptiveCardInvokeResponse.Card(InsightReachCard.Reach(insight, figures, gotIt, timeProvider.GetUtcNow(), notice).ToJsonElement());
    }

    private AdaptiveCardInvokeResponse Edit(Insight insight) => InsightChanges.MayEdit(insight, timeProvider.GetUtcNow())
        ? AdaptiveCardInvokeResponse.Card(InsightFormCard.Edit(insight).ToJsonElement())
        : AdaptiveCardInvokeResponse.Message(TooLate(insight, "edited"));

    private async Task<AdaptiveCardInvokeResponse> SaveAsync(Insight insight, JsonElement data, CancellationToken cancellationToken)
    {
        var text = InsightForm.ReadEdit(data, out var problems);
        if (text is null)
        {
            LogRefusedEdit(logger, problems.Count);
            return AdaptiveCardInvokeResponse.Card(InsightFormCard.Edit(insight, data, problems).ToJsonElement());
        }

        if (await changes.EditAsync(insight.Id, text, cancellationToken) is not { } edited)
            return AdaptiveCardInvokeResponse.Message(TooLate(insight, "edited"));
        var notice = edited.Insight.Status != InsightStatus.Sent ? "Saved. It goes out as you see it now."
            : edited.Messages == 0 ? "Saved. No message of it had arrived anywhere yet; those still on their way carry the new text."
            : $"Saved. Updating it in the {Messages(edited.Messages)} it went to; Check reach shows how that went.";
        return await ReachAsync(edited.Insight, notice, cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> RecallAsync(Insight insight, JsonElement data, CancellationToken cancellationToken)
    {
        if (!InsightChanges.MayRecall(insight, timeProvider.GetUtcNow()))
            return AdaptiveCardInvokeResponse.Message(TooLate(insight, "recalled"));
        if (new FormValues(data).Raw("confirmed") != "true")
            return AdaptiveCardInvokeResponse.Card(InsightReachCard.ConfirmRecall(insight).ToJsonElement());
        if (await changes.RecallAsync(insight.Id, cancellationToken) is not { } recalled)
            return AdaptiveCardInvokeResponse.Message(TooLate(insight, "recalled"));
        var notice = recalled.Messages == 0
            ? "Recalled. No message of it had arrived anywhere yet, and none will now."
            : $"Recalled. Deleting it from the {Messages(recalled.Messages)} it went to; Check reach shows how that went.";
        return await ReachAsync(recalled.Insight, notice, cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> CancelAsync(Insight insight, CancellationToken cancellationToken)
    {
        if (await changes.CancelAsync(insight.Id, cancellationToken) is not { } cancelled)
            return AdaptiveCardInvokeResponse.Message(TooLate(insight, "cancelled"));
        return await ReachAsync(cancelled, "Cancelled: it will not go out.", cancellationToken);
    }

    private static string Messages(int count) => count == 1 ? "1 chat or channel" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} chats and channels";

    private static string TooLate(Insight insight, string change) => insight.Status switch
    {
        InsightStatus.Recalled => $"That insight was recalled, so it can no longer be {change}.",
        InsightStatus.Cancelled => $"That insight was cancelled, so it can no longer be {change}.",
        InsightStatus.Sent when change == "cancelled" => "That insight has gone out already: recall it instead.",
        InsightStatus.Scheduled => $"That insight has not gone out yet, so it cannot be {change}: cancel it instead.",
        _ => $"That insight went out more than {InsightChanges.ChangeableFor.Days} days ago, so it can no longer be {change}.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight edit refused with {Count} problem(s); nothing changed")]
    private static partial void LogRefusedEdit(ILogger logger, int count);
}
