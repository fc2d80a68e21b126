using System.Runtime.CompilerServices;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Recognitions: partition = recognition id, row "recognition" plus one "applause|person" marker each.
/// RecognitionsByTenant: partition = tenant, row = newest-first time|id, with the kind, team and behaviour copied on
/// the row: "recent", "since" and the history's filters are one range of it, read without loading what does not match.
/// RecognitionsByRecipient: partition = tenant|person (their Teams user id, and their Entra object id), row = id: the
/// recognitions of one person, for erasure, written before the recognition. RecognitionsByAuthor: partition =
/// tenant|author key, row = newest-first time|id, peer recognitions only, written before the recognition: what a person
/// gave this week (their limit) and for erasure. Applause is counted, and indexed under the applauding person's
/// pseudonym, by <see cref="CountedMarks"/>.
/// </summary>
internal sealed class AzureRecognitionStore(FocusTableClient client, AzureTableNames tables, CountedMarks marks) : IRecognitionStore
{
    internal const string ItemRow = "recognition";
    private const string TenantRow = nameof(TenantRow);

    // On a recipient index row of a peer recognition: the partition of its author index row, so erasure needs no read of the item.
    private const string AuthorPartition = nameof(AuthorPartition);

    // Index rows written before peer recognition existed carry none of these; their item is read instead.
    private static readonly string[] FilterProperties = [NewestFirstIndex.IdProperty, nameof(Recognition.Kind), nameof(Recognition.TeamId), nameof(Recognition.Behaviour)];

