namespace FocusBot.Storage.Sqlite;

/// <summary>The first schema. Times are UTC ticks, enums their names, lists JSON arrays, versions the ETags.</summary>
internal static class SqliteSchemaV1
{
    public const string Sql = """
        CREATE TABLE conversations (
            tenant_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            service_url TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            bot_id TEXT NOT NULL,
            bot_name TEXT,
            user_id TEXT,
            user_aad_object_id TEXT,
            user_name TEXT,
            team_id TEXT,
            team_name TEXT,
            channel_name TEXT,
            time_zone TEXT,
            locale TEXT,
            installed_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, conversation_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_conversations_user ON conversations (tenant_id, user_id) WHERE user_id IS NOT NULL;
        CREATE INDEX ix_conversations_team ON conversations (tenant_id, team_id) WHERE team_id IS NOT NULL;
        CREATE INDEX ix_conversations_kind ON conversations (kind, tenant_id);

        CREATE TABLE roster_members (
            tenant_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            aad_object_id TEXT,
            name TEXT,
            name_key TEXT,
            time_zone TEXT,
            PRIMARY KEY (tenant_id, team_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_roster_members_user ON roster_members (tenant_id, user_id);
        CREATE INDEX ix_roster_members_name ON roster_members (tenant_id, name_key) WHERE name_key IS NOT NULL;

        CREATE TABLE questions (
            id TEXT NOT NULL PRIMARY KEY,
            text TEXT NOT NULL,
            dimension TEXT NOT NULL,
            level INTEGER NOT NULL,
            kind TEXT NOT NULL,
            options TEXT NOT NULL,
            correct_option INTEGER,
            explanation TEXT,
            tags TEXT NOT NULL,
            active INTEGER NOT NULL,
            insight_id TEXT,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE pulses (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            question_ids TEXT NOT NULL,
            opens_at INTEGER NOT NULL,
            closes_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            reminders_sent INTEGER NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_pulses_opens_at ON pulses (opens_at);

        CREATE TABLE deliveries (
            pulse_id TEXT NOT NULL,
            recipient_key TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            conversation_id TEXT,
            status TEXT NOT NULL,
            activity_id TEXT,
            failure_reason TEXT,
            attempts INTEGER NOT NULL,
            send_after INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            reminders_sent INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (pulse_id, recipient_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_deliveries_status ON deliveries (pulse_id, status);
        CREATE INDEX ix_deliveries_recipient ON deliveries (recipient_key);

        CREATE TABLE answers (
            pulse_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            respondent TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            value TEXT NOT NULL,
            team_ids TEXT NOT NULL,
            answered_at INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            PRIMARY KEY (pulse_id, question_id, respondent)
        ) WITHOUT ROWID;
        CREATE INDEX ix_answers_respondent ON answers (respondent);

        CREATE TABLE insights (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            source TEXT NOT NULL,
            kpi_name TEXT,
            kpi_value TEXT,
            kpi_trend TEXT,
            link TEXT,
            author_aad_object_id TEXT NOT NULL,
            author_name TEXT NOT NULL,
            audience_team_id TEXT,
            audience_channel_id TEXT,
            all_staff INTEGER NOT NULL,
            question_id TEXT,
            created_at INTEGER NOT NULL,
            got_it_count INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_insights_latest ON insights (tenant_id, created_at);
        CREATE TABLE insight_got_it (
            insight_id TEXT NOT NULL,
            user_key TEXT NOT NULL,
            PRIMARY KEY (insight_id, user_key)
        ) WITHOUT ROWID;

        CREATE TABLE recognitions (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            recipient_user_id TEXT NOT NULL,
            recipient_aad_object_id TEXT,
            recipient_name TEXT NOT NULL,
            author_aad_object_id TEXT NOT NULL,
            author_name TEXT NOT NULL,
            behaviour TEXT NOT NULL,
            story TEXT NOT NULL,
            team_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            activity_id TEXT,
            created_at INTEGER NOT NULL,
            applause_count INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_recognitions_recent ON recognitions (tenant_id, created_at);
        CREATE TABLE recognition_applause (
            recognition_id TEXT NOT NULL,
            user_key TEXT NOT NULL,
            PRIMARY KEY (recognition_id, user_key)
        ) WITHOUT ROWID;

        CREATE TABLE role_assignments (
            tenant_id TEXT NOT NULL,
            aad_object_id TEXT NOT NULL,
            role TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            granted_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, aad_object_id, role)
        ) WITHOUT ROWID;

        CREATE TABLE settings (
            tenant_id TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, key)
        ) WITHOUT ROWID;

        CREATE TABLE paused_users (
            tenant_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            PRIMARY KEY (tenant_id, user_id)
        ) WITHOUT ROWID;

        CREATE TABLE aggregates (
            tenant_id TEXT NOT NULL,
            slice TEXT NOT NULL,
            period TEXT NOT NULL,
            key TEXT NOT NULL,
            bucket TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, slice, period, key, bucket)
        ) WITHOUT ROWID;

        CREATE TABLE leases (
            name TEXT NOT NULL PRIMARY KEY,
            holder_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;
}
