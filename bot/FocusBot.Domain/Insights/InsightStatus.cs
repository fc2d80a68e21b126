namespace FocusBot.Domain.Insights;

/// <summary>Where an insight is in its life: waiting for its time, out, or taken back.</summary>
public enum InsightStatus
{
    /// <summary>Out: posted in its channels and queued for its people.</summary>
    Sent,

    /// <summary>Waiting for <see cref="Insight.SendAt"/>; nobody has it yet. An insight sent at once passes through here too.</summary>
    Scheduled,

    /// <summary>Cancelled before its time: it never goes out.</summary>
    Cancelled,

    /// <summary>Taken back after it went out: every message of it is deleted.</summary>
    Recalled,
}
