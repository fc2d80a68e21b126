using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Tests.Contracts;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>Azurite stopped mid-run: a write must fail loudly after bounded retries, never vanish silently.</summary>
[Collection(nameof(AzureOutageTests))]
public sealed class AzureOutageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpsertAsync_AzuriteStoppedMidRun_AcknowledgedAnswersWereReadableAndTheNextWriteThrowsStorageUnavailable()
    {
        var azurite = await AzuriteServer.StartAsync(Token);
        await using var _ = azurite;
        var backend = new AzureTablesBackend(azurite.ConnectionString, maxAttempts: 3, retryDelayMilliseconds: 20);
        await using var scope = await backend.OpenAsync(TimeProvider.System);
        var answers = scope.Get<IAnswerStore>();
        await scope.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token);

        // A writer keeps answering; every answer it counts as acknowledged was returned without an exception.
        var acknowledged = new List<Answer>();
        var stopRequested = new TaskCompletionSource();
        var writer = Task.Run(
            async () =>
            {
                for (var i = 0; ; i++)
                {
                    var answer = TestData.Answer("2026-W48", "a3", $"pseudo-{i}", "4");
                    await answers.UpsertAsync(answer, Token);
                    lock (acknowledged)
                    {
                        acknowledged.Add(answer);
                        if (acknowledged.Count == 20)
                        {
                            stopRequested.TrySetResult();
                        }
                    }
                }
            },
            Token);

        await stopRequested.Task.WaitAsync(TimeSpan.FromMinutes(2), Token);
        List<Answer> before;
        lock (acknowledged)
        {
            before = [.. acknowledged];
        }

        foreach (var answer in before)
        {
            Assert.NotNull(await answers.GetAsync(answer.PulseId, answer.QuestionId, answer.RespondentPseudonym, Token));
        }

        await azurite.DisposeAsync();

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => writer);
        var afterStop = await Assert.ThrowsAsync<StorageUnavailableException>(() => answers.UpsertAsync(TestData.Answer("2026-W48", "a3", "late", "1"), Token));
        var readAfterStop = await Assert.ThrowsAsync<StorageUnavailableException>(() => answers.GetAsync("2026-W48", "a3", "pseudo-0", Token));

        // Bounded: the outage is reported after the 3 attempts the store is configured for, not retried without end.
        Assert.Contains("after 3 attempt(s)", afterStop.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{azurite.Port}", afterStop.Message, StringComparison.Ordinal);
        Assert.Contains("connection failed", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(readAfterStop.Message);
    }
}

/// <summary>Runs the outage test on its own, so its private Azurite does not start while the rest of the suite loads the CPU.</summary>
[CollectionDefinition(nameof(AzureOutageTests), DisableParallelization = true)]
public sealed class AzureOutageRunsAlone;
