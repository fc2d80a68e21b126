using FocusBot.Domain.Pulses;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteAnsweredMarkStore(SqliteDatabase database) : IAnsweredMarkStore
{
    public Task AddAsync(string pulseId, string marker, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pulseId);
        ArgumentException.ThrowIfNullOrEmpty(marker);
        return database.WriteAsync(
            writer => writer.Command("INSERT INTO answered_marks (pulse_id, marker) VALUES ($pulse, $marker) ON CONFLICT DO NOTHING;")
                .With("$pulse", pulseId).With("$marker", marker).ExecuteNonQuery(),
            cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ListAsync(string pulseId, CancellationToken cancellationToken) =>
        (await database.QueryListAsync("SELECT marker FROM answered_marks WHERE pulse_id = $pulse;", command => command.With("$pulse", pulseId),
            reader => reader.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
