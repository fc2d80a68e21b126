using System.Globalization;

namespace FocusBot.Domain.Trends;

/// <summary>
/// The slices aggregates are kept for: the whole organisation, each team, each programme level and each topic tag,
/// plus the internal partitions for Voice terms and the per-period list of slices the privacy gate walks.
/// </summary>
public static class TrendSlices
{
    public const string Org = "org";

    /// <summary>Per period, one cell per slice that has data: the privacy gate's list of siblings to check together.</summary>
    public const string Index = "index";

    /// <summary>Per period, respondents per combination of teams (<see cref="Memberships"/>), read only when sealing.</summary>
    public const string Groups = "groups";

    public const string TeamPrefix = "team:";
    public const string LevelPrefix = "level:";
    public const string TagPrefix = "tag:";
    public const string VoicePrefix = "voice:";

    public static string Team(string teamId) => TeamPrefix + teamId;

    public static string Level(int level) => LevelPrefix + level.ToString(CultureInfo.InvariantCulture);

    public static string Tag(string tag) => TagPrefix + NormalizeTag(tag);

    /// <summary>Where the Voice terms of a slice (org or a team) are counted.</summary>
    public static string Voice(string slice) => VoicePrefix + slice;

    public static bool IsTeam(string slice) => slice.StartsWith(TeamPrefix, StringComparison.Ordinal);

    public static bool IsLevel(string slice) => slice.StartsWith(LevelPrefix, StringComparison.Ordinal);

    public static bool IsTag(string slice) => slice.StartsWith(TagPrefix, StringComparison.Ordinal);

    public static string TeamIdOf(string slice) => slice[TeamPrefix.Length..];

    public static string NormalizeTag(string tag) => tag.Trim().ToLowerInvariant();
}
