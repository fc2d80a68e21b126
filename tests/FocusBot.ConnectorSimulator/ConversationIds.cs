using System.Security.Cryptography;
using System.Text;

namespace FocusBot.ConnectorSimulator;

/// <summary>How the simulator names conversations it creates.</summary>
public static class ConversationIds
{
    /// <summary>
    /// The 1:1 conversation id for a user in a tenant: <c>a:</c> plus a hash of both, so creating it again (even in
    /// another simulator instance) gives the same id, as Teams does.
    /// </summary>
    public static string Personal(string tenantId, string userId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(userId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "\n" + userId));
        return "a:" + Convert.ToHexStringLower(hash.AsSpan(0, 20));
    }
}
