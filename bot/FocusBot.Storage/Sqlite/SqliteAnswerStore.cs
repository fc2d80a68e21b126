using FocusBot.Domain.Answers;
using FocusBot.Domain.Privacy;
using FocusBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Answers, one row per pulse, question and pseudonym, in a WITHOUT ROWID table (no rowid to betray the order they came
/// in); answered_at is the UTC day, team_ids are encrypted by the field protector.
/// </summary>
internal sealed class SqliteAnswerStore(SqliteDatabase database, IFieldProtector protector) : IAnswerStore
{
    private const string Columns = "pulse_id, question_id, respondent, tenant_id, value, team_ids, answered_at, revision";

    private const string SelectOne = $"SELECT {Columns} FROM answers WHERE pulse_id = $pulse AND question_id = $question AND respondent = $respondent;";

    private const string Upsert = $"""
        INSERT INTO answers ({Columns}) VALUES ($pulse, $question, $respondent, $tenant, $value, $teams, $answeredAt, $revision)
        ON CONFLICT (pulse_id, question_id, respondent) DO UPDATE SET
            tenant_id = excluded.tenant_id, value = excluded.value, team_ids = excluded.team_ids,
            answered_at = excluded.answered_at, revision = excluded.revision;
        """;

    private const string InsertIfAbsent = $"""
        INSERT INTO answers ({Columns}) VALUES ($pulse, $question, $respondent, $tenant, $value, $teams, $answeredAt, $revision)
        ON CONFLICT (pulse_id, question_id, respondent) DO NOTHING;
        """;

    public Task<Answer?> UpsertAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return database.WriteAsync(writer => Replace(writer, answer), cancellationToken);
    }

    public Task<Answer?> InsertIfAbsentAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return database.WriteAsync<Answer?>(
            writer =>
            {
                // Inside the write transaction: of two racing first answers, the second finds the first and keeps it.
                var inserted = Bind(writer.Command(InsertIfAbsent), answer, 1).ExecuteNonQuery();
                if (inserted == 1)
                {
                    return null;
                }

                using var reader = writer.Command(SelectOne)
                    .With("$pulse", answer.PulseId)
                    .With("$question", answer.QuestionId)
                    .With("$respondent", answer.RespondentPseudonym)
                    .ExecuteReader();
                return reader.Read() ? Map(reader) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Answer?>> UpsertManyAsync(string pulseId, IReadOnlyList<Answer> answers, CancellationToken cancellationToken)
    {
        AnswerBatch.EnsureOnePulse(pulseId, answers);
        return database.WriteAsync<IReadOnlyList<Answer?>>(
            writer =>
            {
                var previous = new Answer?[answers.Count];
                for (var i = 0; i < answers.Count; i++)
                {
                    previous[i] = Replace(writer, answers[i]);
                }

                return previous;
            },
            cancellationToken);
    }

    public Task<Answer?> GetAsync(string pulseId, string questionId, string respondentPseudonym, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            SelectOne,
            command => command.With("$pulse", pulseId).With("$question", questionId).With("$respondent", respondentPseudonym),
            Map,
            cancellationToken);

    public IAsyncEnumerable<Answer> ListByPulseAsync(string pulseId, CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {Columns} FROM answers WHERE pulse_id = $pulse;", command => command.With("$pulse", pulseId), Map, cancellationToken);

    public IAsyncEnumerable<Answer> ListByRespondentAsync(string respondentPseudonym, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM answers WHERE respondent = $respondent ORDER BY pulse_id, question_id;",
            command => command.With("$respondent", respondentPseudonym),
            Map,
            cancellationToken);

    // Runs inside the write transaction, so reading the previous answer and replacing it is one atomic step.
    private Answer? Replace(SqliteWriter writer, Answer answer)
    {
        Answer? previous = null;
        using (var reader = writer.Command(SelectOne)
            .With("$pulse", answer.PulseId)
            .With("$question", answer.QuestionId)
            .With("$respondent", answer.RespondentPseudonym)
            .ExecuteReader())
        {
            if (reader.Read())
            {
                previous = Map(reader);
            }
        }

        Bind(writer.Command(Upsert), answer, (previous?.Revision ?? 0) + 1).ExecuteNonQuery();
        return previous;
    }

    private SqliteCommand Bind(SqliteCommand command, Answer answer, int revision) => command
        .With("$pulse", answer.PulseId)
        .With("$question", answer.QuestionId)
        .With("$respondent", answer.RespondentPseudonym)
        .With("$tenant", answer.TenantId)
        .With("$value", answer.Value)
        .With("$teams", protector.Protect(StringListJson.Encode(answer.TeamIds)))
        .With("$answeredAt", Answer.DayOf(answer.AnsweredAt))
        .With("$revision", revision);

    private Answer Map(SqliteDataReader reader) => new()
    {
        PulseId = reader.GetString(0),
        QuestionId = reader.GetString(1),
        RespondentPseudonym = reader.GetString(2),
        TenantId = reader.GetString(3),
        Value = reader.GetString(4),
        TeamIds = StringListJson.Decode(protector.Unprotect(reader.GetString(5))),
        AnsweredAt = reader.GetTime(6),
        Revision = reader.GetInt32(7),
    };
}
