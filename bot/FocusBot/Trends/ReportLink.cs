using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>What a signed report link grants: one view, to one HR person of one tenant, until it expires.</summary>
public sealed record ReportLink(string TenantId, string AadObjectId, string? UserId, string Slice, PeriodKind Kind, int Count, DateTimeOffset ExpiresAt);

/// <summary>The outcome of checking a report link.</summary>
public enum ReportLinkStatus
{
    Valid,
    Malformed,
    Tampered,
    Expired,
}
