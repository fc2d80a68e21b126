using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteDeliveryStore(SqliteDatabase database) : IDeliveryStore
{
    // pulse_id holds the ledger id (Delivery.LedgerId): the column is named from when only pulses had ledgers.
    private const string Columns = "pulse_id, recipient_key, tenant_id, user_id, conversation_id, status, activity_id, failure_reason, attempts, send_after, updated_at, reminders_sent, version, remind_later_at, sent_at, uncertain_sends";

    public Task<int> CreateIfMissingAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return database.WriteAsync(
            writer =>
            {
                var created = 0;
                foreach (var delivery in deliveries)
                {
                    created += Bind(writer.Command($"""
                        INSERT INTO deliveries ({Columns})
                        VALUES ($pulse, $recipient, $tenant, $user, $conversation, $status, $activity, $failure, $attempts, $sendAfter, $updatedAt, $reminders, 1, $remindLaterAt, $sentAt, $uncertainSends)
                        ON CONFLICT (pulse_id, recipient_key) DO NOTHING;
                        """), delivery).ExecuteNonQuery();
                }

                return created;
            },
            cancellationToken);
    }

    public Task<int> DeleteLedgerAsync(string ledgerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ledgerId);
        return SqliteChunkedDelete.ByPulseIdAsync(database, "deliveries", "recipient_key", ledgerId, cancellationToken);
    }

    public Task<Delivery?> GetAsync(string ledgerId, string recipientKey, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            $"SELECT {Columns} FROM deliveries WHERE pulse_id = $pulse AND recipient_key = $recipient;",
            command => command.With("$pulse", ledgerId).With("$recipient", recipientKey),
            Map,
            cancellationToken);

    public Task<Delivery> UpdateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var version = SqliteValues.ParseVersion(delivery.ETag, "delivery");
        return database.WriteAsync(
            writer =>
            {
                var updated = Bind(writer.Command("""
                    UPDATE deliveries SET tenant_id = $tenant, user_id = $user, conversation_id = $conversation, status = $status,
                        activity_id = $activity, failure_reason = $failure, attempts = $attempts, send_after = $sendAfter,
                        updated_at = $updatedAt, reminders_sent = $reminders, remind_later_at = $remindLaterAt, sent_at = $sentAt,
                        uncertain_sends = $uncertainSends, version = version + 1
                    WHERE pulse_id = $pulse AND recipient_key = $recipient AND version = $version;
                    """), delivery).With("$version", version).ExecuteNonQuery();
                return updated == 1
                    ? delivery with { ETag = SqliteValues.FormatVersion(version + 1) }
                    : throw new ConcurrencyException("The delivery changed or was removed since it was read.");
            },
            cancellationToken);
    }

    public IAsyncEnumerable<Delivery> ListAsync(string ledgerId, DeliveryStatus? status, CancellationToken cancellationToken) =>
        status is null
            ? database.QueryAsync($"SELECT {Columns} FROM deliveries WHERE pulse_id = $pulse;", command => command.With("$pulse", ledgerId), Map, cancellationToken)
            : database.QueryAsync(
                $"SELECT {Columns} FROM deliveries WHERE pulse_id = $pulse AND status = $status;",
                command => command.With("$pulse", ledgerId).With("$status", status.Value.ToString()),
                Map,
                cancellationToken);

    public async Task<IReadOnlyDictionary<DeliveryStatus, int>> CountByStatusAsync(string ledgerId, CancellationToken cancellationToken)
    {
        var rows = await database.QueryListAsync(
            "SELECT status, COUNT(*) FROM deliveries WHERE pulse_id = $pulse GROUP BY status;",
            command => command.With("$pulse", ledgerId),
            reader => (Status: reader.GetEnum<DeliveryStatus>(0), Count: reader.GetInt32(1)),
            cancellationToken);
        return rows.ToDictionary(row => row.Status, row => row.Count);
    }

    private static SqliteCommand Bind(SqliteCommand command, Delivery delivery) => command
        .With("$pulse", delivery.LedgerId)
        .With("$recipient", delivery.RecipientKey)
        .With("$tenant", delivery.TenantId)
        .With("$user", delivery.UserId)
        .With("$conversation", delivery.ConversationId)
        .With("$status", delivery.Status.ToString())
        .With("$activity", delivery.ActivityId)
        .With("$failure", delivery.FailureReason)
        .With("$attempts", delivery.Attempts)
        .With("$sendAfter", delivery.SendAfter)
        .With("$updatedAt", delivery.UpdatedAt)
        .With("$reminders", delivery.RemindersSent)
        .With("$remindLaterAt", delivery.RemindLaterAt?.UtcTicks)
        .With("$sentAt", delivery.SentAt?.UtcTicks)
        .With("$uncertainSends", delivery.UncertainSends);

    private static Delivery Map(SqliteDataReader reader) => new()
    {
        LedgerId = reader.GetString(0),
        RecipientKey = reader.GetString(1),
        TenantId = reader.GetString(2),
        UserId = reader.GetString(3),
        ConversationId = reader.GetNullableString(4),
        Status = reader.GetEnum<DeliveryStatus>(5),
        ActivityId = reader.GetNullableString(6),
        FailureReason = reader.GetNullableString(7),
        Attempts = reader.GetInt32(8),
        SendAfter = reader.GetTime(9),
        UpdatedAt = reader.GetTime(10),
        RemindersSent = reader.GetInt32(11),
        ETag = SqliteValues.FormatVersion(reader.GetInt64(12)),
        RemindLaterAt = reader.IsDBNull(13) ? null : reader.GetTime(13),
        SentAt = reader.IsDBNull(14) ? null : reader.GetTime(14),
        UncertainSends = reader.GetInt32(15),
    };
}
