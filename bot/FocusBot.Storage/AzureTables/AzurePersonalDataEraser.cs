using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Privacy;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Finds a person's rows by key, never by scanning (README.md names the key of each part): recognitions through
/// RecognitionsByRecipient, marks through PersonMarks, answers and deliveries group by group through Ledgers, the rest
/// by point reads. Rows that find other rows go last, so an interrupted erasure is finished by running it again.
/// </summary>
internal sealed class AzurePersonalDataEraser(
    AzureConversationStore conversations,
    AzureRosterStore roster,
    AzureDeliveryStore deliveries,
    AzureAnswerStore answers,
    AzureCountedAnswersStore counted,
    AzureAnsweredMarkStore answeredMarks,
    AzureRecognitionStore recognitions,
    AzurePersonMarks marks,
    CountedMarks counters,
    AzureSettingsStore settings,
    AzureRoleStore roles,
    AzureReviewItemStore reviewItems) : IPersonalDataEraser
{
    public async Task<ErasureResult> CountAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject.Validate();
        var recognised = await recognitions.ListForRecipientAsync(subject.TenantId, subject.UserId, subject.AadObjectId, cancellationToken);
        var given = (await recognitions.ListGivenAsync(subject.TenantId, subject.UserId, subject.AadObjectId, since: null, cancellationToken))
            .Where(r => recognised.All(mine => mine.Id != r.Id)).ToList();
        var ownIds = recognised.Concat(given).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var marked = new Dictionary<MarkKind, int>();
        var answerCount = 0;
        var reviewCount = 0;
        foreach (var key in Keys(subject))
        {
            foreach (var (name, itemId) in await marks.ListAsync(key, cancellationToken))
            {
                // Applause on a recognition of or by the person goes with that recognition, so it is not counted twice.
                if (MarkKind.Named(name) is { } kind && !(kind == MarkKind.Applause && ownIds.Contains(itemId))
                    && await counters.ExistsAsync(kind, itemId, key, cancellationToken))
                {
                    marked[kind] = marked.GetValueOrDefault(kind) + 1;
                }
            }

            answerCount += await answers.CountForRespondentAsync(key, cancellationToken);
            reviewCount += (await reviewItems.ListForPersonAsync(subject.TenantId, key, cancellationToken)).Count;
        }

        return new ErasureResult
        {
            Recognitions = recognised.Count,
            RecognitionsGiven = given.Count,
            GotItMarks = marked.GetValueOrDefault(MarkKind.GotIt),
            ApplauseMarks = marked.GetValueOrDefault(MarkKind.Applause),
            Answers = answerCount,
            ReviewItems = reviewCount,
            Deliveries = subject.UserId is { Length: > 0 } user ? await deliveries.CountForRecipientAsync(RecipientKeys.For(subject.TenantId, user), cancellationToken) : 0,
            PauseFlags = subject.UserId is { Length: > 0 } paused && await settings.IsPausedAsync(subject.TenantId, paused, cancellationToken) ? 1 : 0,
            RoleAssignments = subject.AadObjectId is { Length: > 0 } aad ? (await roles.ListForPersonAsync(subject.TenantId, aad, cancellationToken)).Count : 0,
            DigestSettings = subject.AadObjectId is { Length: > 0 } off && await settings.IsDigestOffAsync(subject.TenantId, off, cancellationToken) ? 1 : 0,
            RosterEntries = await roster.CountPersonAsync(subject.TenantId, subject.UserId, subject.AadObjectId, cancellationToken),
            ConversationReferences = await conversations.CountPersonAsync(subject.TenantId, subject.UserId, subject.AadObjectId, cancellationToken),
        };
    }

    public async Task<ErasureResult> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject.Validate();
        // Different recognitions (nobody recognises themselves), so side by side.
        var received = recognitions.EraseForRecipientAsync(subject.TenantId, subject.UserId, subject.AadObjectId, cancellationToken);
        var given = recognitions.EraseGivenAsync(subject.TenantId, subject.UserId, subject.AadObjectId, cancellationToken);
        await Task.WhenAll(received, given);
        var (recognitionCount, givenCount) = (await received, await given);
        var marked = new Dictionary<MarkKind, int>();
        var answerCount = 0;
        var reviewCount = 0;
        foreach (var key in Keys(subject))
        {
            // Each mark goes with its count, then the index row that found it.
            foreach (var (name, itemId) in await marks.ListAsync(key, cancellationToken))
            {
                if (MarkKind.Named(name) is { } kind && await counters.RemoveAsync(kind, itemId, key, cancellationToken))
                {
                    marked[kind] = marked.GetValueOrDefault(kind) + 1;
                }

                await marks.ForgetAsync(key, name, itemId, cancellationToken);
            }

            answerCount += await answers.EraseRespondentAsync(key, cancellationToken);
            // Derived from the answers (what the aggregates counted): erased with them, not counted separately.
            await counted.EraseRespondentAsync(key, cancellationToken);
            reviewCount += await reviewItems.DeleteForPersonAsync(subject.TenantId, key, cancellationToken);
        }

        // Markers name nobody: FocusBot computed the person's for each pulse (ErasureSubject.AnsweredMarkers).
        await TableClientExtensions.ForEachAsync(
            subject.AnsweredMarkers, async (mark, token) => await answeredMarks.RemoveAsync(mark.PulseId, mark.Marker, token), cancellationToken);

        return new ErasureResult
        {
            Recognitions = recognitionCount,
            RecognitionsGiven = givenCount,
            GotItMarks = marked.GetValueOrDefault(MarkKind.GotIt),
            ApplauseMarks = marked.GetValueOrDefault(MarkKind.Applause),
            Answers = answerCount,
            ReviewItems = reviewCount,
            Deliveries = subject.UserId is { Length: > 0 } user ? await deliveries.EraseRecipientAsync(RecipientKeys.For(subject.TenantId, user), cancellationToken) : 0,
            PauseFlags = subject.UserId is { Length: > 0 } paused ? await settings.ErasePauseAsync(subject.TenantId, paused, cancellationToken) : 0,
            RoleAssignments = subject.AadObjectId is { Length: > 0 } aad ? await roles.EraseAsync(subject.TenantId, aad, cancellationToken) : 0,
            DigestSettings = subject.AadObjectId is { Length: > 0 } off ? await settings.EraseDigestOffAsync(subject.TenantId, off, cancellationToken) : 0,
            RosterEntries = await roster.ErasePersonAsync(subject.TenantId, subject.UserId, subject.AadObjectId, cancellationToken),
            ConversationReferences = await conversations.ErasePersonAsync(subject.TenantId, subject.UserId, subject.AadObjectId, cancellationToken),
        };
    }

    private static IEnumerable<string> Keys(ErasureSubject subject) => subject.Pseudonyms.Where(key => !string.IsNullOrEmpty(key)).Distinct(StringComparer.Ordinal);
}
