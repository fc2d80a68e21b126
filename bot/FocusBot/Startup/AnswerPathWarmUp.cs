using Microsoft.Extensions.Options;

namespace FocusBot.Startup;

/// <summary>
/// Rehearses the pulse answer path once at start (<see cref="AnswerPathRehearsal"/>), before the server listens, so the
/// first answers after a restart do not each pay a first-use cost. Only a speed-up: when it fails or runs out of time it
/// says so in the log and the host starts all the same.
/// </summary>
public sealed partial class AnswerPathWarmUp(AnswerPathRehearsal rehearsal, IOptions<WarmUpOptions> options, TimeProvider timeProvider,
    ILogger<AnswerPathWarmUp> logger) : IHostedService
{
    // A few hundred milliseconds on SQLite; the budget is for a remote store answering slowly, which must not hold the
    // start up for long: App Service gives a container a few minutes to answer before it gives up on it.
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            LogSkipped(logger);
            return;
        }

        var started = timeProvider.GetTimestamp();
        using var outOfTime = new CancellationTokenSource(Budget, timeProvider);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, outOfTime.Token);
        try
        {
            var rehearsed = await rehearsal.RunAsync(budget.Token);
            var took = timeProvider.GetElapsedTime(started);
            LogWarmedUp(logger, took.TotalMilliseconds, rehearsed);
        }
        catch (OperationCanceledException) when (outOfTime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogOutOfTime(logger, Budget.TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var took = timeProvider.GetElapsedTime(started);
            LogFailed(logger, took.TotalMilliseconds, ex.GetType().Name, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer path warmed up in {Milliseconds:F0} ms on {Rehearsed}")]
    private static partial void LogWarmedUp(ILogger logger, double milliseconds, string rehearsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer path warm-up is off (WarmUp:Enabled): the first answers pay their first-use costs")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer path warm-up stopped after {Seconds:F0} s; starting anyway, the first answers will be slower")]
    private static partial void LogOutOfTime(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer path warm-up failed after {Milliseconds:F0} ms ({Error}); starting anyway, the first answers will be slower")]
    private static partial void LogFailed(ILogger logger, double milliseconds, string error, Exception exception);
}
