using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// A new pulse's questions for a tenant: the bank's active ones, avoiding those its last pulses asked
/// (<see cref="QuestionRotation"/>), ending with the Voice question when Pulse:VoiceEvery says so. The weekly opening and <see cref="PulseNow"/> ask the same way.
/// Once most teams have reached a programme level, the pulse asks more items of the next (<see cref="ProgrammeLevelsReport.FocusLevel"/>).
/// </summary>
public sealed class PulseQuestions(IOptions<PulseOptions> options, IQuestionStore questions, IPulseStore pulses, TeamLevelsReader levels)
{
    public async Task<IReadOnlyList<string>> ChooseAsync(string tenantId, string week, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var bank = await questions.ListAsync(includeInactive: false, cancellationToken);
        var recent = (await pulses.ListRecentAsync(settings.NoRepeatWeeks * 4, cancellationToken))
            .Where(p => p.TenantId == tenantId).Take(settings.NoRepeatWeeks).Select(p => p.QuestionIds).ToList();
        var focus = (await levels.ReadAsync(tenantId, teamSlice: null, cancellationToken)).FocusLevel;
        var chosen = QuestionRotation.Choose(bank, recent, settings.Size, settings.NoRepeatWeeks, week, focus);
        return chosen.Count == 0 ? chosen : await PulseBank.WithVoiceAsync(pulses, tenantId, chosen, bank, settings.VoiceEvery, cancellationToken);
    }
}
