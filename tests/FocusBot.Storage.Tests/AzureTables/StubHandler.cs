using System.Net;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>Answers each request with the next canned status and records what was sent.</summary>
internal sealed class StubHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
{
    private int _calls;

    public List<string?> Authorizations { get; } = [];

    public int Calls => _calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _calls) - 1;
        lock (Authorizations)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString());
        }

        var status = statuses[Math.Min(index, statuses.Length - 1)];
        var response = new HttpResponseMessage(status) { Content = new StringContent(status == HttpStatusCode.OK ? "{\"value\":[]}" : string.Empty) };
        return Task.FromResult(response);
    }
}