    private readonly NewestFirstIndex _byTenant = new(client, tables.RecognitionsByTenant);
    private readonly NewestFirstIndex _byAuthor = new(client, tables.RecognitionsByAuthor);

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
                [AuthorPartition] = recognition.Kind == RecognitionKind.Peer ? TableKeys.Encode(AuthorKey(recognition.TenantId, recognition.AuthorAadObjectId)) : null,
            };
            await client.ExecuteAsync(tables.RecognitionsByRecipient, TableOperation.UpsertReplace(byRecipient), cancellationToken);
        }

        if (recognition.Kind == RecognitionKind.Peer)
        {
            await _byAuthor.AddAsync(AuthorKey(recognition.TenantId, recognition.AuthorAadObjectId), TenantRowOf(recognition), recognition.Id,
                [new(nameof(Recognition.RecipientUserId), recognition.RecipientUserId), new(nameof(Recognition.RecipientAadObjectId), recognition.RecipientAadObjectId)],
                cancellationToken);
        }

        if (await client.TryInsertAsync(tables.Recognitions, ToEntity(recognition), cancellationToken) is null)
        {
            return false;
        }

        await _byTenant.AddAsync(recognition.TenantId, TenantRowOf(recognition), recognition.Id,
            [
                new(nameof(Recognition.Kind), recognition.Kind.ToString()),
                new(nameof(Recognition.TeamId), recognition.TeamId),
                new(nameof(Recognition.Behaviour), recognition.Behaviour),
            ],
            cancellationToken);
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

    public IAsyncEnumerable<Recognition> ListSinceAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync(new RecognitionQuery { TenantId = tenantId, Since = since }, cancellationToken);

    public async IAsyncEnumerable<Recognition> QueryAsync(RecognitionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var candidates = _byTenant.RowsAsync(query.TenantId, query.Since, query.Before, FilterProperties, cancellationToken).Where(row => MayMatch(query, row));
        // Items are read 20 at a time: a page of the history needs few, an export or a month's count goes on to the end.
        await foreach (var page in candidates.Chunk(20).WithCancellation(cancellationToken))
        {
            var ids = page.Select(row => row.GetRequiredString(NewestFirstIndex.IdProperty)).ToList();
            foreach (var recognition in await NewestFirstIndex.LoadAsync(ids, GetAsync, cancellationToken))
            {
                if (query.Matches(recognition))
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

    public async Task<IReadOnlyList<Recognition>> ListGivenAsync(string tenantId, string? userId, string? aadObjectId, DateTimeOffset? since,
        CancellationToken cancellationToken)
    {
        var ids = (await FindGivenAsync(tenantId, userId, aadObjectId, since, cancellationToken)).Select(row => row.GetRequiredString(NewestFirstIndex.IdProperty))
            .Distinct(StringComparer.Ordinal).ToList();
        var found = await NewestFirstIndex.LoadAsync(ids, GetAsync, cancellationToken);
        return [.. found.Where(r => r.TenantId == tenantId && r.Kind == RecognitionKind.Peer).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)];
    }

    public Task<bool> AddApplauseAsync(string recognitionId, string userKey, CancellationToken cancellationToken) =>
        marks.AddAsync(MarkKind.Applause, recognitionId, userKey, cancellationToken);

    /// <summary>
    /// Deletes every recognition of the person, whole: the author index row of a peer one, the applause index rows of
    /// whoever applauded, the recognition's partition (item and markers), its tenant index row, and last the recipient
    /// index rows that found it all.
    /// </summary>
    internal async Task<int> EraseForRecipientAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var index = await FindForRecipientAsync(tenantId, userId, aadObjectId, cancellationToken);
        var removed = 0;
        foreach (var group in index.GroupBy(row => row.GetRequiredString(nameof(Recognition.Id)), StringComparer.Ordinal))
        {
            var tenantRow = group.First().GetRequiredString(TenantRow);
            var others = group.Select(row => row.GetString(AuthorPartition)).OfType<string>().Distinct(StringComparer.Ordinal)
                .Select(partition => (tables.RecognitionsByAuthor, partition, tenantRow)).ToArray();
            removed += await EraseWholeAsync(tenantId, group.Key, tenantRow, others, cancellationToken);
            await TableClientExtensions.ForEachAsync(group, async (row, token) => await client.TryDeleteAsync(tables.RecognitionsByRecipient, row.PartitionKey, row.RowKey, token),
                cancellationToken);
        }

        return removed;
    }

    /// <summary>
    /// Deletes every peer recognition the person gave, whole, found through RecognitionsByAuthor: the recipient's index
    /// rows, the applause index rows, the recognition's partition, its tenant index row, and last the author index row
    /// that found it.
    /// </summary>
    internal async Task<int> EraseGivenAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var row in await FindGivenAsync(tenantId, userId, aadObjectId, since: null, cancellationToken))
        {
            var id = row.GetRequiredString(NewestFirstIndex.IdProperty);
            var others = PersonKeys(row.GetString(nameof(Recognition.RecipientUserId)), row.GetString(nameof(Recognition.RecipientAadObjectId)))
                .Select(person => (tables.RecognitionsByRecipient, TableKeys.Compose(tenantId, person), TableKeys.Encode(id))).ToArray();
            removed += await EraseWholeAsync(tenantId, id, row.RowKey, others, cancellationToken);
            await client.TryDeleteAsync(tables.RecognitionsByAuthor, row.PartitionKey, row.RowKey, cancellationToken);
        }

        return removed;
    }

    /// <returns>1 when the recognition's item was still there, 0 when an earlier, interrupted erasure had removed it.</returns>
    private async Task<int> EraseWholeAsync(string tenantId, string id, string tenantRow, IEnumerable<(string Table, string Partition, string Row)> otherIndexRows,
        CancellationToken cancellationToken)
    {
        await TableClientExtensions.ForEachAsync(otherIndexRows, async (row, token) => await client.TryDeleteAsync(row.Table, row.Partition, row.Row, token), cancellationToken);

        var rows = await client.QueryAsync(tables.Recognitions, TableFilter.PartitionIs(TableKeys.Encode(id)), ["PartitionKey", "RowKey"], cancellationToken).ToListAsync(cancellationToken);
        await marks.ForgetMarkersAsync(MarkKind.Applause, id, rows.Select(row => row.RowKey), cancellationToken);
        await client.SubmitAllAsync(tables.Recognitions, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        await _byTenant.RemoveAsync(tenantId, tenantRow, cancellationToken);
        return rows.Any(row => row.RowKey == ItemRow) ? 1 : 0;
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

    private async Task<List<TableRow>> FindGivenAsync(string tenantId, string? userId, string? aadObjectId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(PersonKeys(userId, aadObjectId)
            .Select(author => _byAuthor.RowsAsync(AuthorKey(tenantId, author), since, before: null, select: null, cancellationToken).ToListAsync(cancellationToken).AsTask()));
        return [.. found.SelectMany(rows => rows)];
    }

    // A row without the copied properties (written before they existed) may match: its item decides.
    private static bool MayMatch(RecognitionQuery query, TableRow row) =>
        row.GetString(nameof(Recognition.Kind)) is not { } kind
        || ((query.Kind is not { } wanted || kind == wanted.ToString())
            && (query.TeamId is null || row.GetString(nameof(Recognition.TeamId)) == query.TeamId)
            && (query.Behaviour is null || row.GetString(nameof(Recognition.Behaviour)) == query.Behaviour));

    private static IEnumerable<string> PersonKeys(string? userId, string? aadObjectId) =>
        new[] { userId, aadObjectId }.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal);

    // Both parts encoded, then the whole encoded again by the index as its partition: no two (tenant, author) pairs meet.
    private static string AuthorKey(string tenantId, string author) => TableKeys.Compose(tenantId, author);

    private static string TenantRowOf(Recognition recognition) => NewestFirstIndex.RowOf(recognition.CreatedAt, recognition.Id);

    private static TableRow ToEntity(Recognition recognition) => new(TableKeys.Encode(recognition.Id), ItemRow)
    {
        [nameof(Recognition.Id)] = recognition.Id,
        [nameof(Recognition.Kind)] = recognition.Kind.ToString(),
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
        // Recognitions stored before peer recognition existed have no kind: they were all executives'.
        Kind = Enum.TryParse<RecognitionKind>(entity.GetString(nameof(Recognition.Kind)), out var kind) ? kind : RecognitionKind.Executive,
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
