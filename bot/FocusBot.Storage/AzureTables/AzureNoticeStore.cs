using System.Globalization;
using Azure;
using FocusBot.Domain.Notices;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Notices: partition = tenant. A notice is two rows written in one batch: "k|id", which makes a repeated id fail the
/// batch (so an occurrence is stored once), and "n|newest-first ticks|id", which holds it and lets the latest be read
/// first. "a|kind|day" records that people were told about a kind that day (an insert: 409 for the second caller).
/// </summary>
internal sealed class AzureNoticeStore(FocusTableClient client, AzureTableNames tables) : INoticeStore
{
    private const string KeyPrefix = "k";
    private const string NoticePrefix = "n";
    private const string AnnouncedPrefix = "a";

    public async Task<bool> AddAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrEmpty(notice.Id);
        ArgumentException.ThrowIfNullOrEmpty(notice.TenantId);
        var partition = TableKeys.Encode(notice.TenantId);
        var row = new TableRow(partition, TableKeys.Compose(NoticePrefix, TableKeys.NewestFirst(notice.At), notice.Id))
        {
            [nameof(Notice.Id)] = notice.Id,
            [nameof(Notice.TenantId)] = notice.TenantId,
            [nameof(Notice.Kind)] = notice.Kind.ToString(),
            [nameof(Notice.Text)] = notice.Text,
            [nameof(Notice.At)] = notice.At,
        };
        try
        {
            await client.SubmitBatchAsync(tables.Notices, [TableOperation.Insert(new TableRow(partition, TableKeys.Compose(KeyPrefix, notice.Id))), TableOperation.Insert(row)],
                cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsConflict)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<Notice>> ListSinceAsync(string tenantId, DateTimeOffset since, int count, CancellationToken cancellationToken)
    {
        var notices = new List<Notice>();
        if (count <= 0)
        {
            return notices;
        }

        // Newest first: every row at or after `since` sorts at or before its newest-first ticks.
        var first = NoticePrefix + TableKeys.Separator;
        var last = first + TableKeys.NewestFirst(since) + TableKeys.SeparatorEnd;
        var filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), $"RowKey ge {TableFilter.Quote(first)}", $"RowKey lt {TableFilter.Quote(last)}");
        string? continuation = null;
        do
        {
            var page = await client.QueryPageAsync(tables.Notices, filter, null, count - notices.Count, continuation, cancellationToken);
            notices.AddRange(page.Values.Select(FromEntity));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && notices.Count < count);

        return notices;
    }

    public async Task<bool> TryMarkAnnouncedAsync(string tenantId, NoticeKind kind, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var entity = new TableRow(TableKeys.Encode(tenantId),
            TableKeys.Compose(AnnouncedPrefix, kind.ToString(), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return await client.TryInsertAsync(tables.Notices, entity, cancellationToken) is not null;
    }

    private static Notice FromEntity(TableRow entity) => new()
    {
        Id = entity.GetRequiredString(nameof(Notice.Id)),
        TenantId = entity.GetRequiredString(nameof(Notice.TenantId)),
        Kind = Enum.Parse<NoticeKind>(entity.GetRequiredString(nameof(Notice.Kind))),
        Text = entity.GetRequiredString(nameof(Notice.Text)),
        At = entity.GetRequiredDateTime(nameof(Notice.At)),
    };
}
