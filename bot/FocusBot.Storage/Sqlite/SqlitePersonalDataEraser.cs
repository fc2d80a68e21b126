using FocusBot.Domain.Privacy;
using FocusBot.Domain.Pulses;

namespace FocusBot.Storage.Sqlite;

/// <summary>Each removal is an indexed lookup (user, recipient key, respondent), all in one transaction.</summary>
internal sealed class SqlitePersonalDataEraser(SqliteDatabase database) : IPersonalDataEraser
{
    public Task<ErasureResult> EraseAsync(string tenantId, string userId, string? aadObjectId, string respondentPseudonym, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(respondentPseudonym);
        var recipientKey = RecipientKeys.For(tenantId, userId);
        return database.WriteAsync(
            writer =>
            {
                var conversations = writer.Command("DELETE FROM conversations WHERE tenant_id = $tenant AND user_id = $user;")
                    .With("$tenant", tenantId).With("$user", userId).ExecuteNonQuery();
                var roster = writer.Command("DELETE FROM roster_members WHERE tenant_id = $tenant AND user_id = $user;")
                    .With("$tenant", tenantId).With("$user", userId).ExecuteNonQuery();
                var deliveries = writer.Command("DELETE FROM deliveries WHERE recipient_key = $recipient;")
                    .With("$recipient", recipientKey).ExecuteNonQuery();
                var answers = writer.Command("DELETE FROM answers WHERE respondent = $respondent;")
                    .With("$respondent", respondentPseudonym).ExecuteNonQuery();
                var pauses = writer.Command("DELETE FROM paused_users WHERE tenant_id = $tenant AND user_id = $user;")
                    .With("$tenant", tenantId).With("$user", userId).ExecuteNonQuery();
                var roles = string.IsNullOrEmpty(aadObjectId)
                    ? 0
                    : writer.Command("DELETE FROM role_assignments WHERE tenant_id = $tenant AND aad_object_id = $aad;")
                        .With("$tenant", tenantId).With("$aad", aadObjectId).ExecuteNonQuery();
                return new ErasureResult(conversations, roster, deliveries, answers, pauses, roles);
            },
            cancellationToken);
    }
}
