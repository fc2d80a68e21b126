using System.Runtime.CompilerServices;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Privacy;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;

namespace FocusBot.Pulses;

/// <summary>The pulse card each recipient receives through the delivery ledger.</summary>
public sealed class PulseContent(IPulseStore pulses, PulseBank bank, ISettingsStore settings, IRosterStore roster, IConversationStore conversations,
    Pseudonyms pseudonyms, PulseReviews reviews, IEnumerable<IPulseListener> listeners, PrivacyThresholds privacy)
    : IDeliveryContent
{
    public const string LedgerKind = LedgerIds.PulseKind;

    public string Kind => LedgerKind;

    public static string LedgerOf(Pulse pulse) => LedgerIds.Of(pulse);

    public async IAsyncEnumerable<string> ListOpenLedgersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var pulse in await pulses.ListActiveAsync(cancellationToken))
        {
            if (pulse.Status is PulseStatus.Sending or PulseStatus.Open)
                yield return LedgerOf(pulse);
        }
    }

    public async Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var pulse = await bank.GetPulseAsync(LedgerIds.IdOf(delivery.LedgerId), cancellationToken);
        if (pulse is null || pulse.Status == PulseStatus.Closed || await settings.IsPausedAsync(delivery.TenantId, delivery.UserId, cancellationToken))
            return null;
        var questions = await bank.QuestionsOfAsync(pulse, cancellationToken);
        var review = await reviews.ForAsync(pulse, await PseudonymOfAsync(delivery, cancellationToken), cancellationToken);
        // The card shows no answers; should the person have answered already (through `pulse`), it says so when opened.
        return Activity.CreateCardMessage(
            PulseCard.Form(pulse.Id, questions, privacy.MinimumGroupSize, ShownAnswers.None(questions), review: review).ToJsonElement(),
            PulseCard.Summary(questions.Count));
    }

    /// <summary>
    /// The pseudonym the person's presses are filed under: their answers carry their Entra object id (which their own chat
    /// or their team roster knows), else their Teams user id, as <see cref="Pseudonyms.OfRespondent"/> says.
    /// </summary>
    private async Task<string> PseudonymOfAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var aadObjectId = (await conversations.GetPersonalForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken))?.UserAadObjectId
            ?? (await roster.FindByUserIdAsync(delivery.TenantId, delivery.UserId, cancellationToken))?.AadObjectId;
        return pseudonyms.OfRespondent(delivery.TenantId, aadObjectId, delivery.UserId);
    }

    public async Task OnSentAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (await bank.GetPulseAsync(LedgerIds.IdOf(delivery.LedgerId), cancellationToken) is not { } pulse)
            return;
        var teams = await roster.ListTeamsForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken);
        foreach (var listener in listeners)
            await listener.OnDeliveredAsync(pulse, teams, cancellationToken);
    }
}
