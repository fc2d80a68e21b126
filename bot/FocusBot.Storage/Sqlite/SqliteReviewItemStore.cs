using System.Globalization;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>Review items by primary key (tenant, pseudonym, question); a change is a conditional update on the row's version.</summary>
internal sealed class SqliteReviewItemStore(SqliteDatabase database) : IReviewItemStore
{
    private const string Columns = "tenant_id, respondent, question_id, state, misses, due_on, review_pulse_id, review_value, created_on, updated_on, version";
    private const string DateFormat = "yyyy-MM-dd";

    public async Task<IReadOnlyList<ReviewItem>> ListForPersonAsync(string tenantId, string respondentPseudonym, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM review_items WHERE tenant_id = $tenant AND respondent = $respondent ORDER BY question_id;",
            command => command.With("$tenant", tenantId).With("$respondent", respondentPseudonym),
            Map,
            cancellationToken);

    public Task<ReviewItem?> GetAsync(string tenantId, string respondentPseudonym, string questionId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            $"SELECT {Columns} FROM review_items WHERE tenant_id = $tenant AND respondent = $respondent AND question_id = $question;",
            command => command.With("$tenant", tenantId).With("$respondent", respondentPseudonym).With("$question", questionId),
            Map,
            cancellationToken);

    public Task<ReviewItem> SaveAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(item.TenantId);
        ArgumentException.ThrowIfNullOrEmpty(item.RespondentPseudonym);
        ArgumentException.ThrowIfNullOrEmpty(item.QuestionId);
        var version = item.ETag is null ? 0 : SqliteValues.ParseVersion(item.ETag, "review item");
        return database.WriteAsync(
            writer =>
            {
                var sql = version == 0
                    ? $"""
                        INSERT INTO review_items ({Columns})
                        VALUES ($tenant, $respondent, $question, $state, $misses, $due, $pulse, $value, $created, $updated, 1)
                        ON CONFLICT (tenant_id, respondent, question_id) DO NOTHING;
                        """
                    : """
                        UPDATE review_items SET state = $state, misses = $misses, due_on = $due, review_pulse_id = $pulse, review_value = $value,
                            created_on = $created, updated_on = $updated, version = version + 1
                        WHERE tenant_id = $tenant AND respondent = $respondent AND question_id = $question AND version = $version;
                        """;
#pragma warning disable CA2100 // One of two constant statements.
                var written = writer.Command(sql)
#pragma warning restore CA2100
                    .With("$tenant", item.TenantId)
                    .With("$respondent", item.RespondentPseudonym)
                    .With("$question", item.QuestionId)
                    .With("$state", item.State.ToString())
                    .With("$misses", item.Misses)
                    .With("$due", Date(item.DueOn))
                    .With("$pulse", item.ReviewPulseId)
                    .With("$value", item.ReviewValue)
                    .With("$created", Date(item.CreatedOn))
                    .With("$updated", Date(item.UpdatedOn))
                    .With("$version", version)
                    .ExecuteNonQuery();
                return written == 1
                    ? item with { ETag = SqliteValues.FormatVersion(version + 1) }
                    : throw new ConcurrencyException("A review item was written or removed since it was read.");
            },
            cancellationToken);
    }

    public Task<int> DeleteForPersonAsync(string tenantId, string respondentPseudonym, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command("DELETE FROM review_items WHERE tenant_id = $tenant AND respondent = $respondent;")
                .With("$tenant", tenantId).With("$respondent", respondentPseudonym).ExecuteNonQuery(),
            cancellationToken);

    public Task<int> DeleteUpdatedBeforeAsync(string tenantId, DateOnly before, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command("DELETE FROM review_items WHERE tenant_id = $tenant AND updated_on < $before;")
                .With("$tenant", tenantId).With("$before", Date(before)).ExecuteNonQuery(),
            cancellationToken);

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static ReviewItem Map(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        RespondentPseudonym = reader.GetString(1),
        QuestionId = reader.GetString(2),
        State = reader.GetEnum<ReviewState>(3),
        Misses = reader.GetInt32(4),
        DueOn = ParseDate(reader.GetString(5)),
        ReviewPulseId = reader.GetNullableString(6),
        ReviewValue = reader.GetNullableString(7),
        CreatedOn = ParseDate(reader.GetString(8)),
        UpdatedOn = ParseDate(reader.GetString(9)),
        ETag = SqliteValues.FormatVersion(reader.GetInt64(10)),
    };
}
