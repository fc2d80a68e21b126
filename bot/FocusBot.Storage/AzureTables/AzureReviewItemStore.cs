using System.Globalization;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Storage;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Review items: partition = tenant|pseudonym, so a person's items (their card, their erasure) are one partition;
/// row = question id. A new item is an insert (409: someone stored it first), a change a replace with the ETag read
/// (412: someone changed it first), so of two racing first answers exactly one counts. Retention reads the tenant's
/// partitions as one range filtered on the day last updated (a daily pass; days sort as text).
/// </summary>
internal sealed class AzureReviewItemStore(FocusTableClient client, AzureTableNames tables) : IReviewItemStore
{
    private const string DateFormat = "yyyy-MM-dd";

    public async Task<IReadOnlyList<ReviewItem>> ListForPersonAsync(string tenantId, string respondentPseudonym, CancellationToken cancellationToken) =>
        await client.QueryAsync(tables.ReviewItems, TableFilter.PartitionIs(PartitionOf(tenantId, respondentPseudonym)), null, cancellationToken)
            .Select(FromEntity).OrderBy(i => i.QuestionId, StringComparer.Ordinal).ToListAsync(cancellationToken);

    public async Task<ReviewItem?> GetAsync(string tenantId, string respondentPseudonym, string questionId, CancellationToken cancellationToken) =>
        await client.GetAsync(tables.ReviewItems, PartitionOf(tenantId, respondentPseudonym), TableKeys.Encode(questionId), cancellationToken) is { } row
            ? FromEntity(row)
            : null;

    public async Task<ReviewItem> SaveAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(item.TenantId);
        ArgumentException.ThrowIfNullOrEmpty(item.RespondentPseudonym);
        ArgumentException.ThrowIfNullOrEmpty(item.QuestionId);
        var row = ToEntity(item);
        if (item.ETag is null)
        {
            return await client.TryInsertAsync(tables.ReviewItems, row, cancellationToken) is { } inserted
                ? item with { ETag = inserted }
                : throw new ConcurrencyException("A review item was stored meanwhile; read it again.");
        }

        return item with { ETag = await client.ReplaceIfUnchangedAsync(tables.ReviewItems, row, item.ETag, "review item", cancellationToken) };
    }

    public async Task<int> DeleteForPersonAsync(string tenantId, string respondentPseudonym, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAsync(tables.ReviewItems, TableFilter.PartitionIs(PartitionOf(tenantId, respondentPseudonym)), Keys, cancellationToken)
            .ToListAsync(cancellationToken);
        return await client.DeleteAllAsync(tables.ReviewItems, rows, cancellationToken);
    }

    public async Task<int> DeleteUpdatedBeforeAsync(string tenantId, DateOnly before, CancellationToken cancellationToken)
    {
        var tenant = TableKeys.Encode(tenantId);
        var filter = TableFilter.And(
            $"PartitionKey gt {TableFilter.Quote(tenant + TableKeys.Separator)}",
            $"PartitionKey lt {TableFilter.Quote(tenant + TableKeys.SeparatorEnd)}",
            $"{nameof(ReviewItem.UpdatedOn)} lt {TableFilter.Quote(Date(before))}");
        var rows = await client.QueryAsync(tables.ReviewItems, filter, Keys, cancellationToken).ToListAsync(cancellationToken);
        return await client.DeleteAllAsync(tables.ReviewItems, rows, cancellationToken);
    }

    private static readonly string[] Keys = ["PartitionKey", "RowKey"];

    private static string PartitionOf(string tenantId, string respondentPseudonym) => TableKeys.Compose(tenantId, respondentPseudonym);

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static TableRow ToEntity(ReviewItem item)
    {
        var row = new TableRow(PartitionOf(item.TenantId, item.RespondentPseudonym), TableKeys.Encode(item.QuestionId));
        row[nameof(ReviewItem.TenantId)] = item.TenantId;
        row[nameof(ReviewItem.RespondentPseudonym)] = item.RespondentPseudonym;
        row[nameof(ReviewItem.QuestionId)] = item.QuestionId;
        row[nameof(ReviewItem.State)] = item.State.ToString();
        row[nameof(ReviewItem.Misses)] = item.Misses;
        row[nameof(ReviewItem.DueOn)] = Date(item.DueOn);
        row[nameof(ReviewItem.ReviewPulseId)] = item.ReviewPulseId;
        row[nameof(ReviewItem.ReviewValue)] = item.ReviewValue;
        row[nameof(ReviewItem.CreatedOn)] = Date(item.CreatedOn);
        row[nameof(ReviewItem.UpdatedOn)] = Date(item.UpdatedOn);
        return row;
    }

    private static ReviewItem FromEntity(TableRow entity) => new()
    {
        TenantId = entity.GetRequiredString(nameof(ReviewItem.TenantId)),
        RespondentPseudonym = entity.GetRequiredString(nameof(ReviewItem.RespondentPseudonym)),
        QuestionId = entity.GetRequiredString(nameof(ReviewItem.QuestionId)),
        State = Enum.Parse<ReviewState>(entity.GetRequiredString(nameof(ReviewItem.State))),
        Misses = entity.GetInt32(nameof(ReviewItem.Misses)) ?? 0,
        DueOn = ParseDate(entity.GetRequiredString(nameof(ReviewItem.DueOn))),
        ReviewPulseId = entity.GetString(nameof(ReviewItem.ReviewPulseId)),
        ReviewValue = entity.GetString(nameof(ReviewItem.ReviewValue)),
        CreatedOn = ParseDate(entity.GetRequiredString(nameof(ReviewItem.CreatedOn))),
        UpdatedOn = ParseDate(entity.GetRequiredString(nameof(ReviewItem.UpdatedOn))),
        ETag = entity.ETag,
    };
}
