using System.Runtime.CompilerServices;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;
using FocusBot.Trends;
using Microsoft.Extensions.Options;

namespace FocusBot.PulseResults;

/// <summary>
/// The results card each person a pulse reached receives through the delivery ledger "results:{pulse id}". It is built
/// when it is sent, from sealed figures that never change, so a send resumed after a restart sends what the first would have.
/// </summary>
public sealed class ResultsContent(
    IOptions<ResultsCardOptions> options,
    IPulseStore pulses,
    LatestResults latest,
    ContentTenants tenants,
    ResultsReader reader,
    ISettingsStore settings,
    IRosterStore roster,
    IConversationStore conversations,
    RoleResolver roles,
    Lazy<ReportUrls> urls,
    TimeProvider timeProvider) : IDeliveryContent
{
    public const string LedgerKind = LedgerIds.ResultsKind;

    /// <summary>How long after its pulse closes a results card is still sent; after a week it is no longer news.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(7);

    public string Kind => LedgerKind;

    public static string LedgerOf(string pulseId) => LedgerIds.ResultsOf(pulseId);

    public async IAsyncEnumerable<string> ListOpenLedgersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
            yield break;
        var since = timeProvider.GetUtcNow() - OpenFor;
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
        {
            if (await latest.GetAsync(tenantId, cancellationToken) is { } results && results.QueuedAt >= since)
                yield return LedgerOf(results.PulseId);
        }
    }

    public async Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var pulse = await pulses.GetAsync(LedgerIds.IdOf(delivery.LedgerId), cancellationToken);
        if (!options.Value.Enabled || pulse is null || pulse.TenantId != delivery.TenantId
            || await settings.IsPausedAsync(delivery.TenantId, delivery.UserId, cancellationToken))
            return null;
        var teams = await roster.ListTeamsForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken);
        var chat = await conversations.GetPersonalForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken);
        if (!IsStaff(teams, chat))
            return null;
        var results = await reader.ReadAsync(delivery.TenantId, TrendPeriod.AllFor(pulse.OpensAt)[0], teams, cancellationToken);
        if (results is null)
            return null;
        var card = ResultsCard.Create(results, await ReportUrlAsync(delivery, chat, cancellationToken));
        return Activity.CreateCardMessage(card.ToJsonElement(), ResultsCard.Summary(results));
    }

    /// <summary>
    /// Whether the person is still someone FocusBot reaches as staff: a member of a team FocusBot is in, or someone who
    /// opened FocusBot's chat themselves. A chat FocusBot opened to reach a team member (<see cref="DeliverySender"/>)
    /// outlives their membership, so it does not count: it is the one without the person's Entra object id, which only
    /// their own install carries. An erased person has neither (erasure removes their roster rows and their chat).
    /// </summary>
    private static bool IsStaff(IReadOnlyList<string> teams, ConversationRecord? chat) =>
        teams.Count > 0 || chat?.UserAadObjectId is { Length: > 0 };

    /// <summary>A signed link to the full report for someone who holds HR or Executive (as the digest gives them); null for everyone else.</summary>
    private async Task<Uri?> ReportUrlAsync(Delivery delivery, ConversationRecord? chat, CancellationToken cancellationToken)
    {
        var aadObjectId = chat?.UserAadObjectId ?? (await roster.FindByUserIdAsync(delivery.TenantId, delivery.UserId, cancellationToken))?.AadObjectId;
        if (aadObjectId is null || !RoleResolver.ReadsEveryTeam(await roles.GetRolesAsync(delivery.TenantId, aadObjectId, delivery.UserId, cancellationToken)))
            return null;
        return urls.Value.Page(urls.Value.LinkFor(delivery.TenantId, aadObjectId, delivery.UserId, TrendSlices.Org, PeriodKind.Week, TrendSpans.DefaultWeeks));
    }
}
