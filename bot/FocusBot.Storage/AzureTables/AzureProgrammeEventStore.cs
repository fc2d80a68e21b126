using System.Globalization;
using Azure;
using FocusBot.Domain.Programme;
using FocusBot.Storage.Serialization;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Programme events: partition = tenant. An event is two copies written in one batch: "k|id", read by id, and
/// "d|latest-date-first day|newest-first ticks|id", which the list reads first-to-last (latest date first) and the
/// chart markers read as one range of dates. Events are never changed once recorded, so the copies cannot disagree.
/// </summary>
internal sealed class AzureProgrammeEventStore(FocusTableClient client, AzureTableNames tables) : IProgrammeEventStore
{
    private const string KeyPrefix = "k";
    private const string DatePrefix = "d";
    private const string DateFormat = "yyyy-MM-dd";

    public async Task<bool> CreateAsync(ProgrammeEvent programmeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programmeEvent);
        ArgumentException.ThrowIfNullOrEmpty(programmeEvent.Id);
        ArgumentException.ThrowIfNullOrEmpty(programmeEvent.TenantId);
        try
        {
            await client.SubmitBatchAsync(tables.ProgrammeEvents,
                [TableOperation.Insert(Fill(new TableRow(TableKeys.Encode(programmeEvent.TenantId), TableKeys.Compose(KeyPrefix, programmeEvent.Id)), programmeEvent)),
                 TableOperation.Insert(Fill(new TableRow(TableKeys.Encode(programmeEvent.TenantId), ByDate(programmeEvent)), programmeEvent))],
                cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsConflict)
        {
            return false;
        }
    }

    public async Task<ProgrammeEvent?> GetAsync(string tenantId, string eventId, CancellationToken cancellationToken) =>
        await client.GetAsync(tables.ProgrammeEvents, TableKeys.Encode(tenantId), TableKeys.Compose(KeyPrefix, eventId), cancellationToken) is { } row
            ? FromEntity(row)
            : null;

    public async Task<IReadOnlyList<ProgrammeEvent>> ListLatestAsync(string tenantId, int skip, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        var filter = Range(tenantId, DatePrefix + TableKeys.Separator, DatePrefix + TableKeys.SeparatorEnd);
        return await client.QueryAsync(tables.ProgrammeEvents, filter, null, cancellationToken)
            .Skip(Math.Max(0, skip))
            .Take(count)
            .Select(FromEntity)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProgrammeEvent>> ListBetweenAsync(string tenantId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (last < first)
        {
            return [];
        }

        // Latest date first in the keys: the range starts at the last day and ends before the day before the first.
        var filter = Range(tenantId, TableKeys.Compose(DatePrefix, LatestFirst(last)), TableKeys.Compose(DatePrefix, LatestFirst(first)) + TableKeys.SeparatorEnd);
        var latestFirst = await client.QueryAsync(tables.ProgrammeEvents, filter, null, cancellationToken).Select(FromEntity).ToListAsync(cancellationToken);
        latestFirst.Reverse();
        return latestFirst;
    }

    private static string Range(string tenantId, string from, string before) =>
        TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), $"RowKey ge {TableFilter.Quote(from)}", $"RowKey lt {TableFilter.Quote(before)}");

    /// <summary>Days counted back from the end of the calendar, fixed width: later dates sort first.</summary>
    private static string LatestFirst(DateOnly date) =>
        (DateOnly.MaxValue.DayNumber - date.DayNumber).ToString("D7", CultureInfo.InvariantCulture);

    private static string ByDate(ProgrammeEvent programmeEvent) =>
        TableKeys.Compose(DatePrefix, LatestFirst(programmeEvent.Date), TableKeys.NewestFirst(programmeEvent.RecordedAt), programmeEvent.Id);

    private static TableRow Fill(TableRow row, ProgrammeEvent programmeEvent)
    {
        row[nameof(ProgrammeEvent.Id)] = programmeEvent.Id;
        row[nameof(ProgrammeEvent.TenantId)] = programmeEvent.TenantId;
        row[nameof(ProgrammeEvent.Kind)] = programmeEvent.Kind.ToString();
        row[nameof(ProgrammeEvent.Title)] = programmeEvent.Title;
        row[nameof(ProgrammeEvent.Date)] = programmeEvent.Date.ToString(DateFormat, CultureInfo.InvariantCulture);
        row[nameof(ProgrammeEvent.TeamIds)] = StringListJson.Encode(programmeEvent.TeamIds);
        row[nameof(ProgrammeEvent.RecordedByAadObjectId)] = programmeEvent.RecordedByAadObjectId;
        row[nameof(ProgrammeEvent.RecordedAt)] = programmeEvent.RecordedAt;
        return row;
    }

    private static ProgrammeEvent FromEntity(TableRow entity) => new()
    {
        Id = entity.GetRequiredString(nameof(ProgrammeEvent.Id)),
        TenantId = entity.GetRequiredString(nameof(ProgrammeEvent.TenantId)),
        Kind = Enum.Parse<ProgrammeEventKind>(entity.GetRequiredString(nameof(ProgrammeEvent.Kind))),
        Title = entity.GetRequiredString(nameof(ProgrammeEvent.Title)),
        Date = DateOnly.ParseExact(entity.GetRequiredString(nameof(ProgrammeEvent.Date)), DateFormat, CultureInfo.InvariantCulture),
        TeamIds = StringListJson.Decode(entity.GetString(nameof(ProgrammeEvent.TeamIds))),
        RecordedByAadObjectId = entity.GetRequiredString(nameof(ProgrammeEvent.RecordedByAadObjectId)),
        RecordedAt = entity.GetRequiredDateTime(nameof(ProgrammeEvent.RecordedAt)),
    };
}
