using System.Net;
using System.Text;

namespace FocusBot.Tests.Questions.Support;

/// <summary>Plays SharePoint for file downloads: serves responses by URL and records every request it gets.</summary>
public sealed class FileServerHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> _responses = new(StringComparer.Ordinal);
    private readonly List<Uri> _requests = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Uri> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    public void Serve(string url, string text, Encoding? encoding = null) =>
        Serve(url, (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public void Serve(string url, byte[] bytes, bool withLength = true) => _responses[url] = () =>
    {
        HttpContent content = withLength ? new ByteArrayContent(bytes) : new UnsizedContent(bytes);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    };

    public void Redirect(string url, string location) => _responses[url] = () =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location);
        return response;
    };

    public void Fail(string url, HttpStatusCode status) => _responses[url] = () => new HttpResponseMessage(status);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
            _requests.Add(request.RequestUri!);
        return Task.FromResult(_responses.TryGetValue(request.RequestUri!.ToString(), out var respond)
            ? respond()
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}

/// <summary>A body sent without Content-Length (chunked), as a server may do.</summary>
internal sealed class UnsizedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>An IHttpClientFactory whose clients all go through one handler.</summary>
public sealed class SingleHandlerClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
