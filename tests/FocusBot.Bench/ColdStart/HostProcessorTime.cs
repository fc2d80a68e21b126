namespace FocusBot.Bench.ColdStart;

/// <summary>Processor time the host spent starting, on the first answers and on as many answers once warm.</summary>
internal sealed record HostProcessorTime(TimeSpan Start, TimeSpan FirstAnswers, TimeSpan WarmAnswers)
{
    /// <summary>How much more the first answers cost than warm ones: 1 is "fast from the first answer".</summary>
    public double ColdOverWarm => FirstAnswers / WarmAnswers;
}
