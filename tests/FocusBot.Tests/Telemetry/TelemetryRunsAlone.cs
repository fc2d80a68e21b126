namespace FocusBot.Tests.Telemetry;

/// <summary>
/// Spans and metrics are heard process-wide (an ActivityListener or MeterListener hears every source of its name), so
/// tests that count them run alone, after the parallel ones: another test's host would otherwise add its sends.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryRunsAlone
{
    public const string Name = "Telemetry";
}
