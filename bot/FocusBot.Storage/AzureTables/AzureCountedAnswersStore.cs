using Azure;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Privacy;
using FocusBot.Storage.Serialization;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// CountedAnswers: partition = respondent pseudonym, row = pulse id, so a person's records are one partition for
/// erasure and writes spread over people. Insert (409 = someone else first) or Replace with If-Match (412 = changed
/// meanwhile) make every write conditional. The answers property is encrypted.
/// </summary>
internal sealed class AzureCountedAnswersStore(FocusTableClient client, AzureTableNames tables, IFieldProtector protector) : ICountedAnswersStore
{
    private const string AnswersProperty = "Answers";

    public async Task<CountedAnswers?> GetAsync(string pulseId, string respondentPseudonym, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.CountedAnswers, TableKeys.Encode(respondentPseudonym), TableKeys.Encode(pulseId), cancellationToken);
        return entity is null ? null : new CountedAnswers
        {
            PulseId = entity.GetRequiredString(nameof(CountedAnswers.PulseId)),
            RespondentPseudonym = entity.GetRequiredString(nameof(CountedAnswers.RespondentPseudonym)),
            TenantId = entity.GetRequiredString(nameof(CountedAnswers.TenantId)),
            Answers = CountedAnswersJson.Decode(protector.Unprotect(entity.GetRequiredString(AnswersProperty))),
            ETag = entity.ETag,
        };
    }

    public async Task<CountedAnswers?> TryWriteAsync(CountedAnswers counted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var entity = new TableRow(TableKeys.Encode(counted.RespondentPseudonym), TableKeys.Encode(counted.PulseId))
        {
            [nameof(CountedAnswers.PulseId)] = counted.PulseId,
            [nameof(CountedAnswers.RespondentPseudonym)] = counted.RespondentPseudonym,
            [nameof(CountedAnswers.TenantId)] = counted.TenantId,
            [AnswersProperty] = protector.Protect(CountedAnswersJson.Encode(counted.Answers)),
        };
        try
        {
            var etag = await client.ExecuteAsync(
                tables.CountedAnswers, counted.ETag is null ? TableOperation.Insert(entity) : TableOperation.Replace(entity, counted.ETag), cancellationToken);
            return counted with { ETag = etag };
        }
        catch (RequestFailedException exception) when (exception.IsConflict || exception.IsPreconditionFailed || exception.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Deletes every record of the pseudonym: one partition.</summary>
    internal async Task EraseRespondentAsync(string respondentPseudonym, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAsync(tables.CountedAnswers, TableFilter.PartitionIs(TableKeys.Encode(respondentPseudonym)), ["PartitionKey", "RowKey"], cancellationToken)
            .ToListAsync(cancellationToken);
        await client.SubmitAllAsync(tables.CountedAnswers, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
    }
}
