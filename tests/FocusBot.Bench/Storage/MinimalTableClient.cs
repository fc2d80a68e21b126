using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FocusBot.Bench.Storage;

/// <summary>
/// The least a client can do against the Table service (pre-serialized JSON, SharedKeyLite, no retries, no parsing):
/// its throughput is the ceiling our client is measured against.
/// </summary>
internal sealed class MinimalTableClient(Uri endpoint, string accountName, string accountKey) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
    private readonly byte[] _key = Convert.FromBase64String(accountKey);

    public async Task CreateTableAsync(string table)
    {
        using var response = await SendAsync(HttpMethod.Post, "Tables", Encoding.UTF8.GetBytes($"{{\"TableName\":\"{table}\"}}"), "application/json", null);
    }

    /// <summary>Insert-or-replace of one entity: PUT without If-Match.</summary>
    public async Task UpsertAsync(string table, string partitionKey, string rowKey, string json)
    {
        using var response = await SendAsync(HttpMethod.Put, $"{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')", Encoding.UTF8.GetBytes(json), "application/json", null);
        Ensure(response);
    }

    /// <summary>Point read.</summary>
    public async Task GetAsync(string table, string partitionKey, string rowKey)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')", null, null, null);
    }

    /// <summary>One entity group transaction of inserts (pre-built JSON bodies).</summary>
    public async Task InsertBatchAsync(string table, IReadOnlyList<string> jsonBodies)
    {
        var body = new StringBuilder();
        body.Append("--batch_b\r\nContent-Type: multipart/mixed; boundary=changeset_c\r\n\r\n");
        foreach (var json in jsonBodies)
        {
            body.Append("--changeset_c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Append("POST ").Append(endpoint).Append(table).Append(" HTTP/1.1\r\nContent-Type: application/json\r\nPrefer: return-no-content\r\nDataServiceVersion: 3.0\r\n\r\n");
            body.Append(json).Append("\r\n");
        }

        body.Append("--changeset_c--\r\n--batch_b--\r\n");
        using var response = await SendAsync(HttpMethod.Post, "$batch", Encoding.UTF8.GetBytes(body.ToString()), "multipart/mixed; boundary=batch_b", null);
        Ensure(response);
    }

    public void Dispose() => _http.Dispose();

    private static void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Table service answered {(int)response.StatusCode}.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, string? contentType, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint, path));
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-version", "2019-02-02");
        request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;odata=nometadata");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var toSign = date + "\n/" + accountName + request.RequestUri!.AbsolutePath;
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKeyLite {accountName}:{Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(toSign)))}");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        return await _http.SendAsync(request);
    }
}
