namespace FocusBot.Domain.Deliveries;

public enum DeliveryStatus
{
    /// <summary>Waiting for the recipient's local send time.</summary>
    Pending,

    /// <summary>
    /// In flight: claimed by a sender as its request was about to leave (or between retries). A row left here by a
    /// sender that died goes back to Pending, counted as a possible duplicate.
    /// </summary>
    Sending,

    Sent,

    Answered,

    /// <summary>Gave up after retries; <see cref="Delivery.FailureReason"/> says why.</summary>
    Failed,

    /// <summary>
    /// Teams answered 403 or 404: the user blocked or removed FocusBot. Not retried; when they install FocusBot again or
    /// write to it, the row goes back to Pending once.
    /// </summary>
    Blocked,
}
