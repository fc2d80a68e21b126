namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Review items: a knowledge check a person missed, which comes back to them until answered right. One row per tenant,
/// pseudonym and question (the person's items are one range of the primary key, for their card and for erasure);
/// dates only, no time of day; indexed by the day last updated for retention. WITHOUT ROWID, like the answers, so no
/// rowid keeps the order rows came in.
/// </summary>
internal static class SqliteSchemaV14
{
    public const string Sql = """
        CREATE TABLE review_items (
            tenant_id TEXT NOT NULL,
            respondent TEXT NOT NULL,
            question_id TEXT NOT NULL,
            state TEXT NOT NULL,
            misses INTEGER NOT NULL,
            due_on TEXT NOT NULL,
            review_pulse_id TEXT,
            review_value TEXT,
            created_on TEXT NOT NULL,
            updated_on TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, respondent, question_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_review_items_updated ON review_items (tenant_id, updated_on);
        """;
}
