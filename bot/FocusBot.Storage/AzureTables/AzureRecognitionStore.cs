using System.Runtime.CompilerServices;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Recognitions: partition = recognition id, row "recognition" plus one "applause|person" marker each.
/// RecognitionsByTenant: partition = tenant, row = newest-first time|id: "recent" and "since" are the first rows.
/// RecognitionsByRecipient: partition = tenant|person (their Teams user id, and their Entra object id), row = id: the
/// recognitions of one person, for erasure, written before the recognition. Applause is counted, and indexed under the
/// applauding person's pseudonym, by <see cref="CountedMarks"/>.
/// </summary>
internal sealed class AzureRecognitionStore(FocusTableClient client, AzureTableNames tables, CountedMarks marks) : IRecognitionStore
{
    internal const string ItemRow = "recognition";
    private const string TenantRow = nameof(TenantRow);

    private readonly NewestFirstIndex _byTenant = new(client, tables.RecognitionsByTenant);

    public async Task<bool> CreateAsync(Recognition recognition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        ArgumentException.ThrowIfNullOrEmpty(recognition.Id);
        foreach (var person in PersonKeys(recognition.RecipientUserId, recognition.RecipientAadObjectId))
        {
            var byRecipient = new TableRow(TableKeys.Compose(recognition.TenantId, person), TableKeys.Encode(recognition.Id))
            {
                [nameof(Recognition.Id)] = recognition.Id,
                [TenantRow] = TenantRowOf(recognition),
            };
            await client.ExecuteAsync(tables.RecognitionsByRecipient, TableOperation.UpsertReplace(byRecipient), cancellationToken);
        }

        if (await client.TryInsertAsync(tables.Recognitions, ToEntity(recognition), cancellationToken) is null)
        {
            return false;
        }

        await _byTenant.AddAsync(recognition.TenantId, TenantRowOf(recognition), recognition.Id, cancellationToken);
        return true;
    }

    public async Task<Recognition?> GetAsync(string recognitionId, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Recognitions, TableKeys.Encode(recognitionId), ItemRow, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<Recognition>> ListRecentAsync(string tenantId, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        var ids = await _byTenant.IdsAsync(tenantId, since: null, cancellationToken).Take(count).ToListAsync(cancellationToken);
        return await NewestFirstIndex.LoadAsync(ids, GetAsync, cancellationToken);
    }

    public async IAsyncEnumerable<Recognition> ListSinceAsync(string tenantId, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in _byTenant.IdsAsync(tenantId, since, cancellationToken).Chunk(100).WithCancellation(cancellationToken))
        {
            foreach (var recognition in await NewestFirstIndex.LoadAsync(page, GetAsync, cancellationToken))
            {
                yield return recognition;
            }
        }
    }

