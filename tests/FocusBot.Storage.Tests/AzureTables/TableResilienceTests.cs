using System.Net;
using Azure.Core;
using FocusBot.Domain.Storage;
using FocusBot.Storage.AzureTables;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Storage.Tests.AzureTables;

public sealed class TableResilienceTests
{
    private static readonly AzureTablesOptions FastRetries = new() { ConnectionString = "UseDevelopmentStorage=true", MaxAttempts = 4, RetryDelay = TimeSpan.FromMilliseconds(5) };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task ExecuteAsync_TransientThenSuccess_Retries(HttpStatusCode transient)
    {
        var handler = new StubHandler(transient, transient, HttpStatusCode.NoContent);
        using var client = TableClientFactory.Create(FastRetries, NullLogger.Instance, TimeProvider.System, handler);

        await client.ExecuteAsync("Pulses", TableOperation.UpsertReplace(new TableEntity("p", "r")), Token);

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_ServiceKeepsFailing_ThrowsStorageUnavailableAfterBoundedAttempts()
    {
        var handler = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var client = TableClientFactory.Create(FastRetries, NullLogger.Instance, TimeProvider.System, handler);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => client.ExecuteAsync("Pulses", TableOperation.UpsertReplace(new TableEntity("p", "r")), Token));

        Assert.Equal(4, handler.Calls);
        Assert.Equal("Azure Table storage at http://127.0.0.1:10002 (table Pulses) is unavailable after 4 attempt(s): the service kept answering HTTP 503.", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_PermanentRefusal_IsNotRetried()
    {
        var handler = new StubHandler(HttpStatusCode.BadRequest);
        using var client = TableClientFactory.Create(FastRetries, NullLogger.Instance, TimeProvider.System, handler);

        var error = await Assert.ThrowsAsync<TableRequestException>(() => client.ExecuteAsync("Pulses", TableOperation.Insert(new TableEntity("p", "r")), Token));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task GetAsync_EntraCredential_SendsBearerTokenAndReusesItUntilNearExpiry()
    {
        var handler = new StubHandler(HttpStatusCode.NotFound);
        var credential = new CountingCredential();
        using var authorizer = new TokenAuthorizer(credential, TimeProvider.System);
        using var client = new TableClient(new Uri("https://account.table.core.windows.net"), authorizer, FastRetries, NullLogger.Instance, handler);

        await client.GetAsync("Pulses", "p", "r1", Token);
        await client.GetAsync("Pulses", "p", "r2", Token);

        Assert.Equal(["Bearer token-1", "Bearer token-1"], handler.Authorizations);
        Assert.Equal(1, credential.Calls);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

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
