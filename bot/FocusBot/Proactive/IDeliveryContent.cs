using FocusBot.Domain.Deliveries;
using FocusBot.Protocol.Activities;

namespace FocusBot.Proactive;

/// <summary>
/// What a proactive campaign (a pulse, an insight) sends. Ledger ids are "{Kind}:{id}"; the content is rebuilt from the
/// store for each recipient, so a send resumed after a restart sends exactly what the first attempt would have.
/// </summary>
public interface IDeliveryContent
{
    string Kind { get; }

    /// <summary>Ledgers that may still have unsent rows.</summary>
    IAsyncEnumerable<string> ListOpenLedgersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The message for one recipient; null skips them (e.g. they paused FocusBot). Not asked for rows that delete, which
    /// carry no message.
    /// </summary>
    Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>What the rows of a ledger do: post a new message (every ledger of most contents), or change or delete a sent one.</summary>
    DeliveryOperation OperationOf(string ledgerId) => DeliveryOperation.Send;

    /// <summary>Called once the message is in the recipient's chat (or changed, or deleted).</summary>
    Task OnSentAsync(Delivery delivery, CancellationToken cancellationToken) => Task.CompletedTask;
}
