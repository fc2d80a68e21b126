using FocusBot.Domain.Leases;
using FocusBot.Leases;
using Microsoft.Extensions.Options;

namespace FocusBot.Retention;

/// <summary>
/// The daily retention pass (<see cref="RawAnswerRetirement"/>), at start and then once a day, by the holder of the
/// "retention" lease only: with several instances one deletes while the others skip. The lease is renewed between
/// answer sets and given back when the pass ends. Logs counts only.
/// </summary>
public sealed partial class RetentionService(
    RawAnswerRetirement retirement,
    ILeaseStore leases,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger)
    : LeasedPassService(new LeaseHolder(leases, LeaseName, LeaseDuration, timeProvider), TimeSpan.FromDays(1), timeProvider)
{
    public const string LeaseName = "retention";

    /// <summary>Long enough for the largest answer set between two renewals.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    public override Task RunOnceAsync(CancellationToken cancellationToken) => RunPassAsync(cancellationToken);

    /// <summary>One pass; <see cref="RetentionPass.NotHeld"/> when another instance holds the lease. Tests call it after moving the clock.</summary>
    public async Task<RetentionPass> RunPassAsync(CancellationToken cancellationToken)
    {
        if (!await Lease.HoldAsync(cancellationToken))
        {
            LogNotHeld(logger);
            return RetentionPass.NotHeld;
        }

        try
        {
            var pass = await retirement.RunAsync(Lease.HoldAsync, cancellationToken);
            LogPass(logger, options.Value.RawAnswersMonths, pass.Tenants, pass.AnswerSets, pass.Deleted.Answers, pass.Deleted.CountedAnswers, pass.Deleted.AnsweredMarks,
                pass.Deliveries, pass.ReviewItems);
            return pass;
        }
        finally
        {
            await Lease.ReleaseAsync();
        }
    }

    protected override void OnPassFailed(Exception exception) => LogPassFailed(logger, exception.GetType().Name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention pass (raw answers kept {Months} months): {Tenants} tenant(s), {Sets} answer set(s); deleted {Answers} answers and comments, {Counted} counted records, {Marks} answered markers, {Deliveries} pulse delivery rows, {ReviewItems} review items")]
    private static partial void LogPass(ILogger logger, int months, int tenants, int sets, int answers, int counted, int marks, int deliveries, int reviewItems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention pass skipped: another instance holds the retention lease")]
    private static partial void LogNotHeld(ILogger logger);

    // The exception's type only: a message could quote a key, and keys hold ids.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed ({Error}); the next pass finishes it")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
