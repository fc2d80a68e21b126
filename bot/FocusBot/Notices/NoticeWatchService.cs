using System.Globalization;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Notices;
using FocusBot.Domain.Recognitions;
using FocusBot.Health;
using FocusBot.Insights;
using FocusBot.Leases;
using FocusBot.Proactive;
using FocusBot.Recognitions;
using Microsoft.Extensions.Options;

namespace FocusBot.Notices;

/// <summary>
/// Watches for failures nobody would otherwise hear of. A store that stays unreachable: a notice needs the store, so it is
/// recorded when the store answers again, saying how long it was away. Insight and recognition fan-outs that left many
/// people unreached: each is looked at once, <see cref="NoticeOptions.ReachCheckAfter"/> after it began (a day's
/// recognitions after the day), when it has finished, by the holder of the "notice-watch" lease only, so the delivery
/// ledger is counted once per fan-out rather than every minute.
/// </summary>
public sealed partial class NoticeWatchService(
    StorageProbe storage,
    NoticeBoard board,
    ContentTenants tenants,
    IInsightStore insights,
    IRecognitionStore recognitions,
    IDeliveryStore deliveries,
    ILeaseStore leases,
    IOptions<NoticeOptions> options,
    TimeProvider timeProvider,
    ILogger<NoticeWatchService> logger)
    : LeasedPassService(new LeaseHolder(leases, LeaseName, options.Value.CheckInterval * 3, timeProvider), options.Value.CheckInterval, timeProvider)
{
    public const string LeaseName = "notice-watch";

    private readonly HashSet<string> _looked = new(StringComparer.Ordinal);
    private DateTimeOffset? _unreachableSince;

    protected override bool RunsInBackground => options.Value.RunInBackground;

    /// <summary>One probe of the store and, when it answers, one look at finished fan-outs. Tests call it after moving the clock.</summary>
    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        if (!(await storage.CheckAsync(cancellationToken)).Answered)
        {
            if (_unreachableSince is null)
                LogUnreachable(logger);
            _unreachableSince ??= now;
            return;
        }

        if (_unreachableSince is { } since)
        {
            _unreachableSince = null;
            if (now - since >= options.Value.StorageOutageAfter)
                await board.RecordAsync(Notice.AllTenants, NoticeKind.StorageUnavailable, since.ToString("O", CultureInfo.InvariantCulture), OutageText(since, now), cancellationToken);
        }

        if (!await Lease.HoldAsync(cancellationToken))
            return;
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
        {
            foreach (var fanOut in await FanOutsDueAsync(tenantId, now, cancellationToken))
                await LookAsync(tenantId, fanOut, cancellationToken);
        }
    }

    protected override void OnPassFailed(Exception exception) => LogPassFailed(logger, exception.GetType().Name);

    private static string OutageText(DateTimeOffset since, DateTimeOffset until) => string.Create(CultureInfo.InvariantCulture,
        $"FocusBot could not reach its store for about {Math.Max(1, (int)Math.Round((until - since).TotalMinutes))} minutes, from {since:HH:mm} UTC on {since:dddd d MMMM} until {until:HH:mm} UTC. Answers, cards and reminders due in that time may have failed or come late; people can answer again now.");

    private async Task<List<FanOutGroup>> FanOutsDueAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var after = options.Value.ReachCheckAfter;
        var due = new List<FanOutGroup>();
        foreach (var insight in await insights.ListLatestAsync(tenantId, 20, cancellationToken))
        {
            if (insight is { Status: InsightStatus.Sent } && (insight.AllStaff || insight.TeamIds.Count > 0)
                && insight.SendAt >= now - InsightContent.OpenFor && now >= insight.SendAt + after)
            {
                due.Add(new FanOutGroup("insight:" + insight.Id, [InsightContent.LedgerOf(insight.Id)],
                    string.Create(CultureInfo.InvariantCulture, $"The customer insight shared on {insight.SendAt:dddd d MMMM} at {insight.SendAt:HH:mm} UTC")));
            }
        }

        // One recognition goes to one person: a day's recognitions are one fan-out, looked at once the day is over.
        var byDay = new Dictionary<DateOnly, List<string>>();
        await foreach (var recognition in recognitions.ListSinceAsync(tenantId, now - RecognitionContent.OpenFor, cancellationToken))
        {
            var day = DateOnly.FromDateTime(recognition.CreatedAt.UtcDateTime);
            if (!byDay.TryGetValue(day, out var ledgers))
                byDay[day] = ledgers = [];
            ledgers.Add(RecognitionContent.LedgerOf(recognition.Id));
        }

        foreach (var (day, ledgers) in byDay)
        {
            if (now >= new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + after)
                due.Add(new FanOutGroup("recognitions:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ledgers,
                    string.Create(CultureInfo.InvariantCulture, $"The recognitions posted on {day:dddd d MMMM}")));
        }

        return [.. due.Where(g => !_looked.Contains(tenantId + "|" + g.Id))];
    }

    private async Task LookAsync(string tenantId, FanOutGroup fanOut, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<DeliveryStatus, int>();
        foreach (var ledger in fanOut.Ledgers)
        {
            foreach (var (status, count) in await deliveries.CountByStatusAsync(ledger, cancellationToken))
                counts[status] = counts.GetValueOrDefault(status) + count;
        }

        // Still sending (a long fan-out, an outage of Teams): look again at the next pass.
        if (counts.GetValueOrDefault(DeliveryStatus.Pending) + counts.GetValueOrDefault(DeliveryStatus.Sending) > 0)
            return;
        _looked.Add(tenantId + "|" + fanOut.Id);
        var total = counts.Values.Sum();
        var unreachable = counts.GetValueOrDefault(DeliveryStatus.Blocked) + counts.GetValueOrDefault(DeliveryStatus.Failed);
        if (unreachable < options.Value.UnreachableAtLeast || unreachable < options.Value.UnreachableShare * total)
            return;
        await board.RecordAsync(tenantId, NoticeKind.PeopleUnreachable, fanOut.Id, string.Create(CultureInfo.InvariantCulture,
            $"{fanOut.Title} reached {total - unreachable} of {total} people: {unreachable} could not be reached (they blocked or removed FocusBot, or Teams refused the message)."),
            cancellationToken);
    }

    /// <summary>One thing sent to many: its ledgers, and how the notice names it (a date, never a title or a person).</summary>
    private sealed record FanOutGroup(string Id, IReadOnlyList<string> Ledgers, string Title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store does not answer; a notice follows if it stays away")]
    private static partial void LogUnreachable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notice watch pass failed ({Error}); retrying at the next check")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
