namespace FocusBot.Domain.Pulses;

/// <summary>
/// Whether a tenant's next pulse ends with the Voice question (Pulse:VoiceEvery): 1 every pulse, N every Nth pulse, 0
/// never. Decided from the tenant's recent pulses rather than a counter, so nothing extra is stored and a restart, a
/// skipped week or a pulse opened by hand cannot shift the rhythm: the pulse asks it when none of the N-1 pulses
/// before it did. The first pulse of a tenant therefore always asks it (when N is not 0).
/// </summary>
public static class VoiceCadence
{
    /// <param name="every">Pulse:VoiceEvery, 0 or more.</param>
    /// <param name="recentAskedVoice">For the tenant's earlier pulses, newest first: whether each asked the Voice question.</param>
    public static bool IsDue(int every, IReadOnlyList<bool> recentAskedVoice)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(every);
        ArgumentNullException.ThrowIfNull(recentAskedVoice);
        if (every == 0)
            return false;
        return !recentAskedVoice.Take(every - 1).Any(asked => asked);
    }
}
