using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Privacy;

namespace FocusBot.Privacy;

/// <summary>
/// The person an erasure is about, as the confirmation button carries them: their ids (either may be unknown) and the
/// name the Admin saw, so a replayed or late press still says whose data it was.
/// </summary>
public sealed record ErasureTarget(string? UserId, string? AadObjectId, string Name)
{
    public const string UserIdKey = "userId";
    public const string AadObjectIdKey = "aadObjectId";
    public const string NameKey = "name";

    private const int MaxIdLength = 200;
    private const int MaxNameLength = 80;

    public JsonObject ToData() => new()
    {
        [UserIdKey] = UserId,
        [AadObjectIdKey] = AadObjectId,
        [NameKey] = Name,
    };

    /// <summary>The target a button's data names, or null when it names nobody (or looks forged: ids too long).</summary>
    public static ErasureTarget? FromData(JsonElement data)
    {
        var form = new FormValues(data);
        var userId = Id(form.Raw(UserIdKey));
        var aadObjectId = Id(form.Raw(AadObjectIdKey));
        if ((userId is null && aadObjectId is null) || userId?.Length > MaxIdLength || aadObjectId?.Length > MaxIdLength)
            return null;
        var name = CardText.Plain(form.Raw(NameKey), MaxNameLength);
        return new ErasureTarget(userId, aadObjectId, name.Length > 0 ? name : "this person");
    }

    /// <summary>What the stores look the person up by; their pseudonyms come from both ids, as answers and marks use either.</summary>
    /// <param name="pulseIds">The tenant's pulses: their "answered" markers for this person are computed here, since the stored ones name nobody.</param>
    public ErasureSubject ToSubject(string tenantId, Pseudonyms pseudonyms, IEnumerable<string>? pulseIds = null)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        var recipient = UserId is null ? null : RecipientKeys.For(tenantId, UserId);
        return new ErasureSubject
        {
            TenantId = tenantId,
            UserId = UserId,
            AadObjectId = AadObjectId,
            Pseudonyms = [.. new[] { AadObjectId, UserId }.OfType<string>().Select(id => pseudonyms.For(tenantId, id)).Distinct(StringComparer.Ordinal)],
            AnsweredMarkers = recipient is null ? [] : [.. (pulseIds ?? []).Select(id => (id, pseudonyms.AnsweredMarker(id, recipient)))],
        };
    }

    private static string? Id(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
