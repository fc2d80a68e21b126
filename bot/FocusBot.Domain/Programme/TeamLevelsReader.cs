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
/// Team levels for the `programme` card, the report page and the rotation: the privacy gate's item figures
/// (<see cref="PrivacyGate.PublishLevelsAsync"/>) judged by the mastery rule against the active question bank.
/// </summary>
public sealed class TeamLevelsReader(PrivacyGate gate, IQuestionStore questions, MasteryRule rule)
{
    public MasteryRule Rule => rule;

    /// <param name="teamSlice">One team (a Manager's own), or null for every team with figures in the rule's weeks.</param>
    /// <param name="asOf">Levels as they stood on that day (the rule's weeks ending by it); today when null.</param>
    public async Task<ProgrammeLevelsReport> ReadAsync(string tenantId, string? teamSlice, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        var figures = await gate.PublishLevelsAsync(tenantId, teamSlice, rule.Weeks, cancellationToken, asOf);
        var bank = await questions.ListAsync(includeInactive: false, cancellationToken);
        return new ProgrammeLevelsReport(rule, figures.Weeks, [.. figures.Teams.Select(team => ProgrammeLevelRule.Evaluate(team, bank, rule))]);
    }
}
