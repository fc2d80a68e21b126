namespace FocusBot.EndToEnd.Playground;

/// <summary>The limits of the explicit waits in these tests.</summary>
internal static class Waits
{
    /// <summary>Every wait a test makes.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The one exception, once per fixture: Chromium's first load of the Playground compiles and runs a 9 MB script
    /// (about 12 s on an idle 2-core machine, measured past 30 s when other builds share the cores). Later loads reuse
    /// the compiled code and take a few seconds.
    /// </summary>
    public static readonly TimeSpan FirstPageLoad = TimeSpan.FromSeconds(60);

    public static float MaxMilliseconds => (float)Max.TotalMilliseconds;
}
