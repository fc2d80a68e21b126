using FocusBot.Domain.Pulses;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqlitePulseStore(SqliteDatabase database) : IPulseStore
{
    // reminders_sent (schema 1, NOT NULL) was never used: new rows get 0 and it is not read; no migration drops it.
    private const string Columns = "id, tenant_id, question_ids, opens_at, closes_at, status, version";

    public Task<Pulse?> CreateAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentException.ThrowIfNullOrEmpty(pulse.Id);
        return database.WriteAsync(
            writer =>
            {
                var inserted = Bind(writer.Command($"""
                    INSERT INTO pulses ({Columns}, reminders_sent)
                    VALUES ($id, $tenant, $questions, $opensAt, $closesAt, $status, 1, 0)
                    ON CONFLICT (id) DO NOTHING;
                    """), pulse).ExecuteNonQuery();
                return inserted == 1 ? pulse with { ETag = SqliteValues.FormatVersion(1) } : null;
            },
            cancellationToken);
    }

    public Task<Pulse?> GetAsync(string pulseId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync($"SELECT {Columns} FROM pulses WHERE id = $id;", command => command.With("$id", pulseId), Map, cancellationToken);

    public Task<Pulse> UpdateAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        var version = SqliteValues.ParseVersion(pulse.ETag, "pulse");
        return database.WriteAsync(
            writer =>
            {
                var updated = Bind(writer.Command("""
                    UPDATE pulses SET tenant_id = $tenant, question_ids = $questions, opens_at = $opensAt, closes_at = $closesAt,
                        status = $status, version = version + 1
                    WHERE id = $id AND version = $version;
                    """), pulse).With("$version", version).ExecuteNonQuery();
                return updated == 1
                    ? pulse with { ETag = SqliteValues.FormatVersion(version + 1) }
                    : throw new ConcurrencyException($"Pulse '{pulse.Id}' changed or was removed since it was read.");
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Pulse>> ListRecentAsync(int count, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM pulses ORDER BY opens_at DESC, id DESC LIMIT $count;",
            command => command.With("$count", Math.Max(0, count)),
            Map,
            cancellationToken);

    public async Task<IReadOnlyList<Pulse>> ListActiveAsync(CancellationToken cancellationToken) =>
        await database.QueryListAsync($"SELECT {Columns} FROM pulses WHERE status <> 'Closed' ORDER BY opens_at, id;", null, Map, cancellationToken);

    private static SqliteCommand Bind(SqliteCommand command, Pulse pulse) => command
        .With("$id", pulse.Id)
        .With("$tenant", pulse.TenantId)
        .With("$questions", StringListJson.Encode(pulse.QuestionIds))
        .With("$opensAt", pulse.OpensAt)
        .With("$closesAt", pulse.ClosesAt)
        .With("$status", pulse.Status.ToString());

    private static Pulse Map(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        TenantId = reader.GetString(1),
        QuestionIds = StringListJson.Decode(reader.GetString(2)),
        OpensAt = reader.GetTime(3),
        ClosesAt = reader.GetTime(4),
        Status = reader.GetEnum<PulseStatus>(5),
        ETag = SqliteValues.FormatVersion(reader.GetInt64(6)),
    };
}
