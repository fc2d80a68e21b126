using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Privacy;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Every part is an indexed lookup (README.md names the index of each), and the whole erasure is one transaction:
/// counts that marks fed drop in the same commit that removes the marks.
/// </summary>
internal sealed class SqlitePersonalDataEraser(SqliteDatabase database) : IPersonalDataEraser
{
    private const string Recognitions = "recognitions WHERE tenant_id = $tenant AND (recipient_user_id = $user OR recipient_aad_object_id = $aad)";
    // ix_recognitions_given; one of them as well (which cannot happen: nobody recognises themselves) counts once, above.
    private const string Given = "recognitions WHERE tenant_id = $tenant AND kind = 'Peer' AND author_aad_object_id IN ($user, $aad) AND id NOT IN (SELECT id FROM " + Recognitions + ")";
    private const string Theirs = "SELECT id FROM " + Recognitions + " UNION ALL SELECT id FROM " + Given;
    private const string Conversations = "conversations WHERE tenant_id = $tenant AND kind = 'Personal' AND (user_id = $user OR user_aad_object_id = $aad)";
    private const string Roster = "roster_members WHERE tenant_id = $tenant AND (user_id = $user OR aad_object_id = $aad)";
    private const string Deliveries = "deliveries WHERE recipient_key = $recipient";
    private const string Answers = "answers WHERE respondent = $key";
    // Derived from the answers (what the aggregates counted), so erased with them and not counted separately.
    private const string Counted = "counted_answers WHERE respondent = $key";
    private const string ReviewItems = "review_items WHERE tenant_id = $tenant AND respondent = $key";
    private static readonly string GotIt = SqliteCountedMarks.GotIt.Rows("user_key = $key");
    // Applause on a recognition of or by the person goes with that recognition, so it is not counted twice.
    private static readonly string Applause = SqliteCountedMarks.Applause.Rows("user_key = $key AND recognition_id NOT IN (" + Theirs + ")");
    private static readonly string ApplauseOnTheirs = SqliteCountedMarks.Applause.Rows("recognition_id IN (" + Theirs + ")");
    private const string Pauses = "paused_users WHERE tenant_id = $tenant AND user_id = $user";
    private const string Roles = "role_assignments WHERE tenant_id = $tenant AND aad_object_id = $aad";
    private const string DigestOptOuts = "digest_opt_outs WHERE tenant_id = $tenant AND aad_object_id = $aad";

    public async Task<ErasureResult> CountAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject.Validate();
        var keys = Keys(subject);
        return new ErasureResult
        {
            Recognitions = await CountAsync(Recognitions, subject, null, cancellationToken),
            RecognitionsGiven = await CountAsync(Given, subject, null, cancellationToken),
            GotItMarks = await CountEachAsync(GotIt, subject, keys, cancellationToken),
            ApplauseMarks = await CountEachAsync(Applause, subject, keys, cancellationToken),
            Answers = await CountEachAsync(Answers, subject, keys, cancellationToken),
            ReviewItems = await CountEachAsync(ReviewItems, subject, keys, cancellationToken),
            Deliveries = await CountAsync(Deliveries, subject, null, cancellationToken),
            PauseFlags = await CountAsync(Pauses, subject, null, cancellationToken),
            RoleAssignments = await CountAsync(Roles, subject, null, cancellationToken),
            DigestSettings = await CountAsync(DigestOptOuts, subject, null, cancellationToken),
            RosterEntries = await CountAsync(Roster, subject, null, cancellationToken),
            ConversationReferences = await CountAsync(Conversations, subject, null, cancellationToken),
        };
    }

    public Task<ErasureResult> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject.Validate();
        var keys = Keys(subject);
        return database.WriteAsync(
            writer =>
            {
                Delete(writer, ApplauseOnTheirs, subject, null);
                var recognitions = Delete(writer, Recognitions, subject, null);
                var given = Delete(writer, Given, subject, null);
                var gotIt = 0;
                var applause = 0;
                var answers = 0;
                var reviewItems = 0;
                foreach (var key in keys)
                {
                    gotIt += SqliteCountedMarks.GotIt.Remove(writer, GotIt, command => Bind(command, subject, key));
                    applause += SqliteCountedMarks.Applause.Remove(writer, Applause, command => Bind(command, subject, key));
                    answers += Delete(writer, Answers, subject, key);
                    Delete(writer, Counted, subject, key);
                    reviewItems += Delete(writer, ReviewItems, subject, key);
                }

                // Markers name nobody: FocusBot computed the person's for each pulse (ErasureSubject.AnsweredMarkers).
                foreach (var (pulseId, marker) in subject.AnsweredMarkers)
                {
                    writer.Command("DELETE FROM answered_marks WHERE pulse_id = $pulse AND marker = $marker;").With("$pulse", pulseId).With("$marker", marker).ExecuteNonQuery();
                }

                return new ErasureResult
                {
                    Recognitions = recognitions,
                    RecognitionsGiven = given,
                    GotItMarks = gotIt,
                    ApplauseMarks = applause,
                    Answers = answers,
                    ReviewItems = reviewItems,
                    Deliveries = Delete(writer, Deliveries, subject, null),
                    PauseFlags = Delete(writer, Pauses, subject, null),
                    RoleAssignments = Delete(writer, Roles, subject, null),
                    DigestSettings = Delete(writer, DigestOptOuts, subject, null),
                    RosterEntries = Delete(writer, Roster, subject, null),
                    ConversationReferences = Delete(writer, Conversations, subject, null),
                };
            },
            cancellationToken);
    }

    private static string[] Keys(ErasureSubject subject) => [.. subject.Pseudonyms.Where(key => !string.IsNullOrEmpty(key)).Distinct(StringComparer.Ordinal)];

    private static int Delete(SqliteWriter writer, string rows, ErasureSubject subject, string? key) =>
        Bind(writer.Command("DELETE FROM " + rows + ";"), subject, key).ExecuteNonQuery();

    private async Task<int> CountEachAsync(string rows, ErasureSubject subject, string[] keys, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var key in keys)
        {
            total += await CountAsync(rows, subject, key, cancellationToken);
        }

        return total;
    }

    private async Task<int> CountAsync(string rows, ErasureSubject subject, string? key, CancellationToken cancellationToken)
    {
        var counts = await database.QueryListAsync("SELECT COUNT(*) FROM " + rows + ";", command => Bind(command, subject, key), reader => reader.GetInt32(0), cancellationToken);
        return counts[0];
    }

    // A missing id binds NULL, which equals nothing: "user_id = NULL" matches no row.
    private static SqliteCommand Bind(SqliteCommand command, ErasureSubject subject, string? key) => command
        .With("$tenant", subject.TenantId)
        .With("$user", subject.UserId)
        .With("$aad", subject.AadObjectId)
        .With("$recipient", string.IsNullOrEmpty(subject.UserId) ? null : RecipientKeys.For(subject.TenantId, subject.UserId))
        .With("$key", key);
}
