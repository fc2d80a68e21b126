using System.Runtime.CompilerServices;
using FocusBot.Domain.Recognition;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Recognitions: partition = recognition id, row "recognition" plus one "applause|person" marker each.
/// RecognitionsByTenant: partition = tenant, row = newest-first time|id: "recent" and "since" are the first rows.
/// </summary>
internal sealed class AzureRecognitionStore(TableClient client, AzureTableNames tables) : IRecognitionStore
{
    private const string ItemRow = "recognition";
    private const string MarkerPrefix = "applause";

    public async Task<bool> CreateAsync(Recognition recognition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        ArgumentException.ThrowIfNullOrEmpty(recognition.Id);
        if (await client.TryInsertAsync(tables.Recognitions, ToEntity(recognition), cancellationToken) is null)
        {
            return false;
        }

        var index = new TableEntity(TableKeys.Encode(recognition.TenantId), TableKeys.NewestFirst(recognition.CreatedAt) + TableKeys.Separator + TableKeys.Encode(recognition.Id))
        {
            [nameof(Recognition.Id)] = recognition.Id,
        };
        await client.ExecuteAsync(tables.RecognitionsByTenant, TableOperation.UpsertReplace(index), cancellationToken);
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

        var ids = await client.QueryAsync(tables.RecognitionsByTenant, TableFilter.PartitionIs(TableKeys.Encode(tenantId)), [nameof(Recognition.Id)], cancellationToken)
            .Select(entity => entity.GetRequiredString(nameof(Recognition.Id)))
            .Take(count)
            .ToListAsync(cancellationToken);
        return await LoadAsync(ids, cancellationToken);
    }

    public async IAsyncEnumerable<Recognition> ListSinceAsync(string tenantId, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Newer rows sort first; everything at or after 'since' sorts below the key of 'since' followed by '}'.
        var filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), $"RowKey lt {TableFilter.Quote(TableKeys.NewestFirst(since) + TableKeys.SeparatorEnd)}");
        var ids = client.QueryAsync(tables.RecognitionsByTenant, filter, [nameof(Recognition.Id)], cancellationToken).Select(entity => entity.GetRequiredString(nameof(Recognition.Id)));
        await foreach (var page in ids.Chunk(100).WithCancellation(cancellationToken))
        {
            foreach (var recognition in await LoadAsync(page, cancellationToken))
            {
                yield return recognition;
            }
        }
    }

    public Task<bool> AddApplauseAsync(string recognitionId, string userKey, CancellationToken cancellationToken) =>
        CountedMarks.AddAsync(client, tables.Recognitions, TableKeys.Encode(recognitionId), ItemRow, TableKeys.Compose(MarkerPrefix, userKey), nameof(Recognition.ApplauseCount), cancellationToken);

    private async Task<IReadOnlyList<Recognition>> LoadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var recognitions = new Recognition?[ids.Count];
        await TableClientExtensions.ForEachAsync(Enumerable.Range(0, ids.Count), async (i, token) => recognitions[i] = await GetAsync(ids[i], token), cancellationToken);
        return recognitions.OfType<Recognition>().ToList();
    }

    private static TableEntity ToEntity(Recognition recognition) => new(TableKeys.Encode(recognition.Id), ItemRow)
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

    private static Recognition FromEntity(TableEntity entity) => new()
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
