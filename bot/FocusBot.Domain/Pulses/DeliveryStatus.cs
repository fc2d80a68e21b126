namespace FocusBot.Domain.Pulses;

public enum DeliveryStatus
{
    /// <summary>Waiting for the recipient's local send time.</summary>
    Pending,

    /// <summary>A sender has claimed it; if it stays here the sender died and it may be retried.</summary>
    Sending,

    Sent,

    Answered,

    /// <summary>Gave up after retries; <see cref="Delivery.FailureReason"/> says why.</summary>
    Failed,

    /// <summary>Teams answered 403: the user blocked or removed FocusBot; never send to them again for this pulse.</summary>
    Blocked,
}
