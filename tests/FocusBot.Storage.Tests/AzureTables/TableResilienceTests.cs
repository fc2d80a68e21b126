using System.Net;
using Azure;
using Azure.Core;
using FocusBot.Domain.Storage;
using FocusBot.Storage.AzureTables;
using FocusBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>The SDK's retries as FocusBot configures them, and what is left of a failure once they are spent.</summary>
public sealed class TableResilienceTests
{
    private static readonly AzureTablesOptions FastRetries = new() { ConnectionString = "UseDevelopmentStorage=true", MaxAttempts = 4, RetryDelayMilliseconds = 5 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task ExecuteAsync_TransientThenSuccess_Retries(HttpStatusCode transient)
    {
        var handler = new StubHandler(transient, transient, HttpStatusCode.NoContent);
        using var client = TableClientFactory.Create(FastRetries, NullLogger.Instance, handler);

        await client.ExecuteAsync("Pulses", TableOperation.UpsertReplace(new TableRow("p", "r")), Token);

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_ServiceKeepsFailing_ThrowsStorageUnavailableAfterBoundedAttempts()
    {
        var handler = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var client = TableClientFactory.Create(FastRetries, NullLogger.Instance, handler);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => client.ExecuteAsync("Pulses", TableOperation.UpsertReplace(new TableRow("p", "r")), Token));

        Assert.Equal(4, handler.Calls);
        Assert.Equal("Azure Table storage at http://127.0.0.1:10002 (table Pulses) is unavailable after 4 attempt(s): the service kept answering HTTP 503.", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_PermanentRefusal_IsNotRetried()
    {
        var handler = new StubHandler(HttpStatusCode.BadRequest);
        using var client = TableClientFactory.Create(FastRetries, NullLogger.Instance, handler);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.ExecuteAsync("Pulses", TableOperation.Insert(new TableRow("p", "r")), Token));

        Assert.Equal(400, error.Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task GetAsync_NothingListensOnThePort_ThrowsStorageUnavailableAfterItsAttempts()
    {
        var options = new AzureTablesOptions { ConnectionString = ConnectionStringFor(LoopbackPorts.Free()), MaxAttempts = 3, RetryDelayMilliseconds = 20 };
        using var client = TableClientFactory.Create(options, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => client.GetAsync("Pulses", "p", "r", Token));

        Assert.Contains("after 3 attempt(s): the connection failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ClientDisposedByShutdown_ThrowsStorageUnavailable()
    {
        // A hosted service releasing its lease while the host disposes its singletons must see an outage it can ignore.
        var client = TableClientFactory.Create(FastRetries, NullLogger.Instance, new StubHandler(HttpStatusCode.NotFound));
        client.Dispose();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => client.GetAsync("Pulses", "p", "r", Token));

        Assert.Contains("shut down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EntraCredential_SendsBearerTokenAndReusesItUntilNearExpiry()
    {
        var handler = new StubHandler(HttpStatusCode.NotFound);
        var credential = new CountingCredential();
        var options = new AzureTablesOptions { Endpoint = new Uri("https://account.table.core.windows.net"), MaxAttempts = 4, RetryDelayMilliseconds = 5 };
        using var client = TableClientFactory.Create(options, NullLogger.Instance, handler, credential);

        Assert.Null(await client.GetAsync("Pulses", "p", "r1", Token));
        Assert.Null(await client.GetAsync("Pulses", "p", "r2", Token));

        Assert.Equal(["Bearer token-1", "Bearer token-1"], handler.Authorizations);
        Assert.Equal(1, credential.Calls);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    private static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};TableEndpoint=http://127.0.0.1:{port}/{AzuriteServer.AccountName};";

    private sealed class CountingCredential : TokenCredential
    {
        public int Calls { get; private set; }

        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Calls++;
            Scopes = requestContext.Scopes;
            return ValueTask.FromResult(new AccessToken($"token-{Calls}", DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}
