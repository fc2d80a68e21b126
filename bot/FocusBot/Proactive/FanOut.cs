using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Roster;
using FocusBot.Telemetry;

namespace FocusBot.Proactive;

/// <summary>Starts proactive campaigns: writes the ledger rows and wakes the sender.</summary>
public sealed class FanOut(IDeliveryStore deliveries, IConversationStore conversations, IRosterStore roster, TimeProvider timeProvider)
    : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Writes one row per recipient (rows that exist are left alone) and wakes the sender. Returns how many were new.</summary>
    public async Task<int> EnqueueAsync(string ledgerId, IReadOnlyList<Recipient> recipients, DateTimeOffset sendAfter, CancellationToken cancellationToken)
    {
        var added = await EnqueueAsync(ledgerId, recipients, _ => sendAfter, cancellationToken);
        Wake();
        return added;
    }

    /// <summary>As above, with a send time per recipient (the pulse's local send time).</summary>
    public Task<int> EnqueueAsync(string ledgerId, IReadOnlyList<Recipient> recipients, Func<Recipient, DateTimeOffset> sendAfter,
        CancellationToken cancellationToken) =>
        WriteAsync(ledgerId, [.. recipients.Select(r => (r.TenantId, r.UserId, r.ConversationId, sendAfter(r)))], cancellationToken);

    /// <summary>
    /// A follow-up to the people an earlier campaign reached (its rows <paramref name="reached"/>), such as a pulse's
    /// results: one row each in <paramref name="ledgerId"/>, to the same chat, and wakes the sender. Returns how many were new.
    /// </summary>
    public async Task<int> EnqueueFollowUpAsync(string ledgerId, IReadOnlyList<Delivery> reached, DateTimeOffset sendAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reached);
        var added = await WriteAsync(ledgerId, [.. reached.Select(r => (r.TenantId, r.UserId, r.ConversationId, sendAfter))], cancellationToken);
        Wake();
        return added;
    }

    private async Task<int> WriteAsync(string ledgerId, IReadOnlyList<(string TenantId, string UserId, string? ConversationId, DateTimeOffset SendAfter)> recipients,
        CancellationToken cancellationToken)
    {
        using var span = FocusBotTelemetry.StartFanOut(ledgerId, recipients.Count);
        var now = timeProvider.GetUtcNow();
        var rows = recipients.Select(r => new Delivery
        {
            LedgerId = ledgerId,
            RecipientKey = RecipientKeys.For(r.TenantId, r.UserId),
            TenantId = r.TenantId,
            UserId = r.UserId,
            ConversationId = r.ConversationId,
            Status = DeliveryStatus.Pending,
            SendAfter = r.SendAfter,
            UpdatedAt = now,
        }).ToList();
        var added = await deliveries.CreateIfMissingAsync(rows, cancellationToken);
        span?.SetTag(FocusBotTelemetry.Tags.Added, added);
        return added;
    }

    /// <summary>
    /// Writes one row in <paramref name="ledgerId"/> for each of <paramref name="sent"/>, rows of another ledger whose
    /// messages went out, naming the same recipient, conversation and message, so the sender can change or delete each
    /// message (<see cref="DeliveryOperation"/>); rows that exist are left alone. Wakes the sender and returns how many were new.
    /// </summary>
    public async Task<int> EnqueueChangesAsync(string ledgerId, IReadOnlyList<Delivery> sent, CancellationToken cancellationToken)
    {
        using var span = FocusBotTelemetry.StartFanOut(ledgerId, sent.Count);
        var now = timeProvider.GetUtcNow();
        var rows = sent.Where(d => d.ActivityId is not null && d.ConversationId is not null).Select(d => new Delivery
        {
            LedgerId = ledgerId,
            RecipientKey = d.RecipientKey,
            TenantId = d.TenantId,
            UserId = d.UserId,
            ConversationId = d.ConversationId,
            ActivityId = d.ActivityId,
            Status = DeliveryStatus.Pending,
            SendAfter = now,
            UpdatedAt = now,
        }).ToList();
        var added = await deliveries.CreateIfMissingAsync(rows, cancellationToken);
        span?.SetTag(FocusBotTelemetry.Tags.Added, added);
        Wake();
        return added;
    }

    /// <summary>Everyone FocusBot can reach in a tenant: personal installs and members of teams where it is installed.</summary>
    public async Task<IReadOnlyList<Recipient>> ListStaffAsync(string tenantId, CancellationToken cancellationToken)
    {
        var byUser = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        await foreach (var chat in conversations.ListPersonalAsync(tenantId, cancellationToken))
        {
            if (chat.UserId is { } userId)
                byUser[userId] = new Recipient(tenantId, userId, chat.UserAadObjectId, chat.ServiceUrl, chat.ConversationId, chat.TimeZone);
        }

        var teams = new Dictionary<string, ConversationRecord>(StringComparer.Ordinal);
        await foreach (var channel in conversations.ListTeamsAsync(cancellationToken))
        {
            if (channel.TenantId == tenantId && channel.TeamId is { } teamId)
                teams.TryAdd(teamId, channel);
        }

        foreach (var (teamId, install) in teams)
        {
            await foreach (var member in roster.ListTeamMembersAsync(tenantId, teamId, cancellationToken))
                byUser.TryAdd(member.UserId, new Recipient(tenantId, member.UserId, member.AadObjectId, install.ServiceUrl, null, member.TimeZone));
        }

        return [.. byUser.Values];
    }

    /// <summary>
    /// The members of <paramref name="teamIds"/> as their rosters hold them, each once; teams FocusBot is no longer in
    /// have no one to reach through and are left out.
    /// </summary>
    public async Task<IReadOnlyList<Recipient>> ListTeamMembersAsync(string tenantId, IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken)
    {
        var installs = new Dictionary<string, ConversationRecord>(StringComparer.Ordinal);
        await foreach (var channel in conversations.ListTeamsAsync(cancellationToken))
        {
            if (channel.TenantId == tenantId && channel.TeamId is { } teamId && teamIds.Contains(teamId))
                installs.TryAdd(teamId, channel);
        }

        var byUser = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        foreach (var (teamId, install) in installs)
        {
            await foreach (var member in roster.ListTeamMembersAsync(tenantId, teamId, cancellationToken))
                byUser.TryAdd(member.UserId, new Recipient(tenantId, member.UserId, member.AadObjectId, install.ServiceUrl, null, member.TimeZone));
        }

        return [.. byUser.Values];
    }

    /// <summary>Tells the sender there is work now rather than at its next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // already awake
            }
        }
    }

    public void Dispose() => _wake.Dispose();

    internal Task<bool> WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
