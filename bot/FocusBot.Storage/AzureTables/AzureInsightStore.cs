using FocusBot.Domain.Insights;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Insights: partition = insight id, row "insight" plus one "got|person" marker per Got it (see <see cref="CountedMarks"/>,
/// which also indexes each under the person's pseudonym, for erasure).
/// InsightsByTenant: partition = tenant, row = newest-first time|id, so the latest are the first rows of one partition.
/// </summary>
internal sealed class AzureInsightStore(FocusTableClient client, AzureTableNames tables, CountedMarks marks) : IInsightStore
{
    internal const string ItemRow = "insight";

    private readonly NewestFirstIndex _byTenant = new(client, tables.InsightsByTenant);

    public async Task<bool> CreateAsync(Insight insight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insight);
        ArgumentException.ThrowIfNullOrEmpty(insight.Id);
        if (await client.TryInsertAsync(tables.Insights, ToEntity(insight), cancellationToken) is null)
        {
            return false;
        }

        await _byTenant.AddAsync(insight.TenantId, NewestFirstIndex.RowOf(insight.CreatedAt, insight.Id), insight.Id, cancellationToken);
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

    public Task<bool> AddGotItAsync(string insightId, string userKey, CancellationToken cancellationToken) =>
        marks.AddAsync(MarkKind.GotIt, insightId, userKey, cancellationToken);

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
        [nameof(Insight.AudienceTeamId)] = insight.AudienceTeamId,
        [nameof(Insight.AudienceChannelId)] = insight.AudienceChannelId,
        [nameof(Insight.AllStaff)] = insight.AllStaff,
        [nameof(Insight.QuestionId)] = insight.QuestionId,
        [nameof(Insight.CreatedAt)] = insight.CreatedAt,
        [nameof(Insight.GotItCount)] = 0,
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
        AudienceTeamId = entity.GetString(nameof(Insight.AudienceTeamId)),
        AudienceChannelId = entity.GetString(nameof(Insight.AudienceChannelId)),
        AllStaff = entity.GetBoolean(nameof(Insight.AllStaff)),
        QuestionId = entity.GetString(nameof(Insight.QuestionId)),
        CreatedAt = entity.GetRequiredDateTime(nameof(Insight.CreatedAt)),
        GotItCount = entity.GetInt32(nameof(Insight.GotItCount)) ?? 0,
    };
}
