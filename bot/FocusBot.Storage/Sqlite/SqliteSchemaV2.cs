namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Lookups that read only what they return, for large tenants: people by Entra object id and by any word of their
/// name (rosters and personal chats), and everything erasure needs to find by person (marks by the pseudonym that made
/// them, recognitions by the person recognised). Word rows are kept by triggers when their row goes, and the rows
/// that exist already are backfilled (words split at spaces, as StoreArguments.NameKeys does; SQL's lower() folds
/// ASCII only, so a chat whose name has other letters gets its exact keys the next time it is saved).
/// </summary>
internal static class SqliteSchemaV2
{
    public const string Sql = """
        CREATE INDEX ix_roster_members_aad ON roster_members (tenant_id, aad_object_id) WHERE aad_object_id IS NOT NULL;
        CREATE TABLE roster_name_words (
            tenant_id TEXT NOT NULL,
            word_key TEXT NOT NULL,
            team_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            PRIMARY KEY (tenant_id, word_key, team_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_roster_name_words_member ON roster_name_words (tenant_id, team_id, user_id);
        CREATE TRIGGER tr_roster_members_delete_words AFTER DELETE ON roster_members
        BEGIN
            DELETE FROM roster_name_words WHERE tenant_id = old.tenant_id AND team_id = old.team_id AND user_id = old.user_id;
        END;
        WITH RECURSIVE words (tenant_id, team_id, user_id, word) AS (
            SELECT tenant_id, team_id, user_id, name_key FROM roster_members WHERE name_key IS NOT NULL AND name_key <> ''
            UNION
            SELECT tenant_id, team_id, user_id, ltrim(substr(word, instr(word, ' ') + 1)) FROM words WHERE instr(word, ' ') > 0
        )
        INSERT OR IGNORE INTO roster_name_words (tenant_id, word_key, team_id, user_id)
        SELECT tenant_id, word, team_id, user_id FROM words WHERE word <> '';

        CREATE INDEX ix_conversations_aad ON conversations (tenant_id, user_aad_object_id) WHERE user_aad_object_id IS NOT NULL;
        CREATE TABLE conversation_name_words (
            tenant_id TEXT NOT NULL,
            word_key TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            is_full INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, word_key, conversation_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_conversation_name_words_full ON conversation_name_words (tenant_id, is_full, word_key);
        CREATE INDEX ix_conversation_name_words_conversation ON conversation_name_words (tenant_id, conversation_id);
        CREATE TRIGGER tr_conversations_delete_words AFTER DELETE ON conversations
        BEGIN
            DELETE FROM conversation_name_words WHERE tenant_id = old.tenant_id AND conversation_id = old.conversation_id;
        END;
        WITH RECURSIVE words (tenant_id, conversation_id, word, is_full) AS (
            SELECT tenant_id, conversation_id, lower(trim(user_name)), 1 FROM conversations
            WHERE kind = 'Personal' AND user_id IS NOT NULL AND user_name IS NOT NULL AND trim(user_name) <> ''
            UNION
            SELECT tenant_id, conversation_id, ltrim(substr(word, instr(word, ' ') + 1)), 0 FROM words WHERE instr(word, ' ') > 0
        )
        INSERT OR IGNORE INTO conversation_name_words (tenant_id, word_key, conversation_id, is_full)
        SELECT tenant_id, word, conversation_id, is_full FROM words WHERE word <> '';

        CREATE INDEX ix_insight_got_it_user ON insight_got_it (user_key);
        CREATE INDEX ix_recognition_applause_user ON recognition_applause (user_key);
        CREATE INDEX ix_recognitions_recipient ON recognitions (tenant_id, recipient_user_id);
        CREATE INDEX ix_recognitions_recipient_aad ON recognitions (tenant_id, recipient_aad_object_id) WHERE recipient_aad_object_id IS NOT NULL;
        """;
}
