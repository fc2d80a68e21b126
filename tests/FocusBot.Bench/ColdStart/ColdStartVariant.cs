namespace FocusBot.Bench.ColdStart;

/// <summary>How the host is built for a start: as an earlier commit published it, or this tree without or with ReadyToRun.</summary>
internal enum HostBuild
{
    Before,
    Jit,
    ReadyToRun,
}

/// <summary>
/// One way of starting the host that the scenario compares: which build, whether the host warms its answer path before it
/// reports ready, and runtime knobs given as the DOTNET_ variables that override the app's runtimeconfig.json.
/// </summary>
internal sealed record ColdStartVariant(string Name, HostBuild Build, bool WarmUp, IReadOnlyDictionary<string, string?> Runtime)
{
    /// <summary>The knobs any variant may set: each is removed from the host's environment unless the variant sets it.</summary>
    public static readonly string[] RuntimeKnobs = ["DOTNET_TieredPGO", "DOTNET_TC_QuickJitForLoops", "DOTNET_TieredCompilation", "DOTNET_ReadyToRun"];

    private static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>();

    public static readonly ColdStartVariant[] All =
    [
        new("before", HostBuild.Before, WarmUp: false, Defaults),
        new("jit", HostBuild.Jit, WarmUp: false, Defaults),
        new("jit+pgo-off", HostBuild.Jit, WarmUp: false, Knob("DOTNET_TieredPGO", "0")),
        new("jit+loops-full-jit", HostBuild.Jit, WarmUp: false, Knob("DOTNET_TC_QuickJitForLoops", "0")),
        new("jit+tiering-off", HostBuild.Jit, WarmUp: false, Knob("DOTNET_TieredCompilation", "0")),
        new("jit+warmup", HostBuild.Jit, WarmUp: true, Defaults),
        new("r2r", HostBuild.ReadyToRun, WarmUp: false, Defaults),
        new("r2r+pgo-off", HostBuild.ReadyToRun, WarmUp: false, Knob("DOTNET_TieredPGO", "0")),
        new("r2r+tiering-off", HostBuild.ReadyToRun, WarmUp: false, Knob("DOTNET_TieredCompilation", "0")),
        new("r2r+warmup", HostBuild.ReadyToRun, WarmUp: true, Defaults),
        new("r2r+warmup+pgo-off", HostBuild.ReadyToRun, WarmUp: true, Knob("DOTNET_TieredPGO", "0")),
        new("r2r+warmup+tiering-off", HostBuild.ReadyToRun, WarmUp: true, Knob("DOTNET_TieredCompilation", "0")),
    ];

    /// <summary>The host's environment for this variant, on top of what every start gets.</summary>
    public Dictionary<string, string?> Environment()
    {
        var environment = RuntimeKnobs.ToDictionary(knob => knob, knob => Runtime.GetValueOrDefault(knob));
        environment["WarmUp__Enabled"] = WarmUp ? "true" : "false";
        return environment;
    }

    private static Dictionary<string, string?> Knob(string name, string value) => new() { [name] = value };
}
