using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Notices;

namespace FocusBot.Cards.Tests;

/// <summary>Notices and a pulse's delivery counts as the status card and the notice message show them.</summary>
public static class SampleNotices
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    public static Notice Digest { get; } = new()
    {
        Id = "DigestNotDelivered:failed:2026-W47",
        TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        Kind = NoticeKind.DigestNotDelivered,
        Text = "The weekly HR digest for week 47 could not be delivered to 1 of 2 HR people (Teams answered status 404).",
        At = s_at,
    };

    public static Notice Outage { get; } = new()
    {
        Id = "StorageUnavailable:2026-11-23T22:10:00.0000000+00:00",
        TenantId = Notice.AllTenants,
        Kind = NoticeKind.StorageUnavailable,
        Text = "FocusBot could not reach its store for about 12 minutes, from 22:10 UTC on Monday 23 November until 22:22 UTC.",
        At = s_at.AddHours(-11),
    };

    public static PulseDeliveryState PulseState { get; } = new(new Pulse
    {
        Id = "2026-W48.72f988bf-86f1-41af-91ab-2d7cd011db47",
        TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        QuestionIds = ["a-01", "b-01", "k-01", "a-09"],
        OpensAt = s_at,
        ClosesAt = s_at.AddDays(4),
        Status = PulseStatus.Open,
    }, Sent: 412, Waiting: 3, Blocked: 9, Failed: 2, Paused: 4, Answered: 187);
}
