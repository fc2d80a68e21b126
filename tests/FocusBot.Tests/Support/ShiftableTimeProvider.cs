namespace FocusBot.Tests.Support;

/// <summary>The system clock moved forward by <see cref="Offset"/>; timers and delays stay real.</summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
