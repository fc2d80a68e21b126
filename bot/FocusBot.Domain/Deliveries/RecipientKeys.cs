namespace FocusBot.Domain.Deliveries;

/// <summary>Builds the recipient key of a delivery from tenant and user, so every caller derives the same one.</summary>
public static class RecipientKeys
{
    public static string For(string tenantId, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(userId);

        // '|' separates the parts, so a '|' or '%' inside a part is percent-encoded to keep the key unambiguous.
        return Encode(tenantId) + "|" + Encode(userId);
    }

    private static string Encode(string part) => part.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
}
