namespace FocusBot.PulseResults;

/// <summary>The results card staff get once a pulse's week is sealed (configuration section Pulse:ResultsCard).</summary>
public sealed class ResultsCardOptions
{
    public const string Section = "Pulse:ResultsCard";

    /// <summary>Off: no results card is queued, and none still waiting is sent.</summary>
    public bool Enabled { get; set; } = true;
}
