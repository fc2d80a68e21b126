using System.Net;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>Answers each request with a canned status (the next of a list, or one chosen per request) and records what was sent.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpStatusCode> _status;
    private int _calls;

    public StubHandler(params HttpStatusCode[] statuses) => _status = (_, index) => statuses[Math.Min(index, statuses.Length - 1)];

    public StubHandler(Func<HttpRequestMessage, HttpStatusCode> status) => _status = (request, _) => status(request);

    public List<string?> Authorizations { get; } = [];

    public int Calls => _calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _calls) - 1;
        lock (Authorizations)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString());
        }

        var status = _status(request, index);
        var response = new HttpResponseMessage(status) { Content = new StringContent(status == HttpStatusCode.OK ? "{\"value\":[]}" : string.Empty) };
        if ((int)status < 300)
        {
            response.Headers.TryAddWithoutValidation("ETag", "W/\"datetime'2026-12-05T00%3A00%3A00Z'\"");
        }

        return Task.FromResult(response);
    }
}
