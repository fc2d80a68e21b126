using System.Net;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Storage;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Tests.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>The service's 412 (ETag no longer matches) and 409 (someone inserted first) reach callers as ConcurrencyException.</summary>
public sealed class TableConcurrencyTests
{
    private const string StaleETag = "W/\"datetime'2026-12-01T00%3A00%3A00Z'\"";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateAsync_ServiceAnswers412_ThrowsConcurrencyException()
    {
        var handler = new StubHandler(request => request.Method == HttpMethod.Put ? HttpStatusCode.PreconditionFailed : HttpStatusCode.NotFound);
        await using var provider = Stores(handler);
        var pulse = TestData.Pulse("2026-W48", TestData.Monday) with { ETag = StaleETag };

        await Assert.ThrowsAsync<ConcurrencyException>(() => provider.GetRequiredService<IPulseStore>().UpdateAsync(pulse, Token));

        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task UpsertAsync_EveryInsertAnswers409_ThrowsConcurrencyExceptionAfterItsRaceAttempts()
    {
        // The ledger upsert succeeds; the answer is never there to read, and inserting it always finds another writer first.
        var handler = new StubHandler(request => request.Method.Method switch
        {
            "PUT" => HttpStatusCode.NoContent,
            "GET" => HttpStatusCode.NotFound,
            _ => HttpStatusCode.Conflict,
        });
        await using var provider = Stores(handler);

        await Assert.ThrowsAsync<ConcurrencyException>(() => provider.GetRequiredService<IAnswerStore>().UpsertAsync(TestData.Answer("2026-W48", "a3", "pseudo-1", "4"), Token));
    }

    private static ServiceProvider Stores(StubHandler handler)
    {
        var options = new AzureTablesOptions { ConnectionString = "UseDevelopmentStorage=true", MaxAttempts = 1 };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = options.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddFocusBotStorage(configuration);
        services.AddSingleton(TableClientFactory.Create(options, NullLogger.Instance, handler));
        return services.BuildServiceProvider();
    }
}
