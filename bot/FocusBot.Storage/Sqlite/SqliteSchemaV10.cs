namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Peer recognition: each recognition has a kind, and every recognition stored before reads as an executive's. The
/// peer index finds what a person gave (their weekly limit; erasure), the team index serves the history filter by team.
/// </summary>
internal static class SqliteSchemaV10
{
    public const string Sql = """
        ALTER TABLE recognitions ADD COLUMN kind TEXT NOT NULL DEFAULT 'Executive';
        CREATE INDEX ix_recognitions_given ON recognitions (tenant_id, author_aad_object_id, created_at) WHERE kind = 'Peer';
        CREATE INDEX ix_recognitions_team ON recognitions (tenant_id, team_id, created_at);
        """;
}
