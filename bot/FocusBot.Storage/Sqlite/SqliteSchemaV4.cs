namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Unlinkable answers: "answered" markers (an HMAC only the bot can compute; no user id, no time) replace the delivery
/// row update that timed each answer, counted_answers holds what the trend aggregates have counted per respondent
/// (encrypted), and answer times already stored are cut to the UTC day (ticks count from a midnight). Both new tables are
/// WITHOUT ROWID, so no rowid records the order rows came in.
/// </summary>
internal static class SqliteSchemaV4
{
    public const string Sql = """
        CREATE TABLE answered_marks (
            pulse_id TEXT NOT NULL,
            marker TEXT NOT NULL,
            PRIMARY KEY (pulse_id, marker)
        ) WITHOUT ROWID;

        CREATE TABLE counted_answers (
            pulse_id TEXT NOT NULL,
            respondent TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            answers TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (pulse_id, respondent)
        ) WITHOUT ROWID;
        CREATE INDEX ix_counted_answers_respondent ON counted_answers (respondent);

        UPDATE answers SET answered_at = answered_at - (answered_at % 864000000000);
        """;
}
