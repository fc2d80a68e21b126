using System.Security.Cryptography;
using System.Text;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// SharedKeyLite for the Table service: sign x-ms-date and the canonicalized resource ("/" + account + the encoded URI
/// path, plus "?comp=" when present) with HMAC-SHA256 of the account key. With a path-style endpoint (Azurite) the path
/// already starts with the account, so it appears twice; that is what the emulator expects.
/// </summary>
internal sealed class SharedKeyLiteAuthorizer(string accountName, byte[] accountKey) : ITableAuthorizer
{
    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var date = request.Headers.GetValues("x-ms-date").First();
        var resource = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var comp = ReadComp(uri.Query);
        if (comp is not null)
        {
            resource.Append("?comp=").Append(comp);
        }

        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(date + "\n" + resource)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKeyLite {accountName}:{signature}");
        return ValueTask.CompletedTask;
    }

    private static string? ReadComp(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("comp=", StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(pair[5..]);
            }
        }

        return null;
    }
}
