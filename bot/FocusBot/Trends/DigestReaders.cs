using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Settings;
using FocusBot.Roles;

namespace FocusBot.Trends;

/// <summary>
/// Who gets a weekly digest: the chats of the people granted a role that reads it, less those who typed `digest off`
/// (remembered per person, so it holds for every digest they would get).
/// </summary>
public sealed class DigestReaders(GrantedRoleChats chats, ISettingsStore settings)
{
    /// <summary>The organisation digest's readers: HR (<paramref name="hrChats"/>) and Executives, each once.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> OrganisationAsync(string tenantId, IReadOnlyList<ConversationRecord> hrChats, CancellationToken cancellationToken)
    {
        var readers = new List<ConversationRecord>();
        foreach (var chat in hrChats.Concat(await chats.ListAsync(tenantId, Role.Executive, cancellationToken)).DistinctBy(c => c.ConversationId, StringComparer.Ordinal))
        {
            if (await WantsAsync(tenantId, chat, cancellationToken))
                readers.Add(chat);
        }

        return readers;
    }

    public async Task<bool> WantsAsync(string tenantId, ConversationRecord chat, CancellationToken cancellationToken) =>
        chat.UserAadObjectId is { Length: > 0 } aad && !await settings.IsDigestOffAsync(tenantId, aad, cancellationToken);
}
