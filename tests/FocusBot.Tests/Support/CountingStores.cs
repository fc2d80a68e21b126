using System.Runtime.CompilerServices;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Support;

/// <summary>
/// Wraps the real roster and conversation stores to count the rows read through their whole-list methods (a team's
/// whole roster, every personal chat of a tenant), which a lookup of one person must not need.
/// </summary>
public sealed class CountingStores
{
    private int _rosterRows;
    private int _personalChats;

    public int RosterRowsListed => Volatile.Read(ref _rosterRows);

    public int PersonalChatsListed => Volatile.Read(ref _personalChats);

    public void Reset()
    {
        Interlocked.Exchange(ref _rosterRows, 0);
        Interlocked.Exchange(ref _personalChats, 0);
    }

    /// <summary>Replaces the host's stores with counting wrappers around them; run after the host registered its services.</summary>
    public void Install(IServiceCollection services)
    {
        Decorate<IRosterStore>(services, inner => new CountingRoster(inner, this));
        Decorate<IConversationStore>(services, inner => new CountingConversations(inner, this));
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(provider => wrap(original.ImplementationFactory is { } factory
            ? (T)factory(provider)
            : original.ImplementationInstance as T ?? (T)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!)));
    }

    private static async IAsyncEnumerable<TItem> CountAsync<TItem>(IAsyncEnumerable<TItem> items, Action counted, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            counted();
            yield return item;
        }
    }

    private sealed class CountingRoster(IRosterStore inner, CountingStores counts) : IRosterStore
    {
        public Task ReplaceTeamRosterAsync(string tenantId, string teamId, IReadOnlyList<TeamMember> members, CancellationToken cancellationToken) =>
            inner.ReplaceTeamRosterAsync(tenantId, teamId, members, cancellationToken);

        public IAsyncEnumerable<TeamMember> ListTeamMembersAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
            CountAsync(inner.ListTeamMembersAsync(tenantId, teamId, cancellationToken), () => Interlocked.Increment(ref counts._rosterRows), cancellationToken);

        public Task<bool> HasTeamRosterAsync(string tenantId, string teamId, CancellationToken cancellationToken) => inner.HasTeamRosterAsync(tenantId, teamId, cancellationToken);

        public Task<IReadOnlyList<string>> ListTeamsForUserAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
            inner.ListTeamsForUserAsync(tenantId, userId, cancellationToken);

        public Task<IReadOnlyList<RosterPerson>> SearchByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken) =>
            inner.SearchByNameAsync(tenantId, prefix, max, cancellationToken);

        public Task<RosterPerson?> FindByAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
            inner.FindByAadObjectIdAsync(tenantId, aadObjectId, cancellationToken);

        public Task<RosterPerson?> FindByUserIdAsync(string tenantId, string userId, CancellationToken cancellationToken) => inner.FindByUserIdAsync(tenantId, userId, cancellationToken);
    }

    private sealed class CountingConversations(IConversationStore inner, CountingStores counts) : IConversationStore
    {
        public Task UpsertAsync(ConversationRecord conversation, CancellationToken cancellationToken) => inner.UpsertAsync(conversation, cancellationToken);

        public Task<ConversationRecord?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken) => inner.GetAsync(tenantId, conversationId, cancellationToken);

        public Task<ConversationRecord?> GetPersonalForUserAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
            inner.GetPersonalForUserAsync(tenantId, userId, cancellationToken);

        public Task<ConversationRecord?> GetPersonalForAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
            inner.GetPersonalForAadObjectIdAsync(tenantId, aadObjectId, cancellationToken);

        public Task<IReadOnlyList<ConversationRecord>> SearchPersonalByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken) =>
            inner.SearchPersonalByNameAsync(tenantId, prefix, max, cancellationToken);

        public IAsyncEnumerable<ConversationRecord> ListPersonalAsync(string? tenantId, CancellationToken cancellationToken) =>
            CountAsync(inner.ListPersonalAsync(tenantId, cancellationToken), () => Interlocked.Increment(ref counts._personalChats), cancellationToken);

        public IAsyncEnumerable<ConversationRecord> ListTeamsAsync(CancellationToken cancellationToken) => inner.ListTeamsAsync(cancellationToken);

        public Task<bool> RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken) => inner.RemoveAsync(tenantId, conversationId, cancellationToken);

        public Task<int> RemoveTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) => inner.RemoveTeamAsync(tenantId, teamId, cancellationToken);
    }
}
