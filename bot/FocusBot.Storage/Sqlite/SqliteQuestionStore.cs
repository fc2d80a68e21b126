using FocusBot.Domain.Questions;
using FocusBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteQuestionStore(SqliteDatabase database) : IQuestionStore
{
    private const string Columns = "id, text, dimension, level, kind, options, correct_option, explanation, tags, active, insight_id, created_at";

    private const string Upsert = $"""
        INSERT OR REPLACE INTO questions ({Columns})
        VALUES ($id, $text, $dimension, $level, $kind, $options, $correct, $explanation, $tags, $active, $insight, $createdAt);
        """;

    public Task<Question?> GetAsync(string questionId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync($"SELECT {Columns} FROM questions WHERE id = $id;", command => command.With("$id", questionId), Map, cancellationToken);

    public async Task<IReadOnlyList<Question>> ListAsync(bool includeInactive, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            includeInactive ? $"SELECT {Columns} FROM questions ORDER BY id;" : $"SELECT {Columns} FROM questions WHERE active = 1 ORDER BY id;",
            null,
            Map,
            cancellationToken);

    public Task ReplaceBankAsync(IReadOnlyList<Question> questions, CancellationToken cancellationToken)
    {
        QuestionBank.EnsureValid(questions);

        // One transaction: a failure anywhere rolls the delete back too, so the old bank stays whole.
        return database.WriteAsync(
            writer =>
            {
                writer.Command("DELETE FROM questions;").ExecuteNonQuery();
                foreach (var question in questions)
                {
                    Bind(writer.Command(Upsert), question).ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public Task UpsertAsync(Question question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrEmpty(question.Id);
        return database.WriteAsync(writer => Bind(writer.Command(Upsert), question).ExecuteNonQuery(), cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await database.QueryListAsync("SELECT COUNT(*) FROM questions;", null, reader => reader.GetInt32(0), cancellationToken);
        return counts[0];
    }

    private static SqliteCommand Bind(SqliteCommand command, Question question) => command
        .With("$id", question.Id)
        .With("$text", question.Text)
        .With("$dimension", question.Dimension.ToString())
        .With("$level", question.Level)
        .With("$kind", question.Kind.ToString())
        .With("$options", StringListJson.Encode(question.Options))
        .With("$correct", question.CorrectOption)
        .With("$explanation", question.Explanation)
        .With("$tags", StringListJson.Encode(question.Tags))
        .With("$active", question.Active ? 1 : 0)
        .With("$insight", question.InsightId)
        .With("$createdAt", question.CreatedAt);

    private static Question Map(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Text = reader.GetString(1),
        Dimension = reader.GetEnum<QuestionDimension>(2),
        Level = reader.GetInt32(3),
        Kind = reader.GetEnum<QuestionKind>(4),
        Options = StringListJson.Decode(reader.GetString(5)),
        CorrectOption = reader.GetNullableInt32(6),
        Explanation = reader.GetNullableString(7),
        Tags = StringListJson.Decode(reader.GetString(8)),
        Active = reader.GetInt32(9) != 0,
        InsightId = reader.GetNullableString(10),
        CreatedAt = reader.GetTime(11),
    };
}
