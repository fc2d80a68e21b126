using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// The multipart/mixed body of an entity group transaction (one change set, CRLF line ends) and the parsing of its
/// response, where a 202 can still carry a failed inner response naming the operation that failed.
/// </summary>
internal static class TableBatchCodec
{
    /// <summary>The service's limit on a whole batch request body.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public const int MaxOperations = 100;

    public static byte[] BuildBody(Uri tableUri, IReadOnlyList<TableOperation> operations, string batchBoundary, string changesetBoundary)
    {
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append("\r\n");
        body.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            body.Append("--").Append(changesetBoundary).Append("\r\n");
            body.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            var (method, uri) = operation.Kind == TableOperationKind.Insert
                ? ("POST", tableUri.AbsoluteUri)
                : (MethodOf(operation.Kind), TableClient.EntityUri(tableUri, operation.Entity.PartitionKey, operation.Entity.RowKey).AbsoluteUri);
            body.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n");
            body.Append("Content-ID: ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            body.Append("Accept: application/json;odata=minimalmetadata\r\n");
            body.Append("DataServiceVersion: 3.0\r\n");
            if (operation.ETag is not null)
            {
                body.Append("If-Match: ").Append(operation.ETag).Append("\r\n");
            }

            if (operation.Kind == TableOperationKind.Delete)
            {
                body.Append("\r\n");
                continue;
            }

            if (operation.Kind == TableOperationKind.Insert)
            {
                body.Append("Prefer: return-no-content\r\n");
            }

            var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(operation.Entity));
            body.Append("Content-Type: application/json\r\n");
            body.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(json).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
            body.Append(json).Append("\r\n");
        }

        body.Append("--").Append(changesetBoundary).Append("--\r\n");
        body.Append("--").Append(batchBoundary).Append("--\r\n");
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    public static string MethodOf(TableOperationKind kind) => kind switch
    {
        TableOperationKind.Insert => "POST",
        TableOperationKind.UpsertReplace or TableOperationKind.Replace => "PUT",
        TableOperationKind.UpsertMerge or TableOperationKind.Merge => "MERGE",
        TableOperationKind.Delete => "DELETE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Reads each inner response; returns their ETags in operation order, or throws <see cref="TableBatchException"/>
    /// for the first failed one.
    /// </summary>
    public static IReadOnlyList<string?> ParseResponse(string body, int operationCount)
    {
        var responses = ReadInnerResponses(body);
        foreach (var response in responses)
        {
            if (response.Status >= 300)
            {
                var (code, message) = ReadError(response.Body);
                // The message's "N:" prefix is the documented index of the failing operation; Azurite's Content-ID on
                // an error response is not the one we sent, so it is only the fallback.
                var index = IndexFromMessage(message) is var fromMessage and >= 0 ? fromMessage : response.ContentId ?? -1;
                throw new TableBatchException(
                    (HttpStatusCode)response.Status,
                    code,
                    index,
                    $"The batch was rejected as a whole: operation {index} failed with HTTP {response.Status} {code}.");
            }
        }

        // Inner responses come back in the order of the operations.
        var etags = new string?[operationCount];
        for (var i = 0; i < responses.Count && i < operationCount; i++)
        {
            etags[i] = responses[i].ETag;
        }

        return etags;
    }

    private static List<InnerResponse> ReadInnerResponses(string body)
    {
        var responses = new List<InnerResponse>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(lines[i].AsSpan(9, 3), CultureInfo.InvariantCulture);
            int? contentId = null;
            string? etag = null;
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var name = lines[i][..colon].Trim();
                var value = lines[i][(colon + 1)..].Trim();
                if (name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, CultureInfo.InvariantCulture, out var id))
                {
                    contentId = id;
                }
                else if (name.Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = value;
                }
            }

            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Append(lines[i]).Append('\n');
            }

            i--;
            responses.Add(new InnerResponse(status, contentId, etag, content.ToString()));
        }

        return responses;
    }

    internal static (string? Code, string? Message) ReadError(string body)
    {
        var trimmed = body.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return (null, trimmed.Length == 0 ? null : trimmed);
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            if (!document.RootElement.TryGetProperty("odata.error", out var error))
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var codeElement) ? codeElement.GetString() : null;
            string? message = null;
            if (error.TryGetProperty("message", out var messageElement))
            {
                message = messageElement.ValueKind == JsonValueKind.Object && messageElement.TryGetProperty("value", out var value)
                    ? value.GetString()
                    : messageElement.ValueKind == JsonValueKind.String ? messageElement.GetString() : null;
            }

            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    // The service prefixes a batch error message with the failing operation's index: "2:The specified entity already exists."
    private static int IndexFromMessage(string? message)
    {
        if (message is null)
        {
            return -1;
        }

        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), CultureInfo.InvariantCulture, out var index) ? index : -1;
    }

    private sealed record InnerResponse(int Status, int? ContentId, string? ETag, string Body);
}
