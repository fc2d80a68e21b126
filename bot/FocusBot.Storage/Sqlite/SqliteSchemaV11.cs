namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Insights targeted and scheduled: the channels it is posted in and the teams whose members get it (JSON lists; the
/// one channel of an older insight moves into its list), when it goes out (an older insight went out when it was
/// written) and in which zone the author chose the time, its status, its revision and when it last changed. The list
/// and the scheduler read by send time.
/// </summary>
internal static class SqliteSchemaV11
{
    public const string Sql = """
        ALTER TABLE insights ADD COLUMN channel_ids TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE insights ADD COLUMN team_ids TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE insights ADD COLUMN send_at INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE insights ADD COLUMN time_zone TEXT;
        ALTER TABLE insights ADD COLUMN status TEXT NOT NULL DEFAULT 'Sent';
        ALTER TABLE insights ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE insights ADD COLUMN changed_at INTEGER;
        UPDATE insights SET send_at = created_at;
        UPDATE insights SET channel_ids = json_array(audience_channel_id) WHERE audience_channel_id IS NOT NULL;
        DROP INDEX ix_insights_latest;
        CREATE INDEX ix_insights_latest ON insights (tenant_id, send_at, id);
        CREATE INDEX ix_insights_status ON insights (tenant_id, status, send_at);
        """;
}
