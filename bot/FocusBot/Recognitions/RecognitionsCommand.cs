using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Recognitions;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;
using Microsoft.Extensions.Options;

namespace FocusBot.Recognitions;

/// <summary>
/// `recognitions`: the history, filtered and paged, for everyone (recognition is public). Months are the tenant's
/// calendar months (Pulse:DefaultTimeZone), the same in the card, the counts and the export.
/// </summary>
public sealed class RecognitionsCommand(
    IRecognitionStore recognitions,
    TeamChannels channels,
    RoleResolver roles,
    PulseSchedule schedule,
    IOptionsMonitor<RecognitionOptions> options,
    TimeProvider timeProvider) : ICommandHandler, ICardActionHandler
{
    /// <summary>"Show" with the chosen filters, and the paging buttons.</summary>
    public const string ShowVerb = "recognitions.show";

    private readonly PulseCalendar _calendar = new(schedule);

    public BotCommand Command => CommandCatalog.Recognitions;

    public IReadOnlyCollection<string> Verbs { get; } = [ShowVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Recognitions;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = await CreateCardAsync(turn, RecognitionHistoryView.All, null, false, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), RecognitionsCard.Title), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var view = await ViewFromAsync(turn.TenantId, data, cancellationToken);
        return AdaptiveCardInvokeResponse.Card((await CreateCardAsync(turn, view, null, false, cancellationToken)).ToJsonElement());
    }

    /// <summary>The view a button's data names, keeping only the teams and behaviours the filter offers.</summary>
    public async Task<RecognitionHistoryView> ViewFromAsync(string tenantId, JsonElement data, CancellationToken cancellationToken) =>
        RecognitionHistoryView.From(data, [.. (await TeamsAsync(tenantId, cancellationToken)).Select(t => t.Id)], options.CurrentValue.EffectiveBehaviours);

    /// <summary>The recognitions a view selects, newest first, as the card and the export read them.</summary>
    public IAsyncEnumerable<Recognition> SelectAsync(string tenantId, RecognitionHistoryView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        return recognitions.QueryAsync(view.ToQuery(tenantId, _calendar), cancellationToken);
    }

    public async Task<AdaptiveCard> CreateCardAsync(TurnContext turn, RecognitionHistoryView view, string? justApplaudedId, bool alreadyApplauded,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var page = await SelectAsync(turn.TenantId, view, cancellationToken).Skip(view.Skip).Take(RecognitionHistoryView.PageSize + 1).ToListAsync(cancellationToken);
        var held = await roles.GetRolesAsync(turn.TenantId, turn.Activity.From?.AadObjectId, turn.Activity.From?.Id, cancellationToken);
        var reader = new HistoryReader(turn.Activity.From?.Id, CommandCatalog.RecognitionCounts.IsAllowedFor(held), CommandCatalog.RecognitionsExport.IsAllowedFor(held));
        var counts = view.IsFiltered || view.Skip > 0 ? ((MonthlyCount, MonthlyCount)?)null : await ThisAndLastMonthAsync(turn.TenantId, cancellationToken);
        return RecognitionsCard.Create([.. page.Take(RecognitionHistoryView.PageSize)], page.Count > RecognitionHistoryView.PageSize, view,
            await TeamsAsync(turn.TenantId, cancellationToken), options.CurrentValue.EffectiveBehaviours, MonthsOffered(), counts, reader, justApplaudedId, alreadyApplauded);
    }

    /// <summary>The teams the filter offers: those FocusBot is in, by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> TeamsAsync(string tenantId, CancellationToken cancellationToken) =>
        [.. (await channels.ListAsync(tenantId, cancellationToken))
            .Where(c => c.TeamId is not null)
            .GroupBy(c => c.TeamId!, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(c => c.TeamName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "Team"))
            .OrderBy(t => t.Item2, StringComparer.CurrentCultureIgnoreCase)];

    private IReadOnlyList<string> MonthsOffered()
    {
        var now = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), _calendar.Zone);
        return [.. Enumerable.Range(0, RecognitionHistoryView.MonthsOffered).Select(i => now.AddMonths(-i)).Select(m => RecognitionHistoryView.MonthKey(m.Year, m.Month))];
    }

    private async Task<(MonthlyCount, MonthlyCount)> ThisAndLastMonthAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), _calendar.Zone);
        var last = now.AddMonths(-1);
        var thisMonthStart = _calendar.MonthStart(now.Year, now.Month);
        var thisMonth = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastMonth = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var recognition in recognitions.ListSinceAsync(tenantId, _calendar.MonthStart(last.Year, last.Month), cancellationToken))
        {
            var counts = recognition.CreatedAt >= thisMonthStart ? thisMonth : lastMonth;
            counts[recognition.Behaviour] = counts.GetValueOrDefault(recognition.Behaviour) + 1;
        }

        return (new MonthlyCount(now.ToString("MMMM", CultureInfo.InvariantCulture), thisMonth),
            new MonthlyCount(last.ToString("MMMM", CultureInfo.InvariantCulture), lastMonth));
    }
}
