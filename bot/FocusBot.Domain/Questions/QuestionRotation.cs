namespace FocusBot.Domain.Questions;

/// <summary>
/// Picks a pulse's items: one each of Knowledge, Behaviour and Attitude first, then the rest by whichever was asked
/// longest ago; nothing asked in the last few pulses (the host's Pulse:NoRepeatWeeks) while anything fresher remains;
/// a knowledge check tied to the newest insight takes the Knowledge place. Once the organisation has reached a programme
/// level, the Knowledge and Behaviour places and any beyond the three go to items of the next level where fresh ones
/// exist; the Attitude place stays open to every level, so the pulse keeps one of each dimension.
/// </summary>
public static class QuestionRotation
{
    private static readonly QuestionDimension[] Mix = [QuestionDimension.Knowledge, QuestionDimension.Behaviour, QuestionDimension.Attitude];

    /// <param name="bank">The question bank.</param>
    /// <param name="recentPulses">Question ids of earlier pulses, newest first.</param>
    /// <param name="size">Items wanted (clamped to 3-5).</param>
    /// <param name="noRepeatPulses">How many recent pulses' items to avoid.</param>
    /// <param name="seed">Varies the order among equally fresh items from one pulse to the next (e.g. the week).</param>
    /// <param name="focusLevel">The level to ask more of (the one after the organisation's), or 0 for none.</param>
    public static IReadOnlyList<string> Choose(IReadOnlyList<Question> bank, IReadOnlyList<IReadOnlyList<string>> recentPulses, int size,
        int noRepeatPulses, string seed, int focusLevel = 0)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(recentPulses);
        size = Math.Clamp(size, 3, 5);
        var lastAsked = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var age = recentPulses.Count - 1; age >= 0; age--)
        {
            foreach (var id in recentPulses[age])
                lastAsked[id] = age;
        }

        var candidates = bank.Where(q => q.Active && q.Dimension != QuestionDimension.Voice)
            .OrderByDescending(q => lastAsked.TryGetValue(q.Id, out var age) ? age : int.MaxValue)
            .ThenBy(q => StableHash.Of(seed + q.Id))
            .ToList();
        var fresh = candidates.Where(q => !lastAsked.TryGetValue(q.Id, out var age) || age >= noRepeatPulses).ToList();
        var pool = fresh.Count >= size ? fresh : candidates;

        var chosen = new List<Question>();
        var insightCheck = bank.Where(q => q.Active && q.InsightId is not null && q.Dimension == QuestionDimension.Knowledge && !lastAsked.ContainsKey(q.Id))
            .OrderByDescending(q => q.CreatedAt).FirstOrDefault();
        if (insightCheck is not null)
            chosen.Add(insightCheck);
        foreach (var dimension in Mix)
        {
            if (chosen.Any(q => q.Dimension == dimension))
                continue;
            var focused = dimension != QuestionDimension.Attitude ? pool.FirstOrDefault(q => q.Dimension == dimension && q.Level == focusLevel && !chosen.Contains(q)) : null;
            if ((focused ?? pool.FirstOrDefault(q => q.Dimension == dimension && !chosen.Contains(q))) is { } pick)
                chosen.Add(pick);
        }

        chosen.AddRange(pool.Where(q => !chosen.Contains(q)).OrderByDescending(q => q.Level == focusLevel).Take(size - chosen.Count));
        return [.. chosen.Take(size).Select(q => q.Id)];
    }
}
