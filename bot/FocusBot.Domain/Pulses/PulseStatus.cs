namespace FocusBot.Domain.Pulses;

public enum PulseStatus
{
    /// <summary>Created, not yet sending.</summary>
    Scheduled,

    /// <summary>The fan-out is delivering it to recipients at their local send time.</summary>
    Sending,

    /// <summary>Everyone has been sent it; answers are still accepted.</summary>
    Open,

    /// <summary>No more answers are accepted.</summary>
    Closed,
}
