namespace FocusBot.Proactive;

/// <summary>What sending a ledger row does in its chat.</summary>
public enum DeliveryOperation
{
    /// <summary>Posts a new message; the row keeps its id.</summary>
    Send,

    /// <summary>Replaces the message the row's <see cref="Domain.Deliveries.Delivery.ActivityId"/> names, in the row's conversation.</summary>
    Update,

    /// <summary>Deletes the message the row's ActivityId names, in the row's conversation.</summary>
    Delete,
}
