using System.Diagnostics;

namespace FocusBot.Telemetry;

/// <summary>
/// One submit of a pulse card being measured: its span, and on dispose its outcome, the answers it stored and its
/// latency. The answer path sets the outcome; one it never set (an exception escaped) is
/// <see cref="FocusBotTelemetry.AnswerOutcomes.Failed"/>.
/// </summary>
public sealed class AnswerMeasurement : IDisposable
{
    private readonly Activity? _span;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;

    internal AnswerMeasurement(Activity? span, TimeProvider timeProvider)
    {
        _span = span;
        _timeProvider = timeProvider;
        _started = timeProvider.GetTimestamp();
    }

    public string Outcome { get; set; } = FocusBotTelemetry.AnswerOutcomes.Failed;

    /// <summary>Answers stored (new or changed) by this submit.</summary>
    public int Stored { get; set; }

    public void Dispose()
    {
        FocusBotTelemetry.RecordAnswer(_span, Outcome, Stored, _timeProvider.GetElapsedTime(_started));
        _span?.Dispose();
    }
}
