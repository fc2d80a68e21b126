using FocusBot.Domain.Inbound;

namespace FocusBot.Messaging;

/// <summary>
/// Deletes the marks of inbound activities past their retention. Expired marks are already ignored; this only keeps
/// the store from growing by one row per activity forever. Every instance may run it: a purge is idempotent.
/// </summary>
public sealed partial class InboundActivityPurgeService(IInboundActivityStore marks, TimeProvider timeProvider,
    ILogger<InboundActivityPurgeService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await marks.PurgeExpiredAsync(stoppingToken);
                LogPurged(logger, purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass tries again; until then the expired marks are harmless.
                LogPurgeFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired inbound activity marks")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired inbound activity marks failed ({ExceptionType})")]
    private static partial void LogPurgeFailed(ILogger logger, string exceptionType);
}