    public async Task<IReadOnlyList<Recognition>> ListForRecipientAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var ids = (await FindForRecipientAsync(tenantId, userId, aadObjectId, cancellationToken)).Select(row => row.GetRequiredString(nameof(Recognition.Id))).Distinct(StringComparer.Ordinal).ToList();
        var found = await NewestFirstIndex.LoadAsync(ids, GetAsync, cancellationToken);
        return [.. found.Where(r => r.TenantId == tenantId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)];
    }

    public Task<bool> AddApplauseAsync(string recognitionId, string userKey, CancellationToken cancellationToken) =>
        marks.AddAsync(MarkKind.Applause, recognitionId, userKey, cancellationToken);

    /// <summary>
    /// Deletes every recognition of the person, whole: the applause index rows of whoever applauded, the recognition's
    /// partition (item and markers), its tenant index row, and last the recipient index rows that found it all.
    /// </summary>
    internal async Task<int> EraseForRecipientAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var index = await FindForRecipientAsync(tenantId, userId, aadObjectId, cancellationToken);
        var removed = 0;
        foreach (var group in index.GroupBy(row => row.GetRequiredString(nameof(Recognition.Id)), StringComparer.Ordinal))
        {
            var id = group.Key;
            var rows = await client.QueryAsync(tables.Recognitions, TableFilter.PartitionIs(TableKeys.Encode(id)), ["PartitionKey", "RowKey"], cancellationToken).ToListAsync(cancellationToken);
            await marks.ForgetMarkersAsync(MarkKind.Applause, id, rows.Select(row => row.RowKey), cancellationToken);

            if (rows.Any(row => row.RowKey == ItemRow))
            {
                removed++;
            }

            await client.SubmitAllAsync(tables.Recognitions, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
            await _byTenant.RemoveAsync(tenantId, group.First().GetRequiredString(TenantRow), cancellationToken);
            foreach (var row in group)
            {
                await client.TryDeleteAsync(tables.RecognitionsByRecipient, row.PartitionKey, row.RowKey, cancellationToken);
            }
        }

        return removed;
    }

    private async Task<List<TableRow>> FindForRecipientAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var rows = new List<TableRow>();
        foreach (var person in PersonKeys(userId, aadObjectId))
        {
            await foreach (var row in client.QueryAsync(tables.RecognitionsByRecipient, TableFilter.PartitionIs(TableKeys.Compose(tenantId, person)), null, cancellationToken))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static IEnumerable<string> PersonKeys(string? userId, string? aadObjectId) =>
        new[] { userId, aadObjectId }.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal);

    private static string TenantRowOf(Recognition recognition) => NewestFirstIndex.RowOf(recognition.CreatedAt, recognition.Id);

    private static TableRow ToEntity(Recognition recognition) => new(TableKeys.Encode(recognition.Id), ItemRow)
    {
        [nameof(Recognition.Id)] = recognition.Id,
        [nameof(Recognition.TenantId)] = recognition.TenantId,
        [nameof(Recognition.RecipientUserId)] = recognition.RecipientUserId,
        [nameof(Recognition.RecipientAadObjectId)] = recognition.RecipientAadObjectId,
        [nameof(Recognition.RecipientName)] = recognition.RecipientName,
        [nameof(Recognition.AuthorAadObjectId)] = recognition.AuthorAadObjectId,
        [nameof(Recognition.AuthorName)] = recognition.AuthorName,
        [nameof(Recognition.Behaviour)] = recognition.Behaviour,
        [nameof(Recognition.Story)] = recognition.Story,
        [nameof(Recognition.TeamId)] = recognition.TeamId,
        [nameof(Recognition.ChannelId)] = recognition.ChannelId,
        [nameof(Recognition.ActivityId)] = recognition.ActivityId,
        [nameof(Recognition.CreatedAt)] = recognition.CreatedAt,
        [nameof(Recognition.ApplauseCount)] = 0,
    };

    private static Recognition FromEntity(TableRow entity) => new()
    {
        Id = entity.GetRequiredString(nameof(Recognition.Id)),
        TenantId = entity.GetRequiredString(nameof(Recognition.TenantId)),
        RecipientUserId = entity.GetRequiredString(nameof(Recognition.RecipientUserId)),
        RecipientAadObjectId = entity.GetString(nameof(Recognition.RecipientAadObjectId)),
        RecipientName = entity.GetRequiredString(nameof(Recognition.RecipientName)),
        AuthorAadObjectId = entity.GetRequiredString(nameof(Recognition.AuthorAadObjectId)),
        AuthorName = entity.GetRequiredString(nameof(Recognition.AuthorName)),
        Behaviour = entity.GetRequiredString(nameof(Recognition.Behaviour)),
        Story = entity.GetRequiredString(nameof(Recognition.Story)),
        TeamId = entity.GetRequiredString(nameof(Recognition.TeamId)),
        ChannelId = entity.GetRequiredString(nameof(Recognition.ChannelId)),
        ActivityId = entity.GetString(nameof(Recognition.ActivityId)),
        CreatedAt = entity.GetRequiredDateTime(nameof(Recognition.CreatedAt)),
        ApplauseCount = entity.GetInt32(nameof(Recognition.ApplauseCount)) ?? 0,
    };
}
