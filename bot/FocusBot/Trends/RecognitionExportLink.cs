namespace FocusBot.Trends;

/// <summary>
/// What a signed recognition export link grants: the CSV of one view of the recognition history (team, behaviour, month,
/// kind as their filter values, each optional), to one HR person of one tenant, until it expires.
/// </summary>
public sealed record RecognitionExportLink(
    string TenantId,
    string AadObjectId,
    string? UserId,
    string? TeamId,
    string? Behaviour,
    string? Month,
    string? Kind,
    DateTimeOffset ExpiresAt);
