using FocusBot.Domain.Privacy;
using FocusBot.Domain.Pulses;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Finds a person's rows by key, never by scanning: the conversation via its user row, rosters via the person's
/// membership partition, deliveries and answers pulse by pulse (one point delete or one partition range each).
/// </summary>
internal sealed class AzurePersonalDataEraser(
    AzureConversationStore conversations,
    AzureRosterStore roster,
    AzureDeliveryStore deliveries,
    AzureAnswerStore answers,
    AzureSettingsStore settings,
    AzureRoleStore roles) : IPersonalDataEraser
{
    public async Task<ErasureResult> EraseAsync(string tenantId, string userId, string? aadObjectId, string respondentPseudonym, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(respondentPseudonym);
        var conversationCount = await conversations.EraseUserAsync(tenantId, userId, cancellationToken);
        var rosterCount = await roster.EraseAsync(tenantId, userId, cancellationToken);
        var deliveryCount = await deliveries.EraseAsync(RecipientKeys.For(tenantId, userId), cancellationToken);
        var answerCount = await answers.EraseAsync(respondentPseudonym, cancellationToken);
        var pauseCount = await settings.ErasePauseAsync(tenantId, userId, cancellationToken);
        var roleCount = string.IsNullOrEmpty(aadObjectId) ? 0 : await roles.EraseAsync(tenantId, aadObjectId, cancellationToken);
        return new ErasureResult(conversationCount, rosterCount, deliveryCount, answerCount, pauseCount, roleCount);
    }
}
