using System.Globalization;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Trends;
using FocusBot.Leases;
using FocusBot.Protocol.Activities;

namespace FocusBot.Trends;

/// <summary>Runs queued rebuilds, holding the tenant's trends lease so a rebuild and a sealing pass never overlap.</summary>
public sealed partial class TrendRebuildService(TrendRebuildRequests queue, TrendRebuilder rebuilder, RawAnswerRetention retention, ILeaseStore leases,
    ILogger<TrendRebuildService> logger)
    : BackgroundService
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(30);

    private readonly string _holderId = LeaseHolder.NewId();

    public static string LeaseName(string tenantId) => "trends|" + tenantId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await job.ReplyAsync(Activity.CreateTextMessage(await RunAsync(job.TenantId, stoppingToken)), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    private async Task<string> RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        var reply = string.Empty;
        return await LeaseHolder.TryRunAsync(leases, LeaseName(tenantId), _holderId, LeaseDuration, async () => reply = await RebuildAsync(tenantId, cancellationToken),
            cancellationToken)
            ? reply
            : "Trend figures are being checked or rebuilt right now. Please try again in a few minutes.";
    }

    private async Task<string> RebuildAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await rebuilder.RebuildAsync(tenantId, cancellationToken);
            LogRebuilt(logger, result.Pulses, result.Answers, result.Refused);
            return result.Refused
                ? $"I did not rebuild the trend figures: {result.RefusedBecause}."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Trend figures rebuilt from {result.Answers} answers in {result.Pulses} closed pulses; {result.PeriodsSealed} periods checked for privacy and published.")
                    + (result.SealedPeriodsDiffering == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture,
                        $" {result.SealedPeriodsDiffering} sealed periods would come out differently from today's answers (after an erasure, say); sealed figures are final, so they stay as they were."))
                    + (result.RetiredBefore is not { } line ? string.Empty : string.Create(CultureInfo.InvariantCulture,
                        $" Periods starting before {line:d MMM yyyy} keep their sealed figures and were not rebuilt: raw answers are kept {retention.Months} months."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return "The rebuild failed; the figures may be incomplete until it runs again. The bot's log has the details.";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trend aggregates rebuilt: {Pulses} pulse(s), {Answers} answer(s), refused {Refused}")]
    private static partial void LogRebuilt(ILogger logger, int pulses, long answers, bool refused);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trend rebuild failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
