using FocusBot.Domain.Leases;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Storage;
using FocusBot.Leases;

namespace FocusBot.Questions;

/// <summary>
/// Fills an empty question bank with <see cref="DefaultQuestionBank"/> at start-up. Runs after storage is initialised
/// (Program.cs does that before the host starts). Idempotent: a bank that has questions is left alone, and when several
/// instances start together a lease lets one seed while the others see the bank it wrote.
/// </summary>
public sealed partial class QuestionBankSeeder(
    IQuestionStore questions,
    ILeaseStore leases,
    TimeProvider timeProvider,
    ILogger<QuestionBankSeeder> logger) : IHostedService
{
    public const string LeaseName = "question-bank-seed";

    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_waitForOtherSeeder = TimeSpan.FromMilliseconds(250);
    private const int MaxWaits = 40;

    private readonly string _holderId = LeaseHolder.NewId();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedIfEmptyAsync(cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // The bot can still answer commands; the next start tries again.
            LogSeedFailed(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Returns how many questions were written: the default bank's size, or 0 when the bank already had some.</summary>
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxWaits; attempt++)
        {
            if (await questions.CountAsync(cancellationToken) > 0)
            {
                LogAlreadySeeded(logger);
                return 0;
            }

            int? seeded = null;
            if (!await LeaseHolder.TryRunAsync(leases, LeaseName, _holderId, s_leaseDuration, async () => seeded = await SeedUnderLeaseAsync(cancellationToken), cancellationToken))
            {
                // Another instance is seeding right now; its bank will appear shortly.
                await Task.Delay(s_waitForOtherSeeder, timeProvider, cancellationToken);
                continue;
            }

            if (seeded is { } count)
                return count;
        }

        LogGaveUp(logger);
        return 0;
    }

    // Null when someone else's write won: theirs stands and the next attempt sees a non-empty bank.
    private async Task<int?> SeedUnderLeaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Checked again under the lease: the holder before us may have finished in between.
            if (await questions.CountAsync(cancellationToken) > 0)
                return 0;
            var bank = DefaultQuestionBank.Load(timeProvider.GetUtcNow());
            await questions.ReplaceBankAsync(bank, cancellationToken);
            LogSeeded(logger, bank.Count);
            return bank.Count;
        }
        catch (ConcurrencyException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question bank seeded with {Count} default questions")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Question bank already has questions; not seeding")]
    private static partial void LogAlreadySeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question bank stayed empty while another instance held the seeding lease; the next start tries again")]
    private static partial void LogGaveUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not seed the default question bank: storage unavailable; the next start tries again")]
    private static partial void LogSeedFailed(ILogger logger);
}
