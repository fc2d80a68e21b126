using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Recognitions;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Recognitions;

/// <summary>
/// `recognitions counts` and the list's "Monthly counts" button (HR, Executive; the router checks both): the last
/// <see cref="Months"/> calendar months of the tenant, by behaviour, by team and by kind.
/// </summary>
public sealed class RecognitionCountsCommand(
    IRecognitionStore recognitions,
    RecognitionsCommand history,
    PulseSchedule schedule,
    IOptionsMonitor<RecognitionOptions> options,
    TimeProvider timeProvider) : ICommandHandler, ICardActionHandler
{
    public const string CountsVerb = "recognitions.counts";

    /// <summary>Half a year: long enough to see a trend, narrow enough for a card's columns.</summary>
    public const int Months = 6;

    /// <summary>Teams shown by name, most recognised first; the rest share one row (a card must stay under 28 KB).</summary>
    public const int MaxTeamRows = 15;

    private readonly PulseCalendar _calendar = new(schedule);

    public BotCommand Command => CommandCatalog.RecognitionCounts;

    public IReadOnlyCollection<string> Verbs { get; } = [CountsVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.RecognitionCounts;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = await CreateCardAsync(turn.TenantId, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), RecognitionCountsCard.Title), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        AdaptiveCardInvokeResponse.Card((await CreateCardAsync(turn.TenantId, cancellationToken)).ToJsonElement());

    public async Task<AdaptiveCard> CreateCardAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), _calendar.Zone);
        var first = now.AddMonths(1 - Months);
        var months = Enumerable.Range(0, Months).Select(i => first.AddMonths(i)).Select(m => RecognitionHistoryView.MonthKey(m.Year, m.Month)).ToList();
        var byBehaviour = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var byTeam = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var byKind = new Dictionary<string, int[]>(StringComparer.Ordinal);
        await foreach (var recognition in recognitions.ListSinceAsync(tenantId, _calendar.MonthStart(first.Year, first.Month), cancellationToken))
        {
            var local = TimeZoneInfo.ConvertTime(recognition.CreatedAt, _calendar.Zone);
            var index = months.IndexOf(RecognitionHistoryView.MonthKey(local.Year, local.Month));
            if (index < 0)
                continue;
            foreach (var (rows, key) in new[] { (byBehaviour, recognition.Behaviour), (byTeam, recognition.TeamId), (byKind, RecognitionKinds.Label(recognition.Kind)) })
            {
                if (!rows.TryGetValue(key, out var counts))
                    rows[key] = counts = new int[Months];
                counts[index]++;
            }
        }

        var teamNames = (await history.TeamsAsync(tenantId, cancellationToken)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        // Configured behaviours first, in their order; ones taken off the list since still count where they were recognised.
        var behaviourRows = options.CurrentValue.EffectiveBehaviours.Concat(byBehaviour.Keys).Distinct(StringComparer.Ordinal).ToList();
        var named = byTeam.Keys.OrderByDescending(id => byTeam[id].Sum()).ThenBy(id => teamNames.GetValueOrDefault(id), StringComparer.CurrentCultureIgnoreCase)
            .Take(byTeam.Count > MaxTeamRows ? MaxTeamRows - 1 : MaxTeamRows).ToList();
        var rest = byTeam.Keys.Except(named, StringComparer.Ordinal).ToList();
        var teams = Rows(named, byTeam, id => teamNames.GetValueOrDefault(id) ?? RecognitionCountsCard.LeftTeam);
        if (rest.Count > 0)
        {
            teams = new CountRows([.. teams.Labels, string.Create(CultureInfo.InvariantCulture, $"{rest.Count} other teams")],
                [.. teams.Counts, [.. Enumerable.Range(0, Months).Select(m => rest.Sum(id => byTeam[id][m]))]]);
        }

        return RecognitionCountsCard.Create(months, Rows(behaviourRows, byBehaviour, b => b), teams, Rows(RecognitionCountsCard.KindLabels, byKind, k => k));
    }

    private static CountRows Rows(IReadOnlyList<string> keys, Dictionary<string, int[]> counts, Func<string, string> label) =>
        new([.. keys.Select(label)], [.. keys.Select(k => (IReadOnlyList<int>)(counts.GetValueOrDefault(k) ?? new int[Months]))]);
}
