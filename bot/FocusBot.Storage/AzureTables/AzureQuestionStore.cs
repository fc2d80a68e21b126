using Azure;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Serialization;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Questions: each version of the bank is its own partition "v|version"; the row ("bank", "current") names the live
/// version. An import writes a new partition in batches and then flips the pointer with its ETag: the flip is the
/// single atomic step, so an import that fails half-way changes nothing, however many batches the bank needs.
/// </summary>
internal sealed class AzureQuestionStore(FocusTableClient client, AzureTableNames tables, TimeProvider timeProvider) : IQuestionStore
{
    private const string PointerPartition = "bank";
    private const string PointerRow = "current";
    private const string VersionProperty = "Version";

    public async Task<Question?> GetAsync(string questionId, CancellationToken cancellationToken)
    {
        var pointer = await client.GetAsync(tables.Questions, PointerPartition, PointerRow, cancellationToken);
        if (pointer is null)
        {
            return null;
        }

        var entity = await client.GetAsync(tables.Questions, BankPartition(pointer.GetRequiredString(VersionProperty)), TableKeys.Encode(questionId), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<Question>> ListAsync(bool includeInactive, CancellationToken cancellationToken)
    {
        var pointer = await client.GetAsync(tables.Questions, PointerPartition, PointerRow, cancellationToken);
        if (pointer is null)
        {
            return [];
        }

        var questions = new List<Question>();
        await foreach (var entity in client.QueryAsync(tables.Questions, TableFilter.PartitionIs(BankPartition(pointer.GetRequiredString(VersionProperty))), null, cancellationToken))
        {
            var question = FromEntity(entity);
            if (includeInactive || question.Active)
            {
                questions.Add(question);
            }
        }

        questions.Sort((left, right) => string.CompareOrdinal(left.Id, right.Id));
        return questions;
    }

    public async Task ReplaceBankAsync(IReadOnlyList<Question> questions, CancellationToken cancellationToken)
    {
        QuestionBank.EnsureValid(questions);
        var pointer = await client.GetAsync(tables.Questions, PointerPartition, PointerRow, cancellationToken);
        var version = NewVersion();
        try
        {
            await client.SubmitAllAsync(tables.Questions, questions.Select(question => TableOperation.Insert(ToEntity(question, BankPartition(version)))), cancellationToken);
            await FlipAsync(pointer, version, cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or StorageUnavailableException or ConcurrencyException)
        {
            await DeletePartitionQuietlyAsync(version, cancellationToken);
            throw;
        }

        if (pointer is not null)
        {
            await DeletePartitionQuietlyAsync(pointer.GetRequiredString(VersionProperty), cancellationToken);
        }
    }

    public async Task UpsertAsync(Question question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrEmpty(question.Id);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var version = await CurrentVersionAsync(cancellationToken);
            await client.ExecuteAsync(tables.Questions, TableOperation.UpsertReplace(ToEntity(question, BankPartition(version))), cancellationToken);

            // An import may have flipped the bank while we wrote; then write into the new bank too.
            if (await CurrentVersionAsync(cancellationToken) == version)
            {
                return;
            }
        }

        throw new ConcurrencyException("The question bank kept being replaced while a question was saved.");
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var pointer = await client.GetAsync(tables.Questions, PointerPartition, PointerRow, cancellationToken);
        return pointer is null
            ? 0
            : await client.QueryAsync(tables.Questions, TableFilter.PartitionIs(BankPartition(pointer.GetRequiredString(VersionProperty))), ["RowKey"], cancellationToken).CountAsync(cancellationToken);
    }

    private async Task<string> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        var pointer = await client.GetAsync(tables.Questions, PointerPartition, PointerRow, cancellationToken);
        if (pointer is not null)
        {
            return pointer.GetRequiredString(VersionProperty);
        }

        var version = NewVersion();
        var created = await client.TryInsertAsync(tables.Questions, new TableRow(PointerPartition, PointerRow) { [VersionProperty] = version }, cancellationToken);
        return created is not null ? version : await CurrentVersionAsync(cancellationToken);
    }

    private async Task FlipAsync(TableRow? pointer, string version, CancellationToken cancellationToken)
    {
        var next = new TableRow(PointerPartition, PointerRow) { [VersionProperty] = version };
        if (pointer is null)
        {
            if (await client.TryInsertAsync(tables.Questions, next, cancellationToken) is null)
            {
                throw new ConcurrencyException("Another import of the question bank finished first.");
            }

            return;
        }

        await client.ReplaceIfUnchangedAsync(tables.Questions, next, pointer.ETag, "question bank", cancellationToken);
    }

    private async Task DeletePartitionQuietlyAsync(string version, CancellationToken cancellationToken)
    {
        // Best effort: an orphaned bank partition is invisible (no pointer names it) and only costs space.
        try
        {
            var rows = await client.QueryAsync(tables.Questions, TableFilter.PartitionIs(BankPartition(version)), ["PartitionKey", "RowKey"], cancellationToken).ToListAsync(cancellationToken);
            await client.SubmitAllAsync(tables.Questions, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or StorageUnavailableException)
        {
        }
    }

    private string NewVersion() => TableKeys.NewestFirst(timeProvider.GetUtcNow()) + Guid.NewGuid().ToString("N")[..8];

    private static string BankPartition(string version) => "v" + TableKeys.Separator + version;

    private static TableRow ToEntity(Question question, string partition) => new(partition, TableKeys.Encode(question.Id))
    {
        [nameof(Question.Id)] = question.Id,
        [nameof(Question.Text)] = question.Text,
        [nameof(Question.Dimension)] = question.Dimension.ToString(),
        [nameof(Question.Level)] = question.Level,
        [nameof(Question.Kind)] = question.Kind.ToString(),
        [nameof(Question.Options)] = StringListJson.Encode(question.Options),
        [nameof(Question.CorrectOption)] = question.CorrectOption,
        [nameof(Question.Explanation)] = question.Explanation,
        [nameof(Question.Tags)] = StringListJson.Encode(question.Tags),
        [nameof(Question.Active)] = question.Active,
        [nameof(Question.InsightId)] = question.InsightId,
        [nameof(Question.CreatedAt)] = question.CreatedAt,
    };

    private static Question FromEntity(TableRow entity) => new()
    {
        Id = entity.GetRequiredString(nameof(Question.Id)),
        Text = entity.GetRequiredString(nameof(Question.Text)),
        Dimension = Enum.Parse<QuestionDimension>(entity.GetRequiredString(nameof(Question.Dimension))),
        Level = entity.GetInt32(nameof(Question.Level)) ?? 1,
        Kind = Enum.Parse<QuestionKind>(entity.GetRequiredString(nameof(Question.Kind))),
        Options = StringListJson.Decode(entity.GetString(nameof(Question.Options))),
        CorrectOption = entity.GetInt32(nameof(Question.CorrectOption)),
        Explanation = entity.GetString(nameof(Question.Explanation)),
        Tags = StringListJson.Decode(entity.GetString(nameof(Question.Tags))),
        Active = entity.GetBoolean(nameof(Question.Active)),
        InsightId = entity.GetString(nameof(Question.InsightId)),
        CreatedAt = entity.GetRequiredDateTime(nameof(Question.CreatedAt)),
    };
}
