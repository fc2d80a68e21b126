using Azure;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Serialization;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Insights: partition = insight id, row "insight" plus one "got|person" marker per Got it (see <see cref="CountedMarks"/>,
/// which also indexes each under the person's pseudonym, for erasure).
/// InsightsByTenant: partition = tenant, row = newest-first send time|id, so the latest are the first rows of one
/// partition; and partition = tenant|scheduled, row = id, one row per insight waiting for its time, written before the
/// insight and removed once it has left that status (a row left behind by a crash is read past and removed).
/// </summary>
internal sealed class AzureInsightStore(FocusTableClient client, AzureTableNames tables, CountedMarks marks) : IInsightStore
{
    internal const string ItemRow = "insight";
    private const string IdProperty = "Id";
    private const string ScheduledPartition = "scheduled";
    private const int MaxAttempts = 8;

    // Insights stored before targeting and scheduling have one AudienceChannelId and no status: they went out when written.
    private const string OldChannelProperty = "AudienceChannelId";

    private readonly NewestFirstIndex _byTenant = new(client, tables.InsightsByTenant);

    public async Task<bool> CreateAsync(Insight insight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insight);
        ArgumentException.ThrowIfNullOrEmpty(insight.Id);
        if (insight.Status == InsightStatus.Scheduled)
        {
            await client.ExecuteAsync(tables.InsightsByTenant, TableOperation.UpsertReplace(ScheduledRow(insight.TenantId, insight.Id)), cancellationToken);
        }

        if (await client.TryInsertAsync(tables.Insights, ToEntity(insight with { GotItCount = 0 }), cancellationToken) is null)
        {
            return false;
        }

        await _byTenant.AddAsync(insight.TenantId, NewestFirstIndex.RowOf(insight.SendAt, insight.Id), insight.Id, cancellationToken);
        return true;
    }

    public async Task<Insight?> GetAsync(string insightId, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Insights, TableKeys.Encode(insightId), ItemRow, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<Insight>> ListLatestAsync(string tenantId, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        var ids = await _byTenant.IdsAsync(tenantId, since: null, cancellationToken).Take(count).ToListAsync(cancellationToken);
        return await NewestFirstIndex.LoadAsync(ids, GetAsync, cancellationToken);
    }

    public async Task<IReadOnlyList<Insight>> ListScheduledAsync(string tenantId, CancellationToken cancellationToken)
    {
        var partition = ScheduledPartitionOf(tenantId);
        var ids = await client.QueryAsync(tables.InsightsByTenant, TableFilter.PartitionIs(partition), [IdProperty], cancellationToken)
            .Select(row => row.GetRequiredString(IdProperty)).ToListAsync(cancellationToken);
        var scheduled = new List<Insight>();
        foreach (var insight in await NewestFirstIndex.LoadAsync(ids, GetAsync, cancellationToken))
        {
            if (insight.Status == InsightStatus.Scheduled)
            {
                scheduled.Add(insight);
            }
            else
            {
                await client.TryDeleteAsync(tables.InsightsByTenant, partition, TableKeys.Encode(insight.Id), cancellationToken);
            }
        }

        return [.. scheduled.OrderBy(i => i.SendAt).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    public Task<bool> AddGotItAsync(string insightId, string userKey, CancellationToken cancellationToken) =>
        marks.AddAsync(MarkKind.GotIt, insightId, userKey, cancellationToken);

    // The whole row is replaced (a merge would keep a field the change cleared) against the ETag it was read with; a Got
    // it counted meanwhile changes that ETag, and the change is then applied again to the row as it is now.
    public async Task<Insight?> UpdateAsync(string insightId, Func<Insight, Insight?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await client.GetAsync(tables.Insights, TableKeys.Encode(insightId), ItemRow, cancellationToken) is not { } row)
            {
                return null;
            }

            var stored = FromEntity(row);
            if (change(stored) is not { } proposed)
            {
                return null;
            }

            var changed = InsightUpdates.Keep(stored, proposed);
            try
            {
                await client.ExecuteAsync(tables.Insights, TableOperation.Replace(ToEntity(changed), row.ETag ?? "*"), cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.IsPreconditionFailed)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
                continue;
            }

            if (stored.Status == InsightStatus.Scheduled && changed.Status != InsightStatus.Scheduled)
            {
                await client.TryDeleteAsync(tables.InsightsByTenant, ScheduledPartitionOf(changed.TenantId), TableKeys.Encode(changed.Id), cancellationToken);
            }

            return changed;
        }

        throw new ConcurrencyException($"The insight kept changing while it was updated ({MaxAttempts} attempts).");
    }

    private static string ScheduledPartitionOf(string tenantId) => TableKeys.Encode(tenantId) + TableKeys.Separator + ScheduledPartition;

    private static TableRow ScheduledRow(string tenantId, string insightId) =>
        new(ScheduledPartitionOf(tenantId), TableKeys.Encode(insightId)) { [IdProperty] = insightId };

    private static TableRow ToEntity(Insight insight) => new(TableKeys.Encode(insight.Id), ItemRow)
    {
        [nameof(Insight.Id)] = insight.Id,
        [nameof(Insight.TenantId)] = insight.TenantId,
        [nameof(Insight.Title)] = insight.Title,
        [nameof(Insight.Body)] = insight.Body,
        [nameof(Insight.Source)] = insight.Source,
        [nameof(Insight.KpiName)] = insight.KpiName,
        [nameof(Insight.KpiValue)] = insight.KpiValue,
        [nameof(Insight.KpiTrend)] = insight.KpiTrend,
        [nameof(Insight.Link)] = insight.Link,
        [nameof(Insight.AuthorAadObjectId)] = insight.AuthorAadObjectId,
        [nameof(Insight.AuthorName)] = insight.AuthorName,
        [nameof(Insight.ChannelIds)] = StringListJson.Encode(insight.ChannelIds),
        [nameof(Insight.TeamIds)] = StringListJson.Encode(insight.TeamIds),
        [nameof(Insight.AllStaff)] = insight.AllStaff,
        [nameof(Insight.QuestionId)] = insight.QuestionId,
        [nameof(Insight.CreatedAt)] = insight.CreatedAt,
        [nameof(Insight.SendAt)] = insight.SendAt,
        [nameof(Insight.TimeZone)] = insight.TimeZone,
        [nameof(Insight.Status)] = insight.Status.ToString(),
        [nameof(Insight.Revision)] = insight.Revision,
        [nameof(Insight.ChangedAt)] = insight.ChangedAt,
        [nameof(Insight.GotItCount)] = insight.GotItCount,
    };

    private static Insight FromEntity(TableRow entity) => new()
    {
        Id = entity.GetRequiredString(nameof(Insight.Id)),
        TenantId = entity.GetRequiredString(nameof(Insight.TenantId)),
        Title = entity.GetRequiredString(nameof(Insight.Title)),
        Body = entity.GetRequiredString(nameof(Insight.Body)),
        Source = entity.GetRequiredString(nameof(Insight.Source)),
        KpiName = entity.GetString(nameof(Insight.KpiName)),
        KpiValue = entity.GetString(nameof(Insight.KpiValue)),
        KpiTrend = entity.GetString(nameof(Insight.KpiTrend)),
        Link = entity.GetString(nameof(Insight.Link)),
        AuthorAadObjectId = entity.GetRequiredString(nameof(Insight.AuthorAadObjectId)),
        AuthorName = entity.GetRequiredString(nameof(Insight.AuthorName)),
        ChannelIds = entity.GetString(nameof(Insight.ChannelIds)) is { } channels
            ? StringListJson.Decode(channels)
            : entity.GetString(OldChannelProperty) is { } channel ? [channel] : [],
        TeamIds = StringListJson.Decode(entity.GetString(nameof(Insight.TeamIds))),
        AllStaff = entity.GetBoolean(nameof(Insight.AllStaff)),
        QuestionId = entity.GetString(nameof(Insight.QuestionId)),
        CreatedAt = entity.GetRequiredDateTime(nameof(Insight.CreatedAt)),
        SendAt = entity.GetDateTime(nameof(Insight.SendAt)) ?? entity.GetRequiredDateTime(nameof(Insight.CreatedAt)),
        TimeZone = entity.GetString(nameof(Insight.TimeZone)),
        Status = Enum.TryParse<InsightStatus>(entity.GetString(nameof(Insight.Status)), out var status) ? status : InsightStatus.Sent,
        Revision = entity.GetInt32(nameof(Insight.Revision)) ?? 1,
        ChangedAt = entity.GetDateTime(nameof(Insight.ChangedAt)),
        GotItCount = entity.GetInt32(nameof(Insight.GotItCount)) ?? 0,
    };
}
