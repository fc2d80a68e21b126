namespace FocusBot.Domain.Notices;

/// <summary>The small list of notices, and which kinds people were already told about on a given day.</summary>
public interface INoticeStore
{
    /// <summary>Stores the notice unless one with its tenant and id exists; returns whether it was stored.</summary>
    Task<bool> AddAsync(Notice notice, CancellationToken cancellationToken);

    /// <summary>The tenant's notices recorded at or after <paramref name="since"/>, newest first, at most <paramref name="count"/>.</summary>
    Task<IReadOnlyList<Notice>> ListSinceAsync(string tenantId, DateTimeOffset since, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the tenant's people were told about <paramref name="kind"/> on <paramref name="day"/> (UTC). Returns
    /// true for exactly one caller per tenant, kind and day, however many ask at once: that caller tells them.
    /// </summary>
    Task<bool> TryMarkAnnouncedAsync(string tenantId, NoticeKind kind, DateOnly day, CancellationToken cancellationToken);
}
