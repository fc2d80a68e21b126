using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Health;

namespace FocusBot.Notices;

/// <summary>`status`: the recent notices, where the current pulse stands, and whether the store answers.</summary>
public static class StatusCard
{
    public const string Title = "FocusBot status";

    /// <param name="minimumGroupSize">Privacy:MinimumGroupSize: fewer answers than this are shown as "fewer than", as every figure is.</param>
    public static AdaptiveCard Create(DateTimeOffset now, PulseDeliveryState? pulse, string storageProvider, StorageProbeResult storage,
        IReadOnlyList<Notice> notices, int recentDays, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(notices);
        var body = new List<CardElement>
        {
            new TextBlock(Title) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"As of {now:dddd d MMMM HH:mm} UTC")) { IsSubtle = true, Spacing = "None" },
            new TextBlock("Current pulse") { Weight = "Bolder", Spacing = "Medium" },
        };
        if (pulse is null)
        {
            body.Add(new TextBlock("No pulse has opened yet.") { IsSubtle = true });
        }
        else
        {
            body.Add(new TextBlock(CardText.Escape(Describe(pulse.Pulse, now))));
            body.Add(new FactSet(
            [
                new Fact("Sent", Number(pulse.Sent)),
                new Fact("Answered", pulse.Answered >= minimumGroupSize ? Number(pulse.Answered) : $"fewer than {Number(minimumGroupSize)}"),
                new Fact("Waiting to be sent", Number(pulse.Waiting)),
                new Fact("Blocked", Number(pulse.Blocked)),
                new Fact("Failed", Number(pulse.Failed)),
                .. pulse.Paused > 0 ? [new Fact("Not sent: paused", Number(pulse.Paused))] : Array.Empty<Fact>(),
            ]));
        }

        body.Add(new TextBlock("Storage") { Weight = "Bolder", Spacing = "Medium" });
        var answering = storage.Answered
            ? string.Create(CultureInfo.InvariantCulture, $"{storageProvider}: answering ({storage.Took.TotalMilliseconds:0} ms)")
            : $"{storageProvider}: not answering";
        body.Add(new TextBlock(answering) { Color = storage.Answered ? "Good" : "Attention" });

        body.Add(new TextBlock("Recent notices") { Weight = "Bolder", Spacing = "Medium" });
        if (notices.Count == 0)
            body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"None in the last {recentDays} days.")) { IsSubtle = true });
        foreach (var notice in notices)
        {
            body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{notice.At:ddd d MMM HH:mm} UTC: {KindLabel(notice.Kind)}")) { IsSubtle = true, Spacing = "Small" });
            body.Add(new TextBlock(CardText.Escape(notice.Text)) { Spacing = "None" });
        }

        return new AdaptiveCard { FallbackText = Title, Body = body };
    }

    private static string Describe(Pulse pulse, DateTimeOffset now)
    {
        // The week is what people know a pulse by.
        var week = PulseIds.WeekOf(pulse.Id);
        return pulse.Status == PulseStatus.Closed || now >= pulse.ClosesAt
            ? string.Create(CultureInfo.InvariantCulture, $"{week}: closed on {pulse.ClosesAt:dddd d MMMM}")
            : string.Create(CultureInfo.InvariantCulture, $"{week}: {(pulse.Status == PulseStatus.Open ? "open" : "sending")} until {pulse.ClosesAt:dddd d MMMM HH:mm} UTC");
    }

    private static string KindLabel(NoticeKind kind) => kind switch
    {
        NoticeKind.DigestNotDelivered => "HR digest not delivered",
        NoticeKind.PulseNotOpened => "pulse could not open",
        NoticeKind.PeopleUnreachable => "people unreachable",
        NoticeKind.StorageUnavailable => "store unavailable",
        _ => kind.ToString(),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
