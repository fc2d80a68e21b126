using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Serialization;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Answers: partition = pulse|bucket (16 buckets by respondent pseudonym), row = pseudonym|question. A pulse's answer
/// burst spreads over 16 partitions; a pulse's answers are one query over the range "pulse|"; a respondent's answers
/// in a pulse are one range in one partition, so erasure walks the pulse ids (recorded in <see cref="AzureLedgers"/>
/// before a pulse's first answer, Voice sets included) instead of scanning answers.
/// Replacing an answer is read + write with If-Match: of two racing answers one wins and the other re-reads, so each
/// caller gets back exactly the answer it replaced. AnsweredAt is the UTC day and TeamIds are encrypted. The service's
/// own Timestamp on each entity still says when it was last written: on its own that names nobody, since no write that
/// names a person (a delivery row) happens at answer time.
/// </summary>
internal sealed class AzureAnswerStore(FocusTableClient client, AzureTableNames tables, AzureLedgers ledgers, AzurePulseStore pulses, IFieldProtector protector) : IAnswerStore
{
    internal const int Buckets = 16;
    private const int MaxRaceAttempts = 20;

    public async Task<Answer?> UpsertAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await ledgers.RecordAsync(AzureLedgers.Answers, [answer.PulseId], cancellationToken);
        var partition = Partition(answer.PulseId, answer.RespondentPseudonym);
        var row = Row(answer.RespondentPseudonym, answer.QuestionId);
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var current = await client.GetAsync(tables.Answers, partition, row, cancellationToken);
            var previous = current is null ? null : FromEntity(current);
            var entity = ToEntity(answer with { Revision = (previous?.Revision ?? 0) + 1 });
            try
            {
                await client.ExecuteAsync(tables.Answers, current is null ? TableOperation.Insert(entity) : TableOperation.Replace(entity, current.ETag!), cancellationToken);
                return previous;
            }
            catch (RequestFailedException exception) when (exception.IsConflict || exception.IsPreconditionFailed || exception.IsNotFound)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
        }

        throw new ConcurrencyException("The answer kept changing while it was saved.");
    }

    public async Task<Answer?> InsertIfAbsentAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await ledgers.RecordAsync(AzureLedgers.Answers, [answer.PulseId], cancellationToken);
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            try
            {
                await client.ExecuteAsync(tables.Answers, TableOperation.Insert(ToEntity(answer with { Revision = 1 })), cancellationToken);
                return null;
            }
            catch (RequestFailedException exception) when (exception.IsConflict)
            {
                // The insert is the atomic step: 409 means an answer is there, and it stays.
                if (await GetAsync(answer.PulseId, answer.QuestionId, answer.RespondentPseudonym, cancellationToken) is { } existing)
                {
                    return existing;
                }
            }
        }

        throw new ConcurrencyException("The answer kept changing while it was saved.");
    }

    public async Task<IReadOnlyList<Answer?>> UpsertManyAsync(string pulseId, IReadOnlyList<Answer> answers, CancellationToken cancellationToken)
    {
        AnswerBatch.EnsureOnePulse(pulseId, answers);
        await ledgers.RecordAsync(AzureLedgers.Answers, [pulseId], cancellationToken);
        var previous = new Answer?[answers.Count];
        var indexed = answers.Select((answer, index) => (Answer: answer, Index: index)).ToList();
        var chunks = indexed
            .GroupBy(item => Partition(item.Answer.PulseId, item.Answer.RespondentPseudonym), StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(TableBatching.MaxOperations));

        // Chunks are in different partitions (or disjoint rows of one), so they can go side by side.
        await TableClientExtensions.ForEachAsync(chunks, async (chunk, token) => await UpsertChunkAsync(chunk, previous, token), cancellationToken);
        return previous;
    }

    public async Task<Answer?> GetAsync(string pulseId, string questionId, string respondentPseudonym, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Answers, Partition(pulseId, respondentPseudonym), Row(respondentPseudonym, questionId), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async IAsyncEnumerable<Answer> ListByPulseAsync(string pulseId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in client.QueryAsync(tables.Answers, TableFilter.StartsWith("PartitionKey", TableKeys.Encode(pulseId) + TableKeys.Separator), null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    public async IAsyncEnumerable<Answer> ListByRespondentAsync(string respondentPseudonym, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var pulseId in (await ListPulseIdsAsync(cancellationToken)).Order(StringComparer.Ordinal))
        {
            await foreach (var entity in client.QueryAsync(tables.Answers, RespondentFilter(pulseId, respondentPseudonym), null, cancellationToken))
            {
                yield return FromEntity(entity);
            }
        }
    }

    /// <summary>How many answers the respondent has: one partition range query per pulse.</summary>
    internal async Task<int> CountForRespondentAsync(string respondentPseudonym, CancellationToken cancellationToken)
    {
        var count = 0;
        await TableClientExtensions.ForEachAsync(
            await ListPulseIdsAsync(cancellationToken),
            async (pulseId, token) => Interlocked.Add(ref count, await client.QueryAsync(tables.Answers, RespondentFilter(pulseId, respondentPseudonym), ["RowKey"], token).CountAsync(token)),
            cancellationToken);
        return count;
    }

    /// <summary>Deletes the respondent's answers: one partition range query per pulse, then batched deletes.</summary>
    internal async Task<int> EraseRespondentAsync(string respondentPseudonym, CancellationToken cancellationToken)
    {
        var removed = 0;
        await TableClientExtensions.ForEachAsync(
            await ListPulseIdsAsync(cancellationToken),
            async (pulseId, token) =>
            {
                var rows = await client.QueryAsync(tables.Answers, RespondentFilter(pulseId, respondentPseudonym), ["PartitionKey", "RowKey"], token).ToListAsync(token);
                await client.SubmitAllAsync(tables.Answers, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), token);
                Interlocked.Add(ref removed, rows.Count);
            },
            cancellationToken);
        return removed;
    }

    // The recorded ids, plus the Pulses table's for answers stored before pulse ids were recorded.
    private async Task<IReadOnlyList<string>> ListPulseIdsAsync(CancellationToken cancellationToken) =>
        [.. (await ledgers.ListAsync(AzureLedgers.Answers, cancellationToken)).Union(await pulses.ListIdsAsync(cancellationToken), StringComparer.Ordinal)];

    // Optimistic first: a pulse's answers are mostly first answers, so try one batch of inserts. Only when some exist
    // (409) read the current rows and replace those with If-Match, retrying the chunk if it lost a race.
    private async Task UpsertChunkAsync((Answer Answer, int Index)[] chunk, Answer?[] previous, CancellationToken cancellationToken)
    {
        try
        {
            await client.SubmitBatchAsync(tables.Answers, chunk.Select(item => TableOperation.Insert(ToEntity(item.Answer with { Revision = 1 }))).ToList(), cancellationToken);
            return;
        }
        catch (TableTransactionFailedException exception) when (exception.IsConflict)
        {
        }

        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var current = new TableRow?[chunk.Length];
            await TableClientExtensions.ForEachAsync(
                Enumerable.Range(0, chunk.Length),
                async (i, token) => current[i] = await client.GetAsync(tables.Answers, Partition(chunk[i].Answer.PulseId, chunk[i].Answer.RespondentPseudonym), Row(chunk[i].Answer.RespondentPseudonym, chunk[i].Answer.QuestionId), token),
                cancellationToken);
            var operations = new List<TableOperation>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var before = current[i] is null ? null : FromEntity(current[i]!);
                var entity = ToEntity(chunk[i].Answer with { Revision = (before?.Revision ?? 0) + 1 });
                operations.Add(current[i] is null ? TableOperation.Insert(entity) : TableOperation.Replace(entity, current[i]!.ETag!));
            }

            try
            {
                await client.SubmitBatchAsync(tables.Answers, operations, cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    previous[chunk[i].Index] = current[i] is null ? null : FromEntity(current[i]!);
                }

                return;
            }
            catch (TableTransactionFailedException exception) when (exception.IsConflict || exception.IsPreconditionFailed || exception.IsNotFound)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
        }

        throw new ConcurrencyException("Answers kept changing while the batch was saved.");
    }

    private static string Partition(string pulseId, string respondentPseudonym) =>
        TableKeys.Encode(pulseId) + TableKeys.Separator + TableKeys.Bucket(respondentPseudonym, Buckets);

    private static string Row(string respondentPseudonym, string questionId) => TableKeys.Compose(respondentPseudonym, questionId);

    private static string RespondentFilter(string pulseId, string respondentPseudonym) => TableFilter.And(
        TableFilter.PartitionIs(Partition(pulseId, respondentPseudonym)),
        TableFilter.StartsWith("RowKey", TableKeys.Encode(respondentPseudonym) + TableKeys.Separator));

    private TableRow ToEntity(Answer answer) => new(Partition(answer.PulseId, answer.RespondentPseudonym), Row(answer.RespondentPseudonym, answer.QuestionId))
    {
        [nameof(Answer.PulseId)] = answer.PulseId,
        [nameof(Answer.QuestionId)] = answer.QuestionId,
        [nameof(Answer.RespondentPseudonym)] = answer.RespondentPseudonym,
        [nameof(Answer.TenantId)] = answer.TenantId,
        [nameof(Answer.Value)] = answer.Value,
        [nameof(Answer.TeamIds)] = protector.Protect(StringListJson.Encode(answer.TeamIds)),
        [nameof(Answer.AnsweredAt)] = Answer.DayOf(answer.AnsweredAt),
        [nameof(Answer.Revision)] = answer.Revision,
    };

    private Answer FromEntity(TableRow entity) => new()
    {
        PulseId = entity.GetRequiredString(nameof(Answer.PulseId)),
        QuestionId = entity.GetRequiredString(nameof(Answer.QuestionId)),
        RespondentPseudonym = entity.GetRequiredString(nameof(Answer.RespondentPseudonym)),
        TenantId = entity.GetRequiredString(nameof(Answer.TenantId)),
        Value = entity.GetString(nameof(Answer.Value)) ?? string.Empty,
        TeamIds = StringListJson.Decode(entity.GetString(nameof(Answer.TeamIds)) is { } teams ? protector.Unprotect(teams) : null),
        AnsweredAt = entity.GetRequiredDateTime(nameof(Answer.AnsweredAt)),
        Revision = entity.GetInt32(nameof(Answer.Revision)) ?? 1,
    };
}
