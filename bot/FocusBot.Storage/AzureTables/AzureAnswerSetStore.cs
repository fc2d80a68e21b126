using FocusBot.Domain.Answers;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Answer sets through the keys that already hold them: the set ids recorded in <see cref="AzureLedgers"/>, the
/// AnsweredMarks partition of the set, the Answers range "set|" (16 partitions) and, for each respondent found there,
/// their CountedAnswers row (partition = respondent, row = set). Deletes go in entity group transactions per partition
/// (<see cref="TableBatching"/>), a page of answers at a time; counted records go before the answers that find them,
/// and the Ledgers row last, so a deletion cut short is finished by the next one.
/// </summary>
internal sealed class AzureAnswerSetStore(FocusTableClient client, AzureTableNames tables, AzureLedgers ledgers) : IAnswerSetStore
{
    private static readonly string[] AnswerKeys = ["PartitionKey", "RowKey", "RespondentPseudonym"];

    // Answers stored before their set ids were recorded are reached through their pulse: retention deletes a retired
    // pulse's set by its id whether it is listed here or not.
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => ledgers.ListAsync(AzureLedgers.Answers, cancellationToken);

    public async Task<AnswerSetDeletion> DeleteAsync(string answerSetId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(answerSetId);
        var set = TableKeys.Encode(answerSetId);
        var markRows = await client.QueryAsync(tables.AnsweredMarks, TableFilter.PartitionIs(set), ["PartitionKey", "RowKey"], cancellationToken).ToListAsync(cancellationToken);
        var marks = await client.DeleteAllAsync(tables.AnsweredMarks, markRows, cancellationToken);

        var answers = 0;
        var counted = 0;
        var range = TableFilter.StartsWith("PartitionKey", set + TableKeys.Separator);
        string? continuation = null;
        do
        {
            // Deleting the rows of a page does not move the continuation, which names the next key to read.
            var page = await client.QueryPageAsync(tables.Answers, range, AnswerKeys, top: null, continuation, cancellationToken);
            var respondents = page.Values.Select(row => row.GetString("RespondentPseudonym")).OfType<string>().Distinct(StringComparer.Ordinal);
            await TableClientExtensions.ForEachAsync(respondents, async (respondent, token) =>
            {
                if (await client.TryDeleteAsync(tables.CountedAnswers, TableKeys.Encode(respondent), set, token))
                    Interlocked.Increment(ref counted);
            }, cancellationToken);
            answers += await client.DeleteAllAsync(tables.Answers, page.Values, cancellationToken);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        await ledgers.ForgetAsync(AzureLedgers.Answers, answerSetId, cancellationToken);
        return new AnswerSetDeletion(answers, counted, marks);
    }
}
