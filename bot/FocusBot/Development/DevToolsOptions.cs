namespace FocusBot.Development;

/// <summary>What a developer asks of a Development run, usually with `--seed-demo` and `--pulse-now` (<see cref="DevelopmentSwitches"/>).</summary>
public sealed class DevToolsOptions
{
    public const string Section = "DevTools";

    /// <summary>
    /// Demo history for trends, and the Playground's person chatting made Admin, HR and Executive with the Playground's
    /// team and its members known (<see cref="PlaygroundRegistration"/>).
    /// </summary>
    public bool SeedDemo { get; set; }

    /// <summary>Opens this week's pulse for everyone once someone opens FocusBot's chat (<see cref="PulseNowOnFirstChat"/>).</summary>
    public bool PulseNow { get; set; }
}
