namespace FocusBot.Domain.Conversations;

/// <summary>Conversation references for proactive messaging: personal chats, team channels and group chats.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Saves the reference, replacing an earlier one for the same conversation. A user has one personal chat with
    /// FocusBot: saving a new personal chat for a user removes the user's earlier one.
    /// </summary>
    Task UpsertAsync(ConversationRecord conversation, CancellationToken cancellationToken);

    Task<ConversationRecord?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The personal chat of a user (Teams user id "29:..."), or null when the user has none with FocusBot.</summary>
    Task<ConversationRecord?> GetPersonalForUserAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>The personal chat of the user with this Microsoft Entra object id, or null.</summary>
    Task<ConversationRecord?> GetPersonalForAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Personal chats whose user's name, or any word of it, starts with <paramref name="prefix"/> (case-insensitive), at
    /// most <paramref name="max"/>, ordered by name; an empty prefix lists the first <paramref name="max"/> by name.
    /// Served by an index: it reads about as many rows as it returns.
    /// </summary>
    Task<IReadOnlyList<ConversationRecord>> SearchPersonalByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken);

    /// <summary>Personal chats of one tenant, or of every tenant when <paramref name="tenantId"/> is null.</summary>
    IAsyncEnumerable<ConversationRecord> ListPersonalAsync(string? tenantId, CancellationToken cancellationToken);

    /// <summary>Team installations (conversations of kind <see cref="ConversationKind.Channel"/>) in every tenant.</summary>
    IAsyncEnumerable<ConversationRecord> ListTeamsAsync(CancellationToken cancellationToken);

    /// <summary>Removes one conversation (personal uninstall). Returns false when it was not stored.</summary>
    Task<bool> RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Removes every channel conversation of a team (team uninstall). Returns how many were removed.</summary>
    Task<int> RemoveTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken);
}
