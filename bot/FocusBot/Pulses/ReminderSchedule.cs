using FocusBot.Domain.Deliveries;

namespace FocusBot.Pulses;

/// <summary>A reminder due now: the one the person asked for ("Remind me later") or a scheduled one, and the scheduled slots used once it goes.</summary>
public sealed record ReminderDue(bool AskedFor, int RemindersSent);

/// <summary>
/// When a person's pulse reminders fall due: the scheduled ones counted from when their card really left, and the one
/// they asked for with "Remind me later". One message at a time, whichever falls due.
/// </summary>
public static class ReminderSchedule
{
    /// <returns>The reminder due at <paramref name="now"/>, or null when none is.</returns>
    public static ReminderDue? DueAt(Delivery delivery, IReadOnlyList<TimeSpan> reminders, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(reminders);
        var askedFor = delivery.RemindLaterAt is { } later && now >= later;
        var scheduled = delivery.RemindersSent < reminders.Count && now >= SentAt(delivery) + reminders[delivery.RemindersSent];
        // A scheduled reminder falling due while the person's "Remind me later" is pending waits for it: they asked for later.
        if (scheduled && delivery.RemindLaterAt is { } pending && now < pending)
            scheduled = false;
        if (!(askedFor || scheduled))
            return null;

        // The asked-for reminder also stands for scheduled ones that fell due while it was pending; scheduled reminders
        // due later still come.
        var remindersSent = delivery.RemindersSent;
        if (!askedFor)
            remindersSent++;
        while (askedFor && remindersSent < reminders.Count && now >= SentAt(delivery) + reminders[remindersSent])
            remindersSent++;
        return new ReminderDue(askedFor, remindersSent);
    }

    // Reminders count from when the person's card really left: someone sent late (a late joiner, a long fan-out, catch-up
    // after an outage) is not reminded minutes after their card. Rows sent before SentAt was kept fall back to their send time.
    private static DateTimeOffset SentAt(Delivery delivery) => delivery.SentAt ?? delivery.SendAfter;
}
