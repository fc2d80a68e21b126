namespace FocusBot.Proactive;

/// <summary>How the proactive sender works through its ledgers.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Off leaves sending to whoever calls <see cref="DeliveryWorker.RunOnceAsync"/> (tests that move the clock).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Sends in flight at once; the rate limiter, not this, sets the pace.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>
    /// How often the sender looks again for rows to retry; it also wakes when a campaign starts, when the next row's send
    /// time comes, and when it takes the lease over.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the send lease lasts without renewal. The holder renews it every third, so another instance takes over a
    /// crashed holder within about 4/3 of this (12 s by default).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(9);

    /// <summary>Sends of one message, across passes, before it is marked Failed (blocking ends it at once).</summary>
    public int MaxAttempts { get; set; } = 3;
}
