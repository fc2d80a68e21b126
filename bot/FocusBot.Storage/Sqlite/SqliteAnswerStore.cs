using FocusBot.Domain.Answers;
using FocusBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteAnswerStore(SqliteDatabase database) : IAnswerStore
{
    private const string Columns = "pulse_id, question_id, respondent, tenant_id, value, team_ids, answered_at, revision";

    private const string SelectOne = $"SELECT {Columns} FROM answers WHERE pulse_id = $pulse AND question_id = $question AND respondent = $respondent;";

    private const string Upsert = $"""
        INSERT INTO answers ({Columns}) VALUES ($pulse, $question, $respondent, $tenant, $value, $teams, $answeredAt, $revision)
        ON CONFLICT (pulse_id, question_id, respondent) DO UPDATE SET
            tenant_id = excluded.tenant_id, value = excluded.value, team_ids = excluded.team_ids,
            answered_at = excluded.answered_at, revision = excluded.revision;
        """;

    public Task<Answer?> UpsertAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return database.WriteAsync(writer => Replace(writer, answer), cancellationToken);
    }

    public Task<IReadOnlyList<Answer?>> UpsertManyAsync(string pulseId, IReadOnlyList<Answer> answers, CancellationToken cancellationToken)
    {
        StoreArguments.EnsureOnePulse(pulseId, answers);
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
    private static Answer? Replace(SqliteWriter writer, Answer answer)
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

        writer.Command(Upsert)
            .With("$pulse", answer.PulseId)
            .With("$question", answer.QuestionId)
            .With("$respondent", answer.RespondentPseudonym)
            .With("$tenant", answer.TenantId)
            .With("$value", answer.Value)
            .With("$teams", StringListJson.Encode(answer.TeamIds))
            .With("$answeredAt", answer.AnsweredAt)
            .With("$revision", (previous?.Revision ?? 0) + 1)
            .ExecuteNonQuery();
        return previous;
    }

    private static Answer Map(SqliteDataReader reader) => new()
    {
        PulseId = reader.GetString(0),
        QuestionId = reader.GetString(1),
        RespondentPseudonym = reader.GetString(2),
        TenantId = reader.GetString(3),
        Value = reader.GetString(4),
        TeamIds = StringListJson.Decode(reader.GetString(5)),
        AnsweredAt = reader.GetTime(6),
        Revision = reader.GetInt32(7),
    };
}
