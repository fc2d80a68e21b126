using FocusBot.Domain.Deliveries;
using FocusBot.Pulses;

namespace FocusBot.Tests.Pulses;

/// <summary>When reminders fall due for one card: counted from when it really left, and "Remind me later" honoured.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Reminders = [TimeSpan.FromDays(1), TimeSpan.FromDays(3)];

    private static Delivery Card(DateTimeOffset? sentAt = null, int remindersSent = 0, DateTimeOffset? remindLaterAt = null) => new()
    {
        LedgerId = "pulse:2026-W49",
        RecipientKey = "tenant|29:anna",
        TenantId = "tenant",
        UserId = "29:anna",
        Status = DeliveryStatus.Sent,
        SendAfter = Due,
        UpdatedAt = Due,
        SentAt = sentAt,
        RemindersSent = remindersSent,
        RemindLaterAt = remindLaterAt,
    };

    [Fact]
    public void DueAt_CardSentLate_FirstReminderCountsFromWhenItLeft()
    {
        var card = Card(sentAt: Due.AddHours(20));

        Assert.Null(ReminderSchedule.DueAt(card, Reminders, Due.AddDays(1)));
        Assert.Equal(new ReminderDue(AskedFor: false, RemindersSent: 1), ReminderSchedule.DueAt(card, Reminders, Due.AddHours(20).AddDays(1)));
    }

    [Fact]
    public void DueAt_BothScheduledRemindersSent_NothingMore()
    {
        Assert.Null(ReminderSchedule.DueAt(Card(remindersSent: 2), Reminders, Due.AddDays(4)));
    }

    [Fact]
    public void DueAt_ScheduledReminderWhileRemindLaterPending_WaitsForIt()
    {
        var card = Card(remindLaterAt: Due.AddDays(1).AddHours(2));

        Assert.Null(ReminderSchedule.DueAt(card, Reminders, Due.AddDays(1).AddHours(1)));
    }

    [Fact]
    public void DueAt_AskedForReminder_StandsForTheScheduledOnesThatFellDueMeanwhile()
    {
        var card = Card(remindLaterAt: Due.AddDays(1).AddHours(2));

        var due = ReminderSchedule.DueAt(card, Reminders, Due.AddDays(1).AddHours(2));

        // One message, and the first scheduled reminder (due an hour before) is not sent after it.
        Assert.Equal(new ReminderDue(AskedFor: true, RemindersSent: 1), due);
    }
}
