namespace FocusBot.Startup;

/// <summary>Whether the host rehearses its answer path before it starts listening (issue #11, "fast from the first answer").</summary>
public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>Off starts listening at once, and the first answers pay each first-use cost themselves (the benchmark compares both).</summary>
    public bool Enabled { get; set; } = true;
}
