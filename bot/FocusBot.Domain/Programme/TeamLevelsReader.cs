using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Programme;

/// <summary>Each team's level under the mastery rule, over the weeks the rule looks at.</summary>
public sealed record ProgrammeLevelsReport(MasteryRule Rule, IReadOnlyList<TrendPeriod> Weeks, IReadOnlyList<TeamLevel> Teams)
{
    /// <summary>The organisation's level (<see cref="ProgrammeLevelRule.OfOrganisation"/>), which steers the rotation.</summary>
    public int OrganisationLevel => ProgrammeLevelRule.OfOrganisation(Teams);

    /// <summary>The level the rotation asks more of: the one after the organisation's, once it has one; 0 for none.</summary>
    public int FocusLevel => OrganisationLevel is > 0 and < TeamLevel.Top ? OrganisationLevel + 1 : 0;
}

/// <summary>
/// Team levels for the `programme` card, the report page, the review pack and the rotation: the privacy gate's item
/// figures (<see cref="PrivacyGate.PublishLevelsAsync"/>) judged by the mastery rule against the question bank, as it is
/// today or, for a past day, as it stood then as far as the store can tell (<see cref="BankOn"/>).
/// </summary>
public sealed class TeamLevelsReader(PrivacyGate gate, IQuestionStore questions, MasteryRule rule)
{
    public MasteryRule Rule => rule;

    /// <param name="teamSlice">One team (a Manager's own), or null for every team with figures in the rule's weeks.</param>
    /// <param name="asOf">Levels as they stood on that day (the rule's weeks ending by it); today when null.</param>
    public async Task<ProgrammeLevelsReport> ReadAsync(string tenantId, string? teamSlice, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        var figures = await gate.PublishLevelsAsync(tenantId, teamSlice, rule.Weeks, cancellationToken, asOf);
        var bank = await questions.ListAsync(includeInactive: asOf is not null, cancellationToken);
        if (asOf is { } day)
            bank = BankOn(bank, day, figures);
        return new ProgrammeLevelsReport(rule, figures.Weeks, [.. figures.Teams.Select(team => ProgrammeLevelRule.Evaluate(team, bank, rule))]);
    }

    /// <summary>
    /// The items a level was judged by on a past <paramref name="day"/>: those with figures in its weeks (asked then,
    /// whatever their state now) and those active now that existed by then. An item added since did not stand between a
    /// team and its level then; one taken out since did. An item taken out since that no team shows a figure for cannot
    /// be told from one never asked, and is left out.
    /// </summary>
    private static List<Question> BankOn(IReadOnlyList<Question> bank, DateOnly day, LevelFigures figures)
    {
        var asked = figures.Teams.SelectMany(t => t.Items).Where(i => i.IsShown).Select(i => i.QuestionId).ToHashSet(StringComparer.Ordinal);
        return [.. bank
            .Where(q => asked.Contains(q.Id) || (q.Active && DateOnly.FromDateTime(q.CreatedAt.UtcDateTime) <= day))
            .Select(q => q with { Active = true })];
    }
}
