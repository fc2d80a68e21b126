using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// A new pulse's questions for a tenant: the bank's active ones, avoiding those its last pulses asked
/// (<see cref="QuestionRotation"/>). The weekly opening and <see cref="PulseNow"/> ask the same way.
/// </summary>
public sealed class PulseQuestions(IOptions<PulseOptions> options, IQuestionStore questions, IPulseStore pulses)
{
    public async Task<IReadOnlyList<string>> ChooseAsync(string tenantId, string week, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var bank = await questions.ListAsync(includeInactive: false, cancellationToken);
        var recent = (await pulses.ListRecentAsync(settings.NoRepeatWeeks * 4, cancellationToken))
            .Where(p => p.TenantId == tenantId).Take(settings.NoRepeatWeeks).Select(p => p.QuestionIds).ToList();
        return QuestionRotation.Choose(bank, recent, settings.Size, settings.NoRepeatWeeks, week);
    }
}
