using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>What one `trends` or `comments` request reads: a slice, and whether the reader sees that team alone (a Manager).</summary>
public sealed record TrendScope(string Slice, bool TeamOnly)
{
    public static readonly TrendScope Organisation = new(TrendSlices.Org, TeamOnly: false);

    public string Scope => Slice == TrendSlices.Org ? "organisation" : "team";
}
