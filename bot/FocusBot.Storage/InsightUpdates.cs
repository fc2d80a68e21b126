using FocusBot.Domain.Insights;

namespace FocusBot.Storage;

/// <summary>What an insight update keeps whatever the change says: both backends apply the same rule.</summary>
internal static class InsightUpdates
{
    /// <summary><paramref name="changed"/> with who wrote the insight, where and when, and its Got it count as stored.</summary>
    public static Insight Keep(Insight stored, Insight changed) => changed with
    {
        Id = stored.Id,
        TenantId = stored.TenantId,
        AuthorAadObjectId = stored.AuthorAadObjectId,
        AuthorName = stored.AuthorName,
        CreatedAt = stored.CreatedAt,
        GotItCount = stored.GotItCount,
    };
}
