namespace FocusBot.Domain.Programme;

/// <summary>What kind of programme activity an event was; HR picks one when recording it.</summary>
public enum ProgrammeEventKind
{
    Workshop,
    Training,
    CustomerClinic,
    FocusGroup,
    CustomerFocusTeamFormed,
    PolicyChange,
}

/// <summary>
/// A programme event (a workshop, a training, a customer focus team formed...) whose effect the weekly figures should
/// show: a marker on the report's charts, and a before-and-after comparison around its date. Named so it does not
/// read as a .NET event.
/// </summary>
public sealed record ProgrammeEvent
{
    public const int MaxTitle = 120;

    /// <summary>At most this many teams: an event for more is an event for everyone.</summary>
    public const int MaxTeams = 25;

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required ProgrammeEventKind Kind { get; init; }

    /// <summary>As HR or an Executive wrote it; shown to those who read the figures.</summary>
    public required string Title { get; init; }

    /// <summary>The day it took place (or the first day of it); its ISO week is where the marker goes.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The Teams team ids of the teams involved; empty for the whole organisation.</summary>
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    /// <summary>Entra object id of the person who recorded it; never shown.</summary>
    public required string RecordedByAadObjectId { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public bool IsOrganisationWide => TeamIds.Count == 0;

    /// <summary>Who the event was for, in words: the whole organisation, or each team as <paramref name="nameOf"/> writes it (with its own words for a team it does not know).</summary>
    public string Audience(Func<string, string> nameOf) => IsOrganisationWide ? "The whole organisation" : string.Join(", ", TeamIds.Select(nameOf));

    /// <summary>Problems that keep the event from being stored, one sentence each; empty when it is sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
            problems.Add("Title is required: say what took place, e.g. \"Customer journey workshop\".");
        else if (Title.Length > MaxTitle)
            problems.Add($"Title is {Title.Length} characters; keep it to {MaxTitle}.");
        if (!Enum.IsDefined(Kind))
            problems.Add("Kind: choose what kind of event it was.");
        if (TeamIds.Count > MaxTeams)
            problems.Add($"{TeamIds.Count} teams chosen; choose at most {MaxTeams}, or the whole organisation.");
        if (TeamIds.Any(string.IsNullOrWhiteSpace) || TeamIds.Distinct(StringComparer.Ordinal).Count() != TeamIds.Count)
            problems.Add("Teams: each team can be chosen once.");
        return problems;
    }

    /// <summary>Value equality over the team list too, so a stored event compares equal to the one written.</summary>
    public bool Equals(ProgrammeEvent? other) =>
        other is not null && Id == other.Id && TenantId == other.TenantId && Kind == other.Kind && Title == other.Title && Date == other.Date &&
        TeamIds.SequenceEqual(other.TeamIds) && RecordedByAadObjectId == other.RecordedByAadObjectId && RecordedAt == other.RecordedAt;

    public override int GetHashCode() => HashCode.Combine(Id, TenantId, Kind, Title, Date, TeamIds.Count, RecordedByAadObjectId, RecordedAt);
}
