using FocusBot.Configuration;

namespace FocusBot.Development;

/// <summary>
/// `--seed-demo` and `--pulse-now` are switches: they take no value. .NET's command-line configuration reads any
/// `--name` without `=` as taking the next argument as its value, so `--seed-demo --Bot:AdminAadObjectIds=…` used to
/// swallow the setting after it. Each switch is rewritten as its configuration key set to true before configuration
/// reads the arguments, so it works in any position (and as DevTools__SeedDemo=true in the environment).
/// </summary>
public static class DevelopmentSwitches
{
    public const string SeedDemo = "--seed-demo";
    public const string PulseNow = "--pulse-now";

    private static readonly Dictionary<string, string> s_keys = new(StringComparer.OrdinalIgnoreCase)
    {
        [SeedDemo] = ConfigurationKeys.DevToolsSeedDemo,
        [PulseNow] = ConfigurationKeys.DevToolsPulseNow,
    };

    /// <summary>The arguments with each switch written as `--DevTools:Key=true`; every other argument as it was.</summary>
    public static string[] Expand(IEnumerable<string> args) =>
        [.. args.Select(arg => s_keys.TryGetValue(arg, out var key) ? $"--{key}=true" : arg)];

    /// <summary>
    /// Why the host must not start, or null. The switches write made-up people and answers or message everyone at once, and
    /// a shifted clock would stamp real answers with the wrong week, so outside Development they stop FocusBot before it
    /// writes or sends anything, rather than being ignored unseen. In Development, a clock offset that cannot be read.
    /// </summary>
    public static string? RefusalOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
            return DevelopmentClock.Read(configuration).Problem is { } problem ? "FocusBot: " + problem : null;
        var given = s_keys.Where(s => configuration.GetValue<bool>(s.Value)).Select(s => s.Key).ToList();
        if (!string.IsNullOrWhiteSpace(configuration[ConfigurationKeys.DevToolsClockOffset]))
            given.Add(ConfigurationKeys.DevToolsClockOffset);
        return given.Count == 0
            ? null
            : $"FocusBot: {string.Join(" and ", given)} only {(given.Count == 1 ? "runs" : "run")} in Development (ASPNETCORE_ENVIRONMENT=Development); " +
                $"this is {environment.EnvironmentName}. Nothing was written or sent.";
    }
}
