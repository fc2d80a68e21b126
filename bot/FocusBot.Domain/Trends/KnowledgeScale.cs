namespace FocusBot.Domain.Trends;

/// <summary>How one quiz item was answered in one group of answers (a period): answers and how many were correct.</summary>
public sealed record ItemTally(string Group, string ItemId, long Correct, long Answers);

/// <summary>
/// Knowledge on a fair scale. The raw weekly "% correct" follows which one or two quiz items were asked that week: an
/// easy item lifts it, a hard one drops it, though nobody learned or forgot anything. This is a Rasch model (one
/// parameter per item): the chance a group answers item i correctly is logistic(ability − difficultyᵢ). Difficulties
/// are estimated from every answer there is, with one ability per group, so an item asked only in good weeks is not
/// taken for an easy one. A period's ability is then re-estimated with the difficulties fixed, and shown as the
/// <em>adjusted index</em>: the % correct that ability would give across every item of the bank, asked together. The same
/// bank for every period is what makes periods compare like with like.
/// <para>
/// Abilities are per group, not per person: the aggregates keep counts, not people, and that is enough to separate
/// item difficulty from the item mix. Both parameters carry a weak normal prior (mean 0, standard deviation
/// <see cref="PriorSd"/> logits), so an item everyone got right has a large finite difficulty instead of an infinite
/// one; with tens of answers per item the prior moves nothing visibly.
/// </para>
/// </summary>
public sealed class KnowledgeScale
{
    public const double PriorSd = 2.5;

    /// <summary>Written next to the adjusted figures wherever they are shown.</summary>
    public const string Method =
        "Adjusted index: the % correct expected if every knowledge item had been asked, from a Rasch (one-parameter) model whose item difficulties are estimated from all answers, so a week of easy or hard items does not move it.";

    private const int MaxRounds = 500;
    private const double Converged = 1e-7;
    private static readonly double s_priorPrecision = 1 / (PriorSd * PriorSd);

    private readonly Dictionary<string, double> _difficulties;

    private KnowledgeScale(Dictionary<string, double> difficulties, long answers)
    {
        _difficulties = difficulties;
        Answers = answers;
    }

    /// <summary>Difficulty of each item in logits (higher is harder).</summary>
    public IReadOnlyDictionary<string, double> Difficulties => _difficulties;

    /// <summary>The items of the bank: those with at least one answer.</summary>
    public int Items => _difficulties.Count;

    /// <summary>Answers the difficulties were estimated from.</summary>
    public long Answers { get; }

    /// <summary>
    /// Estimates item difficulties and group abilities together by maximising the penalised likelihood, one coordinate
    /// at a time (each step a Newton step on a concave function of one unknown, so it cannot diverge).
    /// </summary>
    public static KnowledgeScale Estimate(IEnumerable<ItemTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var cells = tallies.Where(t => t.Answers > 0).Select(t => t with { Correct = Math.Clamp(t.Correct, 0, t.Answers) }).ToList();
        if (cells.Count == 0)
            return new KnowledgeScale([], 0);
        var difficulties = cells.Select(c => c.ItemId).Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0.0, StringComparer.Ordinal);
        var abilities = cells.Select(c => c.Group).Distinct(StringComparer.Ordinal).ToDictionary(group => group, _ => 0.0, StringComparer.Ordinal);
        var byItem = cells.ToLookup(c => c.ItemId, StringComparer.Ordinal);
        var byGroup = cells.ToLookup(c => c.Group, StringComparer.Ordinal);
        for (var round = 0; round < MaxRounds; round++)
        {
            var before = abilities.Values.Concat(difficulties.Values).ToArray();
            foreach (var group in abilities.Keys.ToList())
                abilities[group] = Solve(abilities[group], byGroup[group].Select(c => (-difficulties[c.ItemId], c.Correct, c.Answers)));
            // logistic(ability − b) is logistic(x + ability) with x = −b: solve for x.
            foreach (var item in difficulties.Keys.ToList())
                difficulties[item] = -Solve(-difficulties[item], byItem[item].Select(c => (abilities[c.Group], c.Correct, c.Answers)));

            // Adding the same amount to every ability and difficulty changes no chance: centring the difficulties on
            // zero pins that down, or coordinate steps would creep along it for thousands of rounds.
            var centre = difficulties.Values.Average();
            foreach (var item in difficulties.Keys.ToList())
                difficulties[item] -= centre;
            foreach (var group in abilities.Keys.ToList())
                abilities[group] -= centre;
            var after = abilities.Values.Concat(difficulties.Values).ToArray();
            if (before.Zip(after, (x, y) => Math.Abs(x - y)).DefaultIfEmpty().Max() < Converged)
                break;
        }

        return new KnowledgeScale(difficulties, cells.Sum(c => c.Answers));
    }

    /// <summary>The ability of one period's answers with the difficulties held fixed; null when none of its items is in the bank.</summary>
    public double? AbilityOf(IEnumerable<(string ItemId, long Correct, long Answers)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var known = answers.Where(a => a.Answers > 0 && _difficulties.ContainsKey(a.ItemId))
            .Select(a => (-_difficulties[a.ItemId], Math.Clamp(a.Correct, 0, a.Answers), a.Answers)).ToList();
        return known.Count == 0 ? null : Solve(0, known);
    }

    /// <summary>The % correct an ability gives across every item of the bank, each asked once.</summary>
    public double ExpectedPercent(double ability) =>
        _difficulties.Count == 0 ? 0 : 100 * _difficulties.Values.Average(difficulty => Logistic(ability - difficulty));

    /// <summary>
    /// Maximises Σ [k·log σ(x + oᵢ) + (n − k)·log(1 − σ(x + oᵢ))] − x²/(2·sd²) over x by Newton's method, where each
    /// term is (offset oᵢ, successes k, trials n). The prior is symmetric about zero, so it serves a difficulty (solved
    /// as −b) as well as an ability.
    /// </summary>
    private static double Solve(double start, IEnumerable<(double Offset, long Successes, long Trials)> terms)
    {
        var list = terms as IReadOnlyCollection<(double, long, long)> ?? [.. terms];
        var x = start;
        for (var step = 0; step < 50; step++)
        {
            var gradient = -s_priorPrecision * x;
            var curvature = s_priorPrecision;
            foreach (var (offset, successes, trials) in list)
            {
                var p = Logistic(x + offset);
                gradient += successes - (trials * p);
                curvature += trials * p * (1 - p);
            }

            var change = gradient / curvature;
            x += change;
            if (Math.Abs(change) < Converged)
                break;
        }

        return x;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
