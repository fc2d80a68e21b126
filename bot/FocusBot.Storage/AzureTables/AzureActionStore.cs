using System.Globalization;
using Azure;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Storage;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Actions: partition = tenant. An action is two copies written in one batch: "k|id", read by id and holding the ETag
/// every change is checked against, and "n|newest-first ticks|id", which the list reads first-to-last (newest first)
/// without a second lookup. A status change replaces both in one batch, so they never disagree.
/// </summary>
internal sealed class AzureActionStore(FocusTableClient client, AzureTableNames tables) : IActionStore
{
    private const string KeyPrefix = "k";
    private const string ListPrefix = "n";
    private const string DateFormat = "yyyy-MM-dd";
    private const int MaxAttempts = 5;

    public async Task<bool> CreateAsync(ProgrammeAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentException.ThrowIfNullOrEmpty(action.Id);
        ArgumentException.ThrowIfNullOrEmpty(action.TenantId);
        try
        {
            await client.SubmitBatchAsync(tables.Actions, [TableOperation.Insert(ByKey(action)), TableOperation.Insert(InList(action))], cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsConflict)
        {
            return false;
        }
    }

    public async Task<ProgrammeAction?> GetAsync(string tenantId, string actionId, CancellationToken cancellationToken) =>
        await GetRowAsync(tenantId, actionId, cancellationToken) is { } row ? FromEntity(row) : null;

    public async Task<IReadOnlyList<ProgrammeAction>> ListLatestAsync(string tenantId, int skip, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        var first = ListPrefix + TableKeys.Separator;
        var last = ListPrefix + TableKeys.SeparatorEnd;
        var filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), $"RowKey ge {TableFilter.Quote(first)}", $"RowKey lt {TableFilter.Quote(last)}");
        return await client.QueryAsync(tables.Actions, filter, null, cancellationToken)
            .Skip(Math.Max(0, skip))
            .Take(count)
            .Select(FromEntity)
            .ToListAsync(cancellationToken);
    }

    public async Task<ProgrammeAction?> UpdateStatusAsync(string tenantId, string actionId, ActionStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await GetRowAsync(tenantId, actionId, cancellationToken) is not { } row)
            {
                return null;
            }

            var updated = FromEntity(row) with { Status = status, UpdatedAt = at };
            updated = updated with { Revision = updated.Revision + 1 };
            try
            {
                await client.SubmitBatchAsync(tables.Actions,
                    [TableOperation.Replace(ByKey(updated), row.ETag ?? "*"), TableOperation.UpsertReplace(InList(updated))], cancellationToken);
                return updated;
            }
            catch (RequestFailedException exception) when (exception.IsPreconditionFailed)
            {
                // Another change came first: read it and count this one on top.
            }
        }

        throw new ConcurrencyException($"The action kept changing while its status was set ({MaxAttempts} attempts).");
    }

    private Task<TableRow?> GetRowAsync(string tenantId, string actionId, CancellationToken cancellationToken) =>
        client.GetAsync(tables.Actions, TableKeys.Encode(tenantId), TableKeys.Compose(KeyPrefix, actionId), cancellationToken);

    private static TableRow ByKey(ProgrammeAction action) => Fill(new TableRow(TableKeys.Encode(action.TenantId), TableKeys.Compose(KeyPrefix, action.Id)), action);

    private static TableRow InList(ProgrammeAction action) =>
        Fill(new TableRow(TableKeys.Encode(action.TenantId), TableKeys.Compose(ListPrefix, TableKeys.NewestFirst(action.CreatedAt), action.Id)), action);

    private static TableRow Fill(TableRow row, ProgrammeAction action)
    {
        row[nameof(ProgrammeAction.Id)] = action.Id;
        row[nameof(ProgrammeAction.TenantId)] = action.TenantId;
        row[nameof(ProgrammeAction.Change)] = action.Change;
        row[nameof(ProgrammeAction.Owner)] = action.Owner;
        row[nameof(ProgrammeAction.DueDate)] = action.DueDate.ToString(DateFormat, CultureInfo.InvariantCulture);
        row[nameof(ProgrammeAction.Status)] = action.Status.ToString();
        row[nameof(ProgrammeAction.Theme)] = action.Theme;
        row[nameof(ProgrammeAction.RecordedByAadObjectId)] = action.RecordedByAadObjectId;
        row[nameof(ProgrammeAction.Sponsor)] = action.Sponsor.ToString();
        row[nameof(ProgrammeAction.AudienceTeamId)] = action.AudienceTeamId;
        row[nameof(ProgrammeAction.AudienceChannelId)] = action.AudienceChannelId;
        row[nameof(ProgrammeAction.AllStaff)] = action.AllStaff;
        row[nameof(ProgrammeAction.Revision)] = action.Revision;
        row[nameof(ProgrammeAction.CreatedAt)] = action.CreatedAt;
        row[nameof(ProgrammeAction.UpdatedAt)] = action.UpdatedAt;
        return row;
    }

    private static ProgrammeAction FromEntity(TableRow entity) => new()
    {
        Id = entity.GetRequiredString(nameof(ProgrammeAction.Id)),
        TenantId = entity.GetRequiredString(nameof(ProgrammeAction.TenantId)),
        Change = entity.GetRequiredString(nameof(ProgrammeAction.Change)),
        Owner = entity.GetRequiredString(nameof(ProgrammeAction.Owner)),
        DueDate = DateOnly.ParseExact(entity.GetRequiredString(nameof(ProgrammeAction.DueDate)), DateFormat, CultureInfo.InvariantCulture),
        Status = Enum.Parse<ActionStatus>(entity.GetRequiredString(nameof(ProgrammeAction.Status))),
        Theme = entity.GetString(nameof(ProgrammeAction.Theme)),
        RecordedByAadObjectId = entity.GetRequiredString(nameof(ProgrammeAction.RecordedByAadObjectId)),
        Sponsor = Enum.Parse<ActionSponsor>(entity.GetRequiredString(nameof(ProgrammeAction.Sponsor))),
        AudienceTeamId = entity.GetString(nameof(ProgrammeAction.AudienceTeamId)),
        AudienceChannelId = entity.GetString(nameof(ProgrammeAction.AudienceChannelId)),
        AllStaff = entity.GetBoolean(nameof(ProgrammeAction.AllStaff)),
        Revision = entity.GetInt32(nameof(ProgrammeAction.Revision)) ?? 1,
        CreatedAt = entity.GetRequiredDateTime(nameof(ProgrammeAction.CreatedAt)),
        UpdatedAt = entity.GetRequiredDateTime(nameof(ProgrammeAction.UpdatedAt)),
    };
}
