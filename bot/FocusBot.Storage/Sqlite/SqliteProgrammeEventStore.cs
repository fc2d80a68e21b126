using System.Globalization;
using FocusBot.Domain.Programme;
using FocusBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteProgrammeEventStore(SqliteDatabase database) : IProgrammeEventStore
{
    private const string Columns = "tenant_id, id, kind, title, event_date, team_ids, recorded_by, recorded_at";
    private const string DateFormat = "yyyy-MM-dd";

    public Task<bool> CreateAsync(ProgrammeEvent programmeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programmeEvent);
        ArgumentException.ThrowIfNullOrEmpty(programmeEvent.Id);
        ArgumentException.ThrowIfNullOrEmpty(programmeEvent.TenantId);
        return database.WriteAsync(
            writer => writer.Command($"""
                INSERT INTO programme_events ({Columns})
                VALUES ($tenant, $id, $kind, $title, $date, $teams, $recordedBy, $recordedAt)
                ON CONFLICT (tenant_id, id) DO NOTHING;
                """)
                .With("$tenant", programmeEvent.TenantId)
                .With("$id", programmeEvent.Id)
                .With("$kind", programmeEvent.Kind.ToString())
                .With("$title", programmeEvent.Title)
                .With("$date", Date(programmeEvent.Date))
                .With("$teams", StringListJson.Encode(programmeEvent.TeamIds))
                .With("$recordedBy", programmeEvent.RecordedByAadObjectId)
                .With("$recordedAt", programmeEvent.RecordedAt)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    public Task<ProgrammeEvent?> GetAsync(string tenantId, string eventId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync($"SELECT {Columns} FROM programme_events WHERE tenant_id = $tenant AND id = $id;",
            command => command.With("$tenant", tenantId).With("$id", eventId), Map, cancellationToken);

    public async Task<IReadOnlyList<ProgrammeEvent>> ListLatestAsync(string tenantId, int skip, int count, CancellationToken cancellationToken) =>
        count <= 0
            ? []
            : await database.QueryListAsync(
                $"SELECT {Columns} FROM programme_events WHERE tenant_id = $tenant ORDER BY event_date DESC, recorded_at DESC, id ASC LIMIT $count OFFSET $skip;",
                command => command.With("$tenant", tenantId).With("$count", count).With("$skip", Math.Max(0, skip)),
                Map,
                cancellationToken);

    public async Task<IReadOnlyList<ProgrammeEvent>> ListBetweenAsync(string tenantId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM programme_events WHERE tenant_id = $tenant AND event_date >= $first AND event_date <= $last ORDER BY event_date ASC, recorded_at ASC, id ASC;",
            command => command.With("$tenant", tenantId).With("$first", Date(first)).With("$last", Date(last)),
            Map,
            cancellationToken);

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static ProgrammeEvent Map(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        Id = reader.GetString(1),
        Kind = Enum.Parse<ProgrammeEventKind>(reader.GetString(2)),
        Title = reader.GetString(3),
        Date = DateOnly.ParseExact(reader.GetString(4), DateFormat, CultureInfo.InvariantCulture),
        TeamIds = StringListJson.Decode(reader.GetString(5)),
        RecordedByAadObjectId = reader.GetString(6),
        RecordedAt = reader.GetTime(7),
    };
}
