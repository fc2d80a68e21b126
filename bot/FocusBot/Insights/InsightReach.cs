using FocusBot.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;

namespace FocusBot.Insights;

/// <summary>How many of a group of messages are done, could not be reached, and are still to go: counts, never who.</summary>
public sealed record DeliveryTally(int Done, int Unreachable, int Pending)
{
    public static readonly DeliveryTally None = new(0, 0, 0);

    public int Total => Done + Unreachable + Pending;

    public static DeliveryTally Of(IReadOnlyDictionary<DeliveryStatus, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int Count(DeliveryStatus status) => counts.TryGetValue(status, out var n) ? n : 0;
        return new(Count(DeliveryStatus.Sent) + Count(DeliveryStatus.Answered), Count(DeliveryStatus.Blocked) + Count(DeliveryStatus.Failed),
            Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Sending));
    }

    public static DeliveryTally operator -(DeliveryTally left, DeliveryTally right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Done - right.Done, left.Unreachable - right.Unreachable, left.Pending - right.Pending);
    }

    public static DeliveryTally Subtract(DeliveryTally left, DeliveryTally right) => left - right;
}

/// <summary>
/// How far an insight has got: its personal chats, each channel post, and the latest edit or the recall, as counts.
/// <see cref="Edit"/> and <see cref="Recall"/> are split into people and channels, as the author reads them.
/// </summary>
/// <param name="Audience">Who it is for, as people know them: "everyone", team names, channel titles.</param>
public sealed record InsightReach(
    string Audience,
    DeliveryTally People,
    IReadOnlyList<InsightChannelPost> Channels,
    (DeliveryTally People, DeliveryTally Channels)? Edit,
    (DeliveryTally People, DeliveryTally Channels)? Recall);

/// <summary>Reads an insight's reach from its delivery ledgers.</summary>
public sealed class InsightReachReader(IDeliveryStore deliveries, TeamChannels teamChannels)
{
    public async Task<InsightReach> ReadAsync(Insight insight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insight);
        var people = DeliveryTally.Of(await deliveries.CountByStatusAsync(InsightLedgers.People(insight.Id), cancellationToken));
        var installed = await teamChannels.ListAsync(insight.TenantId, cancellationToken);
        var titles = installed.ToDictionary(c => c.ConversationId, TeamChannels.TitleOf, StringComparer.Ordinal);
        var teams = installed.Where(c => c.TeamId is not null).DistinctBy(c => c.TeamId).ToDictionary(c => c.TeamId!, TeamChannels.TeamTitleOf, StringComparer.Ordinal);
        List<string> audience = insight.AllStaff ? ["everyone"] : [];
        audience.AddRange(insight.TeamIds.Select(t => (teams.GetValueOrDefault(t) ?? "a team FocusBot is no longer in") + " (team)"));
        audience.AddRange(insight.ChannelIds.Select(c => titles.GetValueOrDefault(c) ?? "a channel FocusBot is no longer in"));
        var channelRows = new List<Delivery>();
        await foreach (var row in deliveries.ListAsync(InsightLedgers.Channels(insight.Id), null, cancellationToken))
            channelRows.Add(row);
        var channels = channelRows
            .Select(r => new InsightChannelPost(titles.GetValueOrDefault(r.UserId, "A team channel FocusBot is no longer in"), r.Status))
            .OrderBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList();

        (DeliveryTally, DeliveryTally)? edit = null, recall = null;
        if (insight.Status == InsightStatus.Sent && insight.Revision > 1 && insight.ChangedAt > insight.SendAt)
            edit = await SplitAsync(InsightLedgers.Edit(insight.Id, insight.Revision), channelRows, cancellationToken);
        if (insight.Status == InsightStatus.Recalled)
            recall = await SplitAsync(InsightLedgers.Recall(insight.Id), channelRows, cancellationToken);
        return new InsightReach(string.Join(" · ", audience), people, channels, edit, recall);
    }

    // A change ledger holds people and channels together; the few channel rows are read one by one and the rest are people.
    private async Task<(DeliveryTally People, DeliveryTally Channels)> SplitAsync(string ledgerId, IReadOnlyList<Delivery> channelRows, CancellationToken cancellationToken)
    {
        var all = DeliveryTally.Of(await deliveries.CountByStatusAsync(ledgerId, cancellationToken));
        var counts = new Dictionary<DeliveryStatus, int>();
        foreach (var channel in channelRows)
        {
            if (await deliveries.GetAsync(ledgerId, channel.RecipientKey, cancellationToken) is { } row)
                counts[row.Status] = counts.GetValueOrDefault(row.Status) + 1;
        }

        var channels = DeliveryTally.Of(counts);
        return (all - channels, channels);
    }
}
