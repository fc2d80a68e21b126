namespace FocusBot.Proactive;

/// <summary>How the proactive sender works through its ledgers.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Off leaves sending to whoever calls <see cref="DeliveryWorker.RunOnceAsync"/> (tests that move the clock).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Sends in flight at once; the rate limiter, not this, sets the pace.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>How often the sender looks for rows that became due (it is also woken when a campaign starts).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the send lease lasts without renewal: another instance takes over after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts for a recipient whose sends fail for reasons other than blocking.</summary>
    public int MaxAttempts { get; set; } = 3;
}
