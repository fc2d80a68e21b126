namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// A test that starts from a freshly opened personal chat, and leaves a screenshot of where it ended (and, when it
/// fails, FocusBot's and the Playground's logs) under artifacts/.
/// </summary>
[Collection(PlaygroundCollectionDefinition.Name)]
public abstract class PlaygroundTest(PlaygroundFixture playground) : IAsyncLifetime
{
    protected PlaygroundFixture Playground => playground;

    public virtual async ValueTask InitializeAsync()
    {
        try
        {
            await playground.OpenPersonalChatAsync();
        }
        catch
        {
            // xunit does not dispose a test whose initialization failed: leave the evidence here.
            await SaveFailureEvidenceAsync();
            throw;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result is TestResult.Passed)
            await playground.ScreenshotAsync(TestName);
        else
            await SaveFailureEvidenceAsync();

        GC.SuppressFinalize(this);
    }

    private static string TestName => TestContext.Current.TestMethod?.MethodName ?? "unknown-test";

    private async Task SaveFailureEvidenceAsync()
    {
        try
        {
            await playground.ScreenshotAsync(TestName);
        }
        catch (Exception)
        {
            // The page may be what broke; the logs saved next say more than a second error would.
        }

        await playground.SaveDiagnosticsAsync(TestName, CancellationToken.None);
    }
}
