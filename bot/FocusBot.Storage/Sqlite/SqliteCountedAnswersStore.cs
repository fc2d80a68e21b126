using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Privacy;
using FocusBot.Storage.Serialization;

namespace FocusBot.Storage.Sqlite;

/// <summary>Counted answers with an integer version as the ETag; the answers column is encrypted by the field protector.</summary>
internal sealed class SqliteCountedAnswersStore(SqliteDatabase database, IFieldProtector protector) : ICountedAnswersStore
{
    public Task<CountedAnswers?> GetAsync(string pulseId, string respondentPseudonym, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            "SELECT pulse_id, respondent, tenant_id, answers, version FROM counted_answers WHERE pulse_id = $pulse AND respondent = $respondent;",
            command => command.With("$pulse", pulseId).With("$respondent", respondentPseudonym),
            reader => new CountedAnswers
            {
                PulseId = reader.GetString(0),
                RespondentPseudonym = reader.GetString(1),
                TenantId = reader.GetString(2),
                Answers = CountedAnswersJson.Decode(protector.Unprotect(reader.GetString(3))),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            },
            cancellationToken);

    public Task<CountedAnswers?> TryWriteAsync(CountedAnswers counted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var answers = protector.Protect(CountedAnswersJson.Encode(counted.Answers));
        return database.WriteAsync<CountedAnswers?>(
            writer =>
            {
                long version;
                if (counted.ETag is null)
                {
                    version = 1;
                    var inserted = writer.Command("""
                        INSERT INTO counted_answers (pulse_id, respondent, tenant_id, answers, version) VALUES ($pulse, $respondent, $tenant, $answers, 1)
                        ON CONFLICT DO NOTHING;
                        """).With("$pulse", counted.PulseId).With("$respondent", counted.RespondentPseudonym).With("$tenant", counted.TenantId)
                        .With("$answers", answers).ExecuteNonQuery();
                    if (inserted == 0)
                    {
                        return null;
                    }
                }
                else
                {
                    if (!long.TryParse(counted.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
                    {
                        return null;
                    }

                    version = expected + 1;
                    var replaced = writer.Command("""
                        UPDATE counted_answers SET answers = $answers, tenant_id = $tenant, version = $next
                        WHERE pulse_id = $pulse AND respondent = $respondent AND version = $expected;
                        """).With("$pulse", counted.PulseId).With("$respondent", counted.RespondentPseudonym).With("$tenant", counted.TenantId)
                        .With("$answers", answers).With("$next", version).With("$expected", expected).ExecuteNonQuery();
                    if (replaced == 0)
                    {
                        return null;
                    }
                }

                return counted with { ETag = version.ToString(CultureInfo.InvariantCulture) };
            },
            cancellationToken);
    }
}
