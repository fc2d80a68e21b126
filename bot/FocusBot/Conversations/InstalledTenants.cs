using FocusBot.Domain.Conversations;

namespace FocusBot.Conversations;

/// <summary>The tenants FocusBot is installed in: someone's personal chat with it, or a team.</summary>
public sealed class InstalledTenants(IConversationStore conversations)
{
    public async Task<IReadOnlySet<string>> ListAsync(CancellationToken cancellationToken)
    {
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var chat in conversations.ListPersonalAsync(null, cancellationToken))
            tenants.Add(chat.TenantId);
        await foreach (var team in conversations.ListTeamsAsync(cancellationToken))
            tenants.Add(team.TenantId);
        return tenants;
    }
}
